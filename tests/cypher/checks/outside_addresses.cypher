// name: checks/outside_addresses
// description: Addresses known only because a source referenced them (not in the loaded BAG).
MATCH (a:Address) WHERE a.outsideArea
RETURN a.key AS key ORDER BY key
