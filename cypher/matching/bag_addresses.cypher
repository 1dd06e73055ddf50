// name: matching/bag_addresses
// description: Every address of the loaded BAG with the parts the address matcher indexes.
MATCH (a:Address) WHERE NOT coalesce(a.outsideArea, false) AND a.houseNumber IS NOT NULL
RETURN a.key AS key, a.street AS street, a.houseNumber AS number, a.houseLetter AS letter,
  a.houseNumberAddition AS addition, a.postcode AS postcode, a.city AS city
