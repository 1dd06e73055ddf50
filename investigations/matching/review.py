"""An analyst's judgements on person pairs: confirm, reject, undo, and the list to review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from graph.db import Graph
from graph.terms import DECISIONS
from investigations.matching.judgements import JudgementError, pair_order
from investigations.matching.run import refresh_canonical


@dataclass(frozen=True)
class Outcome:
    """The pair as stored after the judgement, and where both persons ended up."""

    left: str
    right: str
    judgement: str | None
    canonical: dict[str, str]


def _check(graph: Graph, a: str, b: str) -> tuple[str, str]:
    left, right = pair_order(a, b)
    found = {r["key"] for r in graph.read("matching/person_exists", keys=[left, right])}
    missing = [k for k in (left, right) if k not in found]
    if missing:
        raise JudgementError(f"no person with key {', '.join(missing)} in the graph")
    return left, right


def _canonical(graph: Graph, keys: list[str]) -> dict[str, str]:
    rows = graph.read("matching/person_keys")
    return {r["key"]: r["canonical"] or r["key"] for r in rows if r["key"] in keys}


def judge(graph: Graph, a: str, b: str, judgement: str, by: str) -> Outcome:
    """Record an analyst's `positive` (confirm) or `negative` (reject) judgement on a pair."""
    if judgement not in DECISIONS:
        raise JudgementError("an analyst judges a pair positive (confirm) or negative (reject)")
    if not by.strip():
        raise JudgementError("say who judges (--by)")
    left, right = _check(graph, a, b)
    graph.write("matching/judge", left=left, right=right, judgement=judgement, by=by.strip(),
                at=datetime.now(UTC))
    refresh_canonical(graph)
    return Outcome(left, right, judgement, _canonical(graph, [left, right]))


def undo(graph: Graph, a: str, b: str, by: str) -> Outcome:
    """Withdraw the analyst's judgement on a pair; the machine's judgement (if any) applies again."""
    left, right = _check(graph, a, b)
    answer = graph.write("matching/undo", left=left, right=right, by=by.strip() or "?",
                         at=datetime.now(UTC))
    if not answer:
        raise JudgementError(f"no analyst judgement on {left} and {right} to undo "
                             "(use reject to separate a machine match)")
    refresh_canonical(graph)
    now = graph.read("matching/pair", left=left, right=right)
    return Outcome(left, right, now[0]["judgement"] if now else None,
                   _canonical(graph, [left, right]))


def pairs(graph: Graph, judgement: str | None = None, key: str | None = None,
          limit: int = 50) -> list[dict[str, Any]]:
    """Judged pairs for review, best first."""
    return graph.read("matching/pairs", judgement=judgement, key=key, limit=limit)
