// name: load/outside_addresses
// description: Addresses this load created because a source referenced a key outside the loaded BAG.
// params: loadId
MATCH (a:Address {loadId: $loadId})
WHERE a.outsideArea
RETURN count(a) AS outside
