"""The hits of one scheduled run: a saved investigation's rows or an indicator's subjects, each
with a stable key (so a hit seen before is recognised) and the evidence an analyst triages on."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.db import Graph, Row
from investigations.access.gate import release
from investigations.access.pseudonyms import PSEUDO_KEY
from investigations.access.scope import Scope
from investigations.errors import NotFound
from investigations.indicators import engine
from investigations.indicators.catalogue import INDICATORS
from investigations.indicators.model import reason
from investigations.runner import run

ENTITY_KINDS = frozenset({"Address", "Person", "Company"})
PREFIXES = ("adres:", "bsn:", "person:", "kvk:")


@dataclass(frozen=True)
class Hit:
    """One hit: `key` identifies it across runs; `keys` are the entities it is about."""

    key: str
    keys: tuple[str, ...]
    evidence: Row


def alert_id(schedule_id: str, hit_key: str) -> str:
    """The id of the alert a hit becomes: the same hit of the same schedule, the same id."""
    return "alert-" + hashlib.sha256(f"{schedule_id}|{hit_key}".encode()).hexdigest()[:20]


def indicator_hits(graph: Graph, name: str, as_of: date) -> list[Hit]:
    """An indicator's subjects today; the hit is the subject (a stronger flag is no new hit)."""
    indicator = next((i for i in INDICATORS if i.name == name), None)
    if indicator is None:
        raise NotFound(f"no indicator {name}")
    return [Hit(f"{row['label']}|{row['subject']}", (str(row["subject"]),),
                {"indicator": name, "title": indicator.title, "subject": row["subject"],
                 "strength": round(float(row["strength"]), 4),
                 "reason": reason(indicator, row["facts"] or {})})
            for row in engine.find(graph, indicator, as_of)]


def investigation_hits(graph: Graph, scope: Scope, name: str, params: dict[str, Any]) -> list[Hit]:
    """A saved investigation's rows as its owner may see them (masked and audited as a run); a
    row's hit is the set of entities in it, or the row itself when it shows none."""
    *_, payload = run.execute(graph, scope, name, params)
    shown = release(graph, scope, payload, "scheduled-run", name, payload["params"])
    found: dict[str, Hit] = {}
    for values in shown["rows"]:
        row = dict(zip(shown["columns"], values, strict=False)) if isinstance(values, list) \
            else values
        keys = tuple(sorted({_real(graph, scope, k) for k in _entity_ids(row)}))
        key = "|".join(keys) or "row:" + hashlib.sha256(
            json.dumps(row, sort_keys=True, default=str).encode()).hexdigest()
        found.setdefault(key, Hit(key, keys, {"investigation": name, "row": row}))
    return list(found.values())


def _entity_ids(value: Any) -> list[str]:
    """Public ids of the addresses, persons and companies in a row (nodes, or plain key cells)."""
    if isinstance(value, dict):
        if value.get("kind") in ENTITY_KINDS and isinstance(value.get("id"), str):
            return [value["id"]]
        return [i for v in value.values() for i in _entity_ids(v)]
    if isinstance(value, list):
        return [i for v in value for i in _entity_ids(v)]
    if isinstance(value, str) and (value.startswith(PREFIXES) or PSEUDO_KEY.fullmatch(value)):
        return [value]
    return []


def _real(graph: Graph, scope: Scope, public_id: str) -> str:
    """The entity key behind a public id as the run showed it (a pseudonym resolved)."""
    if public_id.startswith("pseudo:"):
        return scope.pseudonyms.resolve(graph, public_id)
    return public_id
