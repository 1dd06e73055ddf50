"""What an entity page shows of collaboration, in one call for the page that renders it."""

from __future__ import annotations

from graph.db import Graph, Row
from investigations.access.scope import Scope
from investigations.collab.entities import resolve
from investigations.collab.notes import read_notes
from investigations.collab.out import TEXT_MAX, shown
from investigations.collab.outcomes import RESULTS, read_outcomes
from investigations.collab.watchlists import watchers


def panel(graph: Graph, scope: Scope, public_id: str) -> Row:
    """Notes the user may read, the teams watching (deconfliction), whether and on which of the
    user's lists they watch it, those lists, and the outcomes recorded. Needs a purpose (it
    shows notes), masked, logged."""
    scope.require("view")
    scope.require_purpose("Viewing an entity")
    entity = resolve(graph, scope, public_id)
    watch = watchers(graph, scope, entity)
    mine = graph.read("collab/lists", user=scope.user, team=scope.team, listId=None)
    payload = {
        "entity": entity.node(),
        "notes": read_notes(graph, scope, entity),
        "watchers": {"teams": watch["teams"], "otherTeams": watch["otherTeams"]},
        "watching": watch["watching"],
        "lists": [{"id": r["id"], "name": r["name"], "team": r["team"],
                   "contains": r["id"] in watch["lists"]} for r in mine],
        "outcomes": read_outcomes(graph, scope, entity),
        "results": list(RESULTS),
        "textMax": TEXT_MAX,
    }
    return shown(graph, scope, payload, "panel", entity.public_id, always=True)
