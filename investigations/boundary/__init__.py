"""The boundary for user-written Cypher: parse with Neo4j's own Cypher 5 grammar, admit only
what an analysis needs, and run the text rebuilt from the checked parse tree (see check.py)."""
