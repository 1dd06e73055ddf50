// name: load/any_node
// description: Whether the database holds any node: a bulk import (which replaces the database)
// description: refuses a database that is not empty unless forced.
// params: none
RETURN EXISTS { MATCH (n) } AS found
