"""Inspection outcomes recorded in the app: dated, by whom, for an entity and optionally its case.

An outcome never changes what zaken.csv loaded onto the case (`Case.result` stays as the source
says); it is kept beside it (`RECORDS`), and the detection loop reads the newer of the two
(cypher/scoring/examples.cypher): an outcome recorded today counts until a later export says
otherwise, and a later zaken.csv result does not erase it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from graph.db import Graph, Row
from investigations.access.scope import Scope
from investigations.collab.entities import Entity, resolve
from investigations.collab.out import check_text, new_id, shown
from investigations.errors import BadParameter, NotFound

RESULTS = ("overtreding", "geen overtreding", "onbekend")  # as zaken.csv `resultaat`
OUTCOMES_MAX = 100


def record_outcome(graph: Graph, scope: Scope, public_id: str, result: str, when: date,
                   text: str = "", case_id: str | None = None) -> Row:
    """Record what an inspection found (needs a purpose; logged)."""
    scope.require("view")
    scope.require_purpose("Recording an inspection outcome")
    if result not in RESULTS:
        raise BadParameter("result", f"een van: {', '.join(RESULTS)}")
    if when > date.today():
        raise BadParameter("date", f"{when} ligt in de toekomst")
    check_text("text", text, required=False)
    entity = resolve(graph, scope, public_id)
    if case_id is not None:
        case_id = case_id.removeprefix("zaak:")
        check = graph.read("collab/case_check", caseId=case_id, key=entity.key)
        if not check:
            raise NotFound(f"zaak:{case_id} not found")
        if not check[0]["concerns"]:
            raise BadParameter("caseId", f"zaak {case_id} gaat niet over {entity.public_id}")
    outcome_id = new_id("uitkomst")
    graph.write("collab/outcome_add", key=entity.key, caseId=case_id, outcomeId=outcome_id,
                result=result, date=when, text=text, author=scope.user, team=scope.team,
                at=datetime.now(UTC))
    recorded = [o for o in read_outcomes(graph, scope, entity) if o["id"] == outcome_id]
    return shown(graph, scope, {"entity": entity.node(), "outcome": recorded[0]}, "outcome",
                 entity.public_id, {"outcome": outcome_id, "result": result, "date": when,
                                    "case": case_id}, always=True)


def read_outcomes(graph: Graph, scope: Scope, entity: Entity) -> list[Row]:
    """Outcomes of an entity, each beside its case's loaded result (not yet masked). The
    result is for everyone who may view the entity (it feeds everyone's scores); the free text
    only for the recording team, like a note, and (since it may name anyone) only with identities."""
    rows = graph.read("collab/outcomes", key=entity.key, limit=OUTCOMES_MAX)
    return [outcome(r, scope.identities and (
        scope.operator or r["author"] == scope.user
        or (r["team"] is not None and r["team"] == scope.team))) for r in rows]


def outcomes_for(graph: Graph, scope: Scope, public_id: str) -> Row:
    scope.require("view")
    scope.require_purpose("Reading inspection outcomes")
    entity = resolve(graph, scope, public_id)
    return shown(graph, scope, {"entity": entity.node(),
                                "outcomes": read_outcomes(graph, scope, entity)},
                 "outcomes", entity.public_id, always=True)


def outcome(row: Row, own: bool) -> Row:
    case = None
    if row["caseId"] is not None:
        # The case as zaken.csv says, with its source: withheld (with the outcome) from a user
        # who may not see that source.
        case = {"id": f"zaak:{row['caseId']}", "kind": "Case", "caseType": row["caseType"],
                "status": row["caseStatus"], "result": row["caseResult"],
                "date": row["caseDate"],
                "source": {"file": row["caseSource"], "loadId": row["caseLoadId"]}
                if row["caseSource"] else None}
    return {"id": row["id"], "kind": "Outcome", "result": row["result"], "date": row["date"],
            "text": row["text"] if own else None, "author": row["author"], "team": row["team"],
            "recordedAt": row["recordedAt"], "case": case}
