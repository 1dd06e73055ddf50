// name: matching/dirty_persons
// description: Persons that a load among $loadIds created or changed, directly or through a
// description: registration, role or signal: the ones incremental matching must score again.
// params: loadIds
MATCH (p:Person)
WHERE p.loadId IN $loadIds
  OR EXISTS { MATCH (p)-[r:REGISTERED_AT|OFFICER_OF]->() WHERE r.loadId IN $loadIds }
  OR EXISTS { MATCH (p)<-[r:ABOUT]-(s:Signal) WHERE r.loadId IN $loadIds OR s.loadId IN $loadIds }
RETURN p.key AS key
