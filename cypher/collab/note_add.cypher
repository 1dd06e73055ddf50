// name: collab/note_add
// description: Add a note to an entity (address, person, company or network), with its author,
// description: team, partner, purpose and time; the text is stored exactly as typed.
// params: key, noteId, text, author, team, partner, purpose, at
CALL () { MATCH (n:Address {key: $key}) RETURN n UNION MATCH (n:Person {key: $key}) RETURN n UNION MATCH (n:Company {key: $key}) RETURN n UNION MATCH (n:Network {key: $key}) RETURN n }
CREATE (m:Note {noteId: $noteId, text: $text, author: $author, team: $team, partner: $partner,
  purpose: $purpose, createdAt: $at})-[:ON]->(n)
RETURN m.noteId AS id, m.text AS text, m.author AS author, m.team AS team, m.createdAt AS createdAt
