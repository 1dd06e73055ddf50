"""Saved investigations: list, describe, run, export, save and delete."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status

from api.deps import GraphDep, ScopeDep
from api.schemas import InvestigationInfo, RunRequest, RunResult, SaveRequest
from investigations.runner import run

router = APIRouter(prefix="/api/investigations", tags=["investigations"])
Name = Annotated[str, Path(pattern=r"^[a-z][a-z0-9_]{2,60}$")]


@router.get("", response_model=list[InvestigationInfo])
def listing(graph: GraphDep, scope: ScopeDep) -> Any:
    """The investigations this user may see: shipped ones, their own and shared ones."""
    return [run.describe(inv) for inv in run.listing(graph, scope)]


@router.get("/{name}", response_model=InvestigationInfo)
def describe(graph: GraphDep, scope: ScopeDep, name: Name) -> Any:
    """One investigation: its parameters (for a generated form), roles and Cypher."""
    return run.describe(run.get(graph, scope, name))


@router.post("/{name}/run", response_model=RunResult)
def run_one(graph: GraphDep, scope: ScopeDep, name: Name, body: RunRequest) -> Any:
    """Run read-only with the given parameters: rows plus nodes and relationships to draw.
    Investigations that show persons need X-Purpose; every run is logged."""
    return run.run(graph, scope, name, body.params, body.limit)


@router.post("/{name}/export", response_class=Response,
             responses={200: {"content": {"text/csv": {}, "application/json": {},
                                          "application/vnd.openxmlformats-officedocument."
                                          "spreadsheetml.sheet": {}}}})
def export(graph: GraphDep, scope: ScopeDep, name: Name, body: RunRequest,
           format: Annotated[str, Query(pattern="^(csv|json|xlsx)$")] = "csv") -> Response:
    """The rows as CSV, JSON or XLSX (formula-like text made inert); needs X-Purpose, logged."""
    content, media = run.export(graph, scope, name, body.params, format, body.limit)
    return Response(content, media_type=media, headers={
        "Content-Disposition": f'attachment; filename="{name}.{format}"'})


@router.post("", response_model=InvestigationInfo, status_code=status.HTTP_201_CREATED)
def save(graph: GraphDep, scope: ScopeDep, body: SaveRequest) -> Any:
    """Save your own investigation (roles cleared to write Cypher); refused unless read-only."""
    inv = run.save(graph, scope, body.name, body.title, body.description, body.cypher,
                   [p.model_dump() for p in body.params], body.roles, body.visibility)
    return run.describe(inv)


@router.delete("/{name}", status_code=status.HTTP_204_NO_CONTENT, response_class=Response)
def delete(graph: GraphDep, scope: ScopeDep, name: Name) -> Response:
    """Delete one of your own saved investigations."""
    run.delete(graph, scope, name)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
