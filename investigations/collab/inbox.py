"""The notifications inbox: the user's own and their team's, newest first; marking one read.

A notification about a fact (a new signal, case or permit) carries that fact's source, so one
whose source the user may not see is withheld like the fact itself.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TypedDict

from graph.db import Graph, Row
from investigations.access.scope import Scope
from investigations.collab.entities import from_row
from investigations.collab.out import shown
from investigations.errors import BadParameter, NotFound

MAX = 500


class NewNotification(TypedDict):
    """A row of `collab/notification_write`: to a user or a team, about an entity (`key`) and, for
    news, one of its facts with the fact's source."""

    id: str
    toUser: str | None
    toTeam: str | None
    kind: str
    message: str
    key: str
    factKey: str | None
    factSource: str | None
    factLoadId: str | None


def inbox(graph: Graph, scope: Scope, unread: bool = False, limit: int = 100) -> Row:
    """Notifications to this user and their team (masked; withheld where their fact's source is
    closed to the user)."""
    scope.require("view")
    if not 1 <= limit <= MAX:
        raise BadParameter("limit", f"tussen 1 en {MAX}")
    rows = graph.read("collab/notifications", user=scope.user, team=scope.team, unread=unread,
                      limit=limit)
    items = [notification(r) for r in rows]
    payload = shown(graph, scope, {"notifications": items}, "notifications")
    payload["unread"] = sum(1 for n in payload["notifications"] if not n["read"])
    return payload


def unread_count(graph: Graph, scope: Scope) -> int:
    """Unread notifications for the menu: the inbox's unread ones, without reading them (nothing
    is disclosed, so nothing is audited); those about a fact from a closed source do not count.
    A role that may not view entities has no inbox, so nothing to count."""
    if not scope.may("view"):
        return 0
    rows = graph.read("collab/unread_count", user=scope.user, team=scope.team)
    return sum(int(r["count"]) for r in rows
               if r["file"] is None or scope.sees(scope.sources.info(r["file"], r["loadId"])))


def mark_read(graph: Graph, scope: Scope, notification_id: str) -> Row:
    """Mark one notification read for this user; NotFound unless it is addressed to them."""
    scope.require("view")
    if not graph.write("collab/notification_read", id=notification_id, user=scope.user,
                       team=scope.team, at=datetime.now(UTC)):
        raise NotFound(f"notification {notification_id} not found")
    found: list[Row] = [n for n in inbox(graph, scope, limit=MAX)["notifications"]
                        if n["id"] == notification_id]
    if not found:
        raise NotFound(f"notification {notification_id} not found")
    return found[0]


def notification(row: Row) -> Row:
    source = ({"file": row["factSource"], "loadId": row["factLoadId"]}
              if row.get("factSource") else None)
    about = from_row(row).node() if row.get("key") else None
    return {"id": row["id"], "kind": row["kind"], "message": row["message"],
            "to": {"user": row["toUser"], "team": row["toTeam"]}, "about": about,
            "fact": row["factKey"], "createdAt": row["createdAt"], "read": row["read"],
            "source": source}
