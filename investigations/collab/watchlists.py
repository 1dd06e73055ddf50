"""Watch lists per user and per team: create, add and remove entities, list them, and who
watches an entity. A personal list is its owner's alone; a team list is seen and edited by the
team only. Every role that may view entities may keep lists (no purpose needed: a list shows
keys and labels, masked like any answer); admin, which may not, gets 403."""

from __future__ import annotations

from datetime import UTC, datetime

from graph.db import Graph, Row
from investigations.access.scope import Scope
from investigations.collab import deconfliction
from investigations.collab.entities import Entity, from_row, resolve
from investigations.collab.out import new_id, shown
from investigations.errors import BadParameter, NotFound

NAME_MAX = 100


def create_list(graph: Graph, scope: Scope, name: str, team: bool = False) -> Row:
    """A new list of the user's own, or of their team's when `team`."""
    scope.require("view")
    clean = " ".join(name.split())
    if not clean or len(clean) > NAME_MAX:
        raise BadParameter("name", f"een naam van 1 tot {NAME_MAX} tekens")
    if team and not scope.team:
        raise BadParameter("team", "u hoort bij geen team, dus een teamlijst kan niet")
    row = graph.write("collab/list_create", listId=new_id("lijst"), listName=clean, owner=scope.user,
                      team=scope.team if team else None, at=datetime.now(UTC))[0]
    return _list({**row, "entries": []})


def lists(graph: Graph, scope: Scope, list_id: str | None = None) -> list[Row]:
    """The user's own lists and their team's, with their entries (masked)."""
    scope.require("view")
    rows = graph.read("collab/lists", user=scope.user, team=scope.team, listId=list_id)
    return shown(graph, scope, [_list(r) for r in rows], "watchlists")


def get_list(graph: Graph, scope: Scope, list_id: str) -> Row:
    """One list the user may see (unmasked: for checks); NotFound otherwise, whether it exists
    or not, so a list of another team cannot be probed. Every change to a list starts here."""
    scope.require("view")
    found = graph.read("collab/lists", user=scope.user, team=scope.team, listId=list_id)
    if not found:
        raise NotFound(f"watch list {list_id} not found")
    return found[0]


def delete_list(graph: Graph, scope: Scope, list_id: str) -> None:
    get_list(graph, scope, list_id)
    graph.write("collab/list_delete", listId=list_id)


def add_entry(graph: Graph, scope: Scope, list_id: str, public_id: str) -> Row:
    """Watch an entity on a list. When the user's team is the first of its team to watch it and
    another team already does, both teams get a deconfliction notification."""
    target = get_list(graph, scope, list_id)
    entity = resolve(graph, scope, public_id)
    before = graph.read("collab/watchers", key=entity.key)
    added = graph.write("collab/watch_add", listId=list_id, key=entity.key, by=scope.user,
                        at=datetime.now(UTC))[0]["added"]
    watcher_team = target["team"] or scope.team
    others = deconfliction.other_teams(watcher_team, (r["team"] for r in before)) if added else []
    if others and watcher_team:
        graph.write("collab/notification_write", at=datetime.now(UTC),
                    rows=deconfliction.messages(entity, watcher_team, others))
    payload = {"listId": target["id"], "entity": entity.node(), "added": added,
               "alsoWatchedBy": others}
    return shown(graph, scope, payload, "watch", entity.public_id)


def remove_entry(graph: Graph, scope: Scope, list_id: str, public_id: str) -> None:
    get_list(graph, scope, list_id)
    entity = resolve(graph, scope, public_id)
    if not graph.write("collab/watch_remove", listId=list_id, key=entity.key)[0]["removed"]:
        raise NotFound(f"{public_id} is not on watch list {list_id}")


def watchers(graph: Graph, scope: Scope, entity: Entity) -> Row:
    """Who watches an entity, as a user may know it: the teams (for deconfliction), whether the
    user watches it, and which of the user's lists hold it. Not the other teams' list names."""
    rows = graph.read("collab/watchers", key=entity.key)
    mine = [r for r in rows if (r["listTeam"] is None and r["owner"] == scope.user)
            or (r["listTeam"] is not None and r["listTeam"] == scope.team)]
    return {"teams": sorted({r["team"] for r in rows if r["team"]}),
            "otherTeams": sorted({r["team"] for r in rows if r["team"] and r["team"] != scope.team}),
            "watching": bool(mine), "lists": [r["listId"] for r in mine]}


def watchers_of(graph: Graph, scope: Scope, public_id: str) -> Row:
    scope.require("view")
    entity = resolve(graph, scope, public_id)
    return shown(graph, scope, {"entity": entity.node(), **watchers(graph, scope, entity)},
                 "watchers", entity.public_id)


def _list(row: Row) -> Row:
    return {"id": row["id"], "name": row["name"], "owner": row["owner"], "team": row["team"],
            "createdAt": row["createdAt"],
            "entries": [{**from_row(e).node(), "since": e["since"], "by": e["by"]}
                        for e in row["entries"]]}
