"""HTML pages of the overview, search and the score monitor (server-rendered Jinja2)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.deps import GraphDep, ScopeDep
from api.web import page
from investigations.explore import graphs
from investigations.explore.overview import overview as overview_data
from investigations.scoring.monitor import monitor as monitor_report

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, graph: GraphDep, scope: ScopeDep) -> Response:
    """Where to act: rankings with reasons, open cases, recent signals, map, neighbourhoods."""
    if not scope.may("view") and scope.may("aggregates"):
        return RedirectResponse("/buurten", status_code=303)  # a role with the figures only
    context = {"versions": graph.versions(), "data": overview_data(graph, scope),
               "loads": graph.read("admin/recent_loads", limit=10)}
    return page(request, "index.html", context)


@router.get("/zoeken", response_class=HTMLResponse)
def search(request: Request, graph: GraphDep, scope: ScopeDep,
           q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    """Full-text search over addresses, companies and (with identities) persons."""
    found = graphs.search(graph, scope, q, None, 50) if q.strip() else None
    return page(request, "search.html", {"q": q, "found": found})


@router.get("/monitor", response_class=HTMLResponse)
def monitor(request: Request, graph: GraphDep, scope: ScopeDep) -> HTMLResponse:
    """The bias monitor: score bands, neighbourhoods and outcomes, small counts suppressed."""
    scope.require("view")
    return page(request, "monitor.html", {"report": monitor_report(graph).to_dict()})
