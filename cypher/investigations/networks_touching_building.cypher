// name: investigations/networks_touching_building
// description: Cooperation networks that touch a BAG building (pand): through one of its
// description: addresses, or a person or company at one of its addresses.
// title: Netwerken rond een pand
// roles: case_preparer, analyst
// persons: yes
// param: pand_id string -- BAG pand-id (16 cijfers)
// limit: 500
// timeout: 15
MATCH (:Building {pandId: $pand_id})<-[:IN_BUILDING]-(a:Address)
CALL (a) {
  MATCH (a)--(n:Network) RETURN n, a AS via
  UNION
  MATCH (a)--(m)--(n:Network) WHERE m:Person OR m:Company RETURN n, m AS via
}
RETURN n AS netwerk, a AS adres, collect(DISTINCT via) AS via
