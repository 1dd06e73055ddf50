"""News for watchers: new signals, cases and permits linked to a watched entity since its watch
was last checked, and score changes, told to the list's owner (or its team).

`notify_changes` runs as the last step of `speurnet analyze` (order 95, after scoring) and after
`speurnet load`. Each watch keeps the facts it knows (those linked when watching began, and those
told since), so a reload into a fresh database, where every fact has a new load time, tells
nothing that was known. A notification's id is derived from recipient, entity and fact, so a fact
seen again (re-matched, reloaded with a changed value) is not told twice either.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from graph.db import Graph, Row
from investigations.collab.entities import from_row
from investigations.collab.inbox import NewNotification

# A score change smaller than this is recalibration noise, not news.
SCORE_STEP = 0.05
FACTS = {"Signal": ("signal", "melding"), "Case": ("case", "zaak"), "Permit": ("permit", "vergunning")}


def notify_changes(graph: Graph, at: datetime | None = None) -> dict[str, int]:
    """Tell every watcher what is new; returns how many watches were checked and told."""
    now = at or datetime.now(UTC)
    rows = graph.read("collab/news")
    told = news(rows)
    if told:
        graph.write("collab/notification_write", rows=told, at=now)
    seen = [{"watch": row["watch"], "known": row["linked"], "score": row.get("score")}
            for row in rows]
    checked = graph.write("collab/watches_checked", rows=seen, at=now)[0]["checked"]
    return {"watches": checked, "notifications": len(told)}


def news(rows: list[Row]) -> list[NewNotification]:
    """Notifications for the rows of `collab/news`, one per recipient, entity and fact."""
    found: dict[str, NewNotification] = {}
    for row in rows:
        entity = from_row(row)
        to_user, to_team = (None, row["team"]) if row["team"] else (row["owner"], None)
        for fact in row["facts"]:
            kind, noun = FACTS[next(label for label in fact["labels"] if label in FACTS)]
            what = " ".join(str(v) for v in (fact.get("category"), fact.get("date")) if v)
            message = f"Nieuw bij {entity.words()}: {noun} {fact['id']}" + \
                (f" ({what})" if what else "") + "."
            key = fact["fact"]
            nid = _id(to_user, to_team, entity.key, key)
            found.setdefault(nid, {
                "id": nid, "toUser": to_user, "toTeam": to_team, "kind": kind, "message": message,
                "key": entity.key, "factKey": key, "factSource": fact.get("source"),
                "factLoadId": fact.get("loadId")})
        change = score_change(row.get("lastScore"), row.get("score"))
        if change:
            fact = f"score:{row.get('lastScore')}>{row.get('score')}"
            nid = _id(to_user, to_team, entity.key, fact)
            found.setdefault(nid, {
                "id": nid, "toUser": to_user, "toTeam": to_team, "kind": "score",
                "message": f"De score van {entity.words()} is {change}.", "key": entity.key,
                "factKey": None, "factSource": None, "factLoadId": None})
    return list(found.values())


def score_change(before: float | None, after: float | None) -> str | None:
    """A Dutch phrase for a change worth telling, or None."""
    if after is None or (before is None and after < SCORE_STEP):
        return None
    if before is None:
        return f"nu {after:.2f}"
    if abs(after - before) < SCORE_STEP:
        return None
    way = "gestegen" if after > before else "gedaald"
    return f"{way} van {before:.2f} naar {after:.2f}"


def _id(to_user: str | None, to_team: str | None, key: str, fact: str) -> str:
    digest = hashlib.sha256(f"{to_user}|{to_team}|{key}|{fact}".encode()).hexdigest()[:20]
    return f"news-{digest}"
