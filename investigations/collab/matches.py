"""Review of unsure person matches: the list to judge, and confirm or reject through the
matching package's own judgement (investigations/matching/review.py), which stands through
reloads and re-runs. Judging compares names and birth dates, so it is for the roles that may see
identities (`reidentify`), under a purpose, and logged."""

from __future__ import annotations

from typing import Any

from graph.db import Graph, Row
from graph.terms import Judgement
from investigations.access.gate import resolve_key
from investigations.access.scope import Scope
from investigations.collab.out import shown
from investigations.errors import BadParameter
from investigations.matching import review
from investigations.matching.judgements import JudgementError

DECISIONS = {"confirm": Judgement.POSITIVE, "reject": Judgement.NEGATIVE}
PAIRS_MAX = 500


def unsure(graph: Graph, scope: Scope, limit: int = 50) -> Row:
    """Unsure pairs, best score first, each side as a person node (masked like any person)."""
    scope.require("reidentify")
    scope.require_purpose("Reviewing person matches")
    if not 1 <= limit <= PAIRS_MAX:
        raise BadParameter("limit", f"tussen 1 en {PAIRS_MAX}")
    pairs = [{"left": _person(r["left"], r["leftName"], r["leftBirth"]),
              "right": _person(r["right"], r["rightName"], r["rightBirth"]),
              "score": r["score"], "judgement": r["judgement"], "by": r["by"], "at": r["at"],
              "reasons": r["reasons"] or []}
             for r in review.pairs(graph, Judgement.UNSURE, None, limit)]
    return shown(graph, scope, {"pairs": pairs}, "match-review", None, {"limit": limit},
                 always=True)


def judge(graph: Graph, scope: Scope, left: str, right: str, decision: str) -> Row:
    """Confirm (one person) or reject (two persons) a pair; persons may be given as pseudonyms."""
    scope.require("reidentify")
    scope.require_purpose("Judging a person match")
    if decision not in DECISIONS:
        raise BadParameter("decision", "confirm of reject")
    a, b = resolve_key(graph, scope, left, "left"), resolve_key(graph, scope, right, "right")
    try:
        done = review.judge(graph, a, b, DECISIONS[decision], scope.user)
    except JudgementError as exc:
        raise BadParameter("pair", str(exc)) from exc
    payload = {"left": done.left, "right": done.right, "judgement": done.judgement,
               "canonical": [{"person": k, "canonical": v}
                             for k, v in sorted(done.canonical.items())]}
    return shown(graph, scope, payload, "match-judge", f"{done.left}|{done.right}",
                 {"decision": decision}, always=True)


def _person(key: str, name: str | None, birth: Any) -> Row:
    return {"id": key, "kind": "Person", "label": name or key,
            "properties": {"fullName": name, "birthDate": birth}}
