"""Notes on any entity ("zelf aanvullen"): what an officer saw, with author, team and time.

A note is read by its author's team (and the operator); another team watching the same entity
learns that the team watches it (deconfliction), never what it wrote. Writing and reading notes
need a stated purpose, and both are logged.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal, TypedDict

from graph.db import Graph, Row
from investigations.access.scope import Scope
from investigations.collab.entities import Entity, resolve
from investigations.collab.out import check_text, new_id, shown

NOTES_MAX = 200  # newest notes shown on a page


class Note(TypedDict):
    """A note as pages and the API show it (a row of `collab/notes` or `collab/note_add`)."""

    id: str
    kind: Literal["Note"]
    text: str
    author: str
    team: str | None
    createdAt: datetime


def add_note(graph: Graph, scope: Scope, public_id: str, text: str) -> Row:
    """Store a note exactly as typed (the response, like every page, shows it as text)."""
    scope.require("view")
    purpose = scope.require_purpose("Writing a note")
    check_text("text", text)
    entity = resolve(graph, scope, public_id)
    row = graph.write("collab/note_add", key=entity.key, noteId=new_id("note"), text=text,
                      author=scope.user, team=scope.team, partner=scope.partner, purpose=purpose,
                      at=datetime.now(UTC))[0]
    return shown(graph, scope, {"entity": entity.node(), "note": note(row)}, "note",
                 entity.public_id, {"note": row["id"], "length": len(text)}, always=True)


def read_notes(graph: Graph, scope: Scope, entity: Entity) -> list[Note]:
    """The notes on an entity this user may read, newest first (not yet masked)."""
    rows = graph.read("collab/notes", key=entity.key, user=scope.user, team=scope.team,
                      all=scope.operator, limit=NOTES_MAX)
    return [note(r) for r in rows]


def notes_for(graph: Graph, scope: Scope, public_id: str) -> Row:
    """An entity's notes as the user may see them (needs a purpose; logged)."""
    scope.require("view")
    scope.require_purpose("Reading notes")
    entity = resolve(graph, scope, public_id)
    return shown(graph, scope, {"entity": entity.node(), "notes": read_notes(graph, scope, entity)},
                 "notes", entity.public_id, always=True)


def note(row: Row) -> Note:
    # kind "Note": masking drops the text for a reader without identities (it may name anyone).
    return {"id": row["id"], "kind": "Note", "text": row["text"], "author": row["author"],
            "team": row["team"], "createdAt": row["createdAt"]}
