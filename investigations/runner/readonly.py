"""Refuse any investigation text that could change the graph, load files or run other code.

The first of three locks (the planner's query type and the read transaction are the others):
comments and string literals are cut out first, so a keyword hidden in a comment or a string
neither triggers nor escapes the check; keywords are matched in any case; every procedure called
and every namespaced function must be on a list of read-only ones (default deny).
"""

from __future__ import annotations

import re

from investigations.errors import BadParameter

WRITE_CLAUSES = ("CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "FOREACH",
                 "LOAD", "USE", "ALTER", "GRANT", "DENY", "REVOKE", "RENAME", "START", "STOP",
                 "TERMINATE", "ENABLE", "SHOW", "FINISH", "INSERT")
# Keywords as clauses: not property names (`n.set`), labels or types (`:Set`) or map keys (`set:`).
_CLAUSE = re.compile(r"(?<![.:\w])(" + "|".join(WRITE_CLAUSES) + r")(?!\w)(?!\s*:)", re.IGNORECASE)
_IN_TRANSACTIONS = re.compile(r"\bIN\s+(\d+\s+)?(CONCURRENT\s+)?TRANSACTIONS\b", re.IGNORECASE)
_CALL = re.compile(r"\bCALL\s+([A-Za-z_][\w.]*)", re.IGNORECASE)
_FUNCTION = re.compile(r"(?<![.\w])([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)+)\s*\(")
# Read-only procedures and function namespaces an investigation may call.
READ_PROCEDURES = frozenset({
    "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships", "db.labels",
    "db.relationshiptypes", "db.propertykeys", "apoc.path.expand", "apoc.path.expandconfig",
    "apoc.path.subgraphall", "apoc.path.subgraphnodes", "apoc.path.spanningtree",
    "apoc.algo.dijkstra", "apoc.algo.allsimplepaths", "apoc.neighbors.athop",
    "apoc.neighbors.tohop", "apoc.neighbors.byhop",
})
READ_FUNCTIONS = ("apoc.text.", "apoc.coll.", "apoc.map.", "apoc.convert.", "apoc.number.",
                  "apoc.temporal.", "apoc.date.", "apoc.agg.", "apoc.label.", "apoc.node.",
                  "apoc.nodes.connected", "apoc.math.", "apoc.path.", "point.", "duration.",
                  "date.", "datetime.", "localdatetime.", "localtime.", "time.")


class Refused(BadParameter):
    """The investigation's text may not run (it could write, load or call unknown code)."""

    def __init__(self, reason: str) -> None:
        super().__init__("cypher", f"refused, investigations are read-only: {reason}")


def words_only(text: str) -> str:
    """The text with comments and string literals replaced by a space and backtick-quoted names
    by their letters (`a b` -> a_b), so only Cypher's own words remain."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            out.append(" ")
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        elif c in "'\"":
            i = _string_end(text, i)
            out.append(" '' ")
        elif c == "`":
            end = text.find("`", i + 1)
            while end >= 0 and text.startswith("``", end):  # `` is an escaped backtick
                end = text.find("`", end + 2)
            end = n if end < 0 else end
            out.append(re.sub(r"\W", "_", text[i + 1:end]) or "_")
            i = end + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _string_end(text: str, start: int) -> int:
    quote, i = text[start], start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text[i] == quote:
            return i + 1
        else:
            i += 1
    return len(text)


def check(text: str) -> None:
    """Raise Refused, naming what was found, unless the text only reads."""
    bare = words_only(text)
    if not bare.strip():
        raise Refused("the text is empty")
    if match := _CLAUSE.search(bare):
        raise Refused(f"{match.group(1).upper()} changes the graph or the server")
    if _IN_TRANSACTIONS.search(bare):
        raise Refused("CALL { } IN TRANSACTIONS commits on its own")
    for match in _CALL.finditer(bare):
        name = re.sub(r"\s+", "", match.group(1)).lower()
        if name not in READ_PROCEDURES:
            raise Refused(f"procedure {match.group(1)} is not on the list of read-only procedures")
    for match in _FUNCTION.finditer(bare):
        name = re.sub(r"\s+", "", match.group(1)).lower()
        if name in READ_PROCEDURES or name.startswith(READ_FUNCTIONS):
            continue
        raise Refused(f"function {match.group(1)} is not on the list of read-only functions")
