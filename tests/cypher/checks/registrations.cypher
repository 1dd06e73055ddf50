// name: checks/registrations
// description: Registration periods of one BRP person, oldest first.
// params: bsn
MATCH (:Person {bsn: $bsn})-[r:REGISTERED_AT]->(a:Address)
RETURN a.key AS address, r.start AS start, r.end AS end, r.kind AS kind
ORDER BY r.start
