// name: checks/permit
// description: One permit with its status history and provenance.
// params: permitId
MATCH (p:Permit {permitId: $permitId})
RETURN p.status AS status, p.statusHistory AS statusHistory, p.loadId AS loadId, p.source AS source
