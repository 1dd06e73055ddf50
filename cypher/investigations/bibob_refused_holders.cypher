// name: investigations/bibob_refused_holders
// description: Holders of a permit (requested or granted) who elsewhere had a permit refused or a
// description: Bibob advice of (ernstig) gevaar.
// title: Vergunninghouders met een weigering of Bibob-gevaar elders
// roles: case_preparer, analyst
// persons: yes
// limit: 1000
// timeout: 15
MATCH (h)<-[:HELD_BY]-(bad:Permit)-[:FOR_ADDRESS]->(elders:Address)
WHERE bad.status = 'geweigerd' OR bad.bibob IN ['ernstig gevaar', 'mate van gevaar']
MATCH (h)<-[:HELD_BY]-(p:Permit)-[:FOR_ADDRESS]->(a:Address)
WHERE p <> bad AND a <> elders AND p.status IN ['aangevraagd', 'verleend']
RETURN h AS houder, p AS vergunning, a AS adres, bad AS weigering, elders AS elders_adres
ORDER BY p.decisionDate DESC
