// name: backup/test_seed
// description: Tests only: a note, a watch list, a notification and an outcome on entities of the
// description: hand-made town, as the collaboration features write them.
// params: at, day
MATCH (a:Address {key: 'adres:0479200000000001'}), (p:Person {key: 'bsn:999999990'}),
  (c:Company {key: 'kvk:12345678'}), (z:Case {caseId: 'Z1'})
CREATE (n:Note {noteId: 'note-1', text: '=HYPERLINK("http://x") veel fietsen', author: 'olga',
  team: 'team-gemeente', partner: 'gemeente', purpose: 'zaak Z-2026-041', createdAt: $at})-[:ON]->(a)
CREATE (w:WatchList {listId: 'list-1', name: 'Kerkstraat', owner: 'olga', team: 'team-gemeente',
  createdAt: $at})
CREATE (w)-[:WATCHES {since: $at, by: 'olga', lastScore: 0.25}]->(a)
CREATE (w)-[:WATCHES {since: $at, by: 'olga'}]->(p)
CREATE (m:Notification {notificationId: 'msg-1', toUser: 'olga', toTeam: 'team-gemeente',
  kind: 'deconfliction', message: 'Team politie volgt dit bedrijf ook', createdAt: $at})-[:ABOUT]->(c)
CREATE (o:Outcome {outcomeId: 'uitkomst-1', result: 'overtreding', date: $day, text: 'drie matrassen',
  author: 'olga', team: 'team-gemeente', recordedAt: $at})-[:OUTCOME_FOR]->(a)
CREATE (o)-[:RECORDS]->(z)
RETURN count(*) AS created
