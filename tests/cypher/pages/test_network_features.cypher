// name: pages/test_network_features
// description: Test fixture: gives the hand-made network of api/test_network the facts the
// description: networks step writes beside its score (counts, component, key figures, score
// description: features as JSON text), so its page must state them in Dutch.
MATCH (n:Network {networkId: 'net-1'})
SET n.persons = 1, n.companies = 1, n.addresses = 0, n.component = 7,
  n.keyFigures = ['bsn:123456782'], n.computedAt = datetime('2026-05-01T10:30:00Z'),
  n.features = '{"structure": 0.95, "evidence": 0.4, "shortLived": 0.5, "rotation": 1.0, "companiesPerPerson": 0.0, "riskBranch": 0.25, "permits": ["P-1"], "signals": [], "cases": ["Z-1"], "flaggedMembers": 1}'
RETURN n.networkId AS id
