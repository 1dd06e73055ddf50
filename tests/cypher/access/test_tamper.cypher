// name: access/test_tamper
// description: Test fixture: change audit entry 1 behind the application's back and recompute the
// description: whole chain after it, head included, with plain SHA-256, as someone who can write to
// description: Neo4j but has no audit key could; the HMACs must still show it.
MATCH (e:AuditEntry)
WITH e ORDER BY e.seq
WITH collect(e) AS chain
WITH chain, [x IN chain | CASE x.seq WHEN 1
  THEN replace(x.payload, '"action": ', '"action":  ') ELSE x.payload END] AS payloads
WITH chain, payloads, reduce(hashes = [], i IN range(0, size(chain) - 1) |
  hashes + [apoc.util.sha256([coalesce(hashes[-1], ''), toString(chain[i].seq), payloads[i]])])
  AS hashes
UNWIND range(0, size(chain) - 1) AS i
WITH chain[i] AS e, payloads[i] AS payload, hashes[i] AS hash,
  CASE i WHEN 0 THEN '' ELSE hashes[i - 1] END AS prev, hashes[-1] AS last
SET e.payload = payload, e.prev = prev, e.hash = hash
WITH last, count(*) AS rewritten
MATCH (h:AuditHead {key: 'audit'})
SET h.hash = last
RETURN rewritten
