// name: health/versions
// description: Versions of the Neo4j server, Graph Data Science and APOC (the public health check).
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
RETURN versions[0] AS neo4j, edition, gds.version() AS gds, apoc.version() AS apoc
