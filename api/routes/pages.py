"""HTML pages (server-rendered Jinja2 from templates/)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api.deps import GraphDep
from api.web import page

router = APIRouter()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def overview(request: Request, graph: GraphDep) -> HTMLResponse:
    """The start page: what the graph holds and what was loaded last (aggregates only)."""
    counts = [r for r in graph.read("admin/counts") if r["kind"] == "node"]
    context = {"versions": graph.versions(), "counts": counts,
               "loads": graph.read("admin/recent_loads", limit=20)}
    return page(request, "index.html", context)
