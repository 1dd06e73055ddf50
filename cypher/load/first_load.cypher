// name: load/first_load
// description: Whether the graph holds no source data yet (no address, person or company): a first
// description: load builds the secondary indexes after writing instead of during it.
// params: none
RETURN NOT EXISTS { MATCH (:Address) } AND NOT EXISTS { MATCH (:Person) }
  AND NOT EXISTS { MATCH (:Company) } AS first
