"""The neighbourhood picture: /buurten, /buurt/{code}, and their CSV and PNG exports.

Aggregates only (the `aggregates` capability, held by a role without personal data too); each
route calls one function of investigations.neighbourhoods.view, which audits the view or export.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from api.deps import GraphDep, ScopeDep
from api.web import page
from investigations.neighbourhoods import view

router = APIRouter(include_in_schema=False)
Code = Annotated[str, Path(pattern=r"^BU\d{6,10}$")]
Figure = Annotated[str, Query(max_length=100, pattern=r"^[a-z0-9-]*$")]


def _csv(found: tuple[str, str]) -> Response:
    name, body = found
    return Response(body, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/buurten", response_class=HTMLResponse)
def overview(request: Request, graph: GraphDep, scope: ScopeDep, cijfer: Figure = "") -> HTMLResponse:
    """Every buurt: a map and table of the chosen figure, the town's trend, the hotspots."""
    return page(request, "neighbourhoods/overview.html", {"data": view.overview(graph, scope, cijfer)})


@router.get("/buurten.csv")
def overview_csv(graph: GraphDep, scope: ScopeDep, cijfer: Figure = "") -> Response:
    return _csv(view.overview_csv(graph, scope, cijfer))


@router.get("/buurten/grafiek.png")
def town_chart(graph: GraphDep, scope: ScopeDep, cijfer: Figure = "") -> Response:
    return Response(view.chart(graph, scope, None, cijfer), media_type="image/png")


@router.get("/buurt/{code}", response_class=HTMLResponse)
def buurt(request: Request, graph: GraphDep, scope: ScopeDep, code: Code) -> HTMLResponse:
    """One buurt: every figure's trend against the town, and its hotspots explained."""
    return page(request, "neighbourhoods/buurt.html", {"data": view.buurt(graph, scope, code)})


@router.get("/buurt/{code}/cijfer.csv")
def buurt_csv(graph: GraphDep, scope: ScopeDep, code: Code, cijfer: Figure = "") -> Response:
    return _csv(view.buurt_csv(graph, scope, code, cijfer))


@router.get("/buurt/{code}/grafiek.png")
def buurt_chart(graph: GraphDep, scope: ScopeDep, code: Code, cijfer: Figure = "") -> Response:
    return Response(view.chart(graph, scope, code, cijfer), media_type="image/png")
