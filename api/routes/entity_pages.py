"""Entity pages (adres, persoon, bedrijf, netwerk) and the RIEC dossier (HTML and PDF).

Each page is one entity view (the same function, masking and audit entry as the JSON routes)
and one template render; with the collaboration panel (notes, watch lists, outcomes) beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from api.deps import GraphDep, ScopeDep
from api.entity_context import entity_context
from api.pdf import html_to_pdf
from api.web import page
from graph.db import Graph
from investigations.access.scope import Scope
from investigations.cases.casefiles import cases_for
from investigations.collab import panel as collab_panel
from investigations.errors import BadParameter, NotFound
from investigations.explore import diagram, views

router = APIRouter(include_in_schema=False)
PAGE_LINKS = 100  # links per page; the view's own maximum applies to `limit`
View = Callable[..., dict[str, Any]]
# Dossier key prefix -> (view, how the view wants the key).
DOSSIER_VIEWS: dict[str, tuple[View, Callable[[str], str]]] = {
    "adres": (views.address_view, lambda key: key.partition(":")[2]),
    "kvk": (views.company_view, lambda key: key.partition(":")[2]),
    "netwerk": (views.network_view, lambda key: key.partition(":")[2]),
    "bsn": (views.person_view, lambda key: key),
    "person": (views.person_view, lambda key: key),
    "pseudo": (views.person_view, lambda key: key),
}


@router.get("/adres/{nummeraanduiding_id}", response_class=HTMLResponse)
def address_page(request: Request, graph: GraphDep, scope: ScopeDep, nummeraanduiding_id: str,
                 limit: int = PAGE_LINKS, offset: int = 0) -> HTMLResponse:
    """An address at a glance: residents, companies, owners, permits, signals, cases, flags."""
    with graph.reading():
        view = views.address_view(graph, scope, nummeraanduiding_id, limit, offset)
        return _entity_page(request, graph, scope, view, "address")


@router.get("/persoon/{key}", response_class=HTMLResponse)
def person_page(request: Request, graph: GraphDep, scope: ScopeDep, key: str,
                limit: int = PAGE_LINKS, offset: int = 0) -> HTMLResponse:
    """A person (bsn:, person: or pseudo:), with every source record of the same person."""
    with graph.reading():
        view = views.person_view(graph, scope, key, limit, offset)
        return _entity_page(request, graph, scope, view, "person")


@router.get("/bedrijf/{kvk_nummer}", response_class=HTMLResponse)
def company_page(request: Request, graph: GraphDep, scope: ScopeDep, kvk_nummer: str,
                 limit: int = PAGE_LINKS, offset: int = 0) -> HTMLResponse:
    with graph.reading():
        view = views.company_view(graph, scope, kvk_nummer, limit, offset)
        return _entity_page(request, graph, scope, view, "company")


@router.get("/netwerk/{network_id}", response_class=HTMLResponse)
def network_page(request: Request, graph: GraphDep, scope: ScopeDep, network_id: str,
                 limit: int = PAGE_LINKS, offset: int = 0) -> HTMLResponse:
    with graph.reading():
        view = views.network_view(graph, scope, network_id, limit, offset)
        return _entity_page(request, graph, scope, view, "network")


# The PDF route first: `{key}` alone would also match `bsn:….pdf`.
@router.get("/dossier/{key}.pdf")
def dossier_pdf(request: Request, graph: GraphDep, scope: ScopeDep, key: str) -> Response:
    """The dossier as PDF (WeasyPrint), the same HTML as the page with its styles inlined."""
    # The page's own render, without a form token (a PDF is a file that travels).
    with graph.reading():
        rendered = page(request, "entity/dossier.html",
                        {**dossier(graph, scope, request, key), "pdf": True, "csrf": ""})
    html = bytes(rendered.body).decode()
    name = quote(key.replace(":", "-"))
    return Response(html_to_pdf(html), media_type="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="dossier-{name}.pdf"'})


@router.get("/dossier/{key}", response_class=HTMLResponse)
def dossier_page(request: Request, graph: GraphDep, scope: ScopeDep, key: str) -> HTMLResponse:
    """A printable RIEC dossier: diagram, every fact with its source, timeline, flags, purpose."""
    with graph.reading():
        return page(request, "entity/dossier.html", dossier(graph, scope, request, key))


def _entity_page(request: Request, graph: Graph, scope: Scope, view: dict[str, Any],
                 kind: str) -> HTMLResponse:
    # Called inside `graph.reading()`: the page's dozen small reads share one transaction.
    context = {**entity_context(view), "kind": kind,
               "collab": collab_panel(graph, scope, view["entity"]["id"]),
               "cases": cases_for(graph, scope, view["entity"]["id"])}
    return page(request, f"entity/{kind}.html", context)


def dossier(graph: Graph, scope: Scope, request: Request, key: str) -> dict[str, Any]:
    """Everything the dossier shows: the entity's view with all its links (up to the view's
    maximum), the diagram laid out, and who compiled it, when and for what purpose."""
    prefix = key.partition(":")[0]
    if prefix not in DOSSIER_VIEWS or not key.partition(":")[2]:
        raise BadParameter("key", f"{key!r} is not a dossier key (bsn:…, person:…, pseudo:…, "
                                  "kvk:…, netwerk:…, adres:…)")
    view_of, argument = DOSSIER_VIEWS[prefix]
    view = view_of(graph, scope, argument(key), views.MAX_LINKS, 0)
    if view.get("entity") is None:
        raise NotFound(f"{key} not found")
    context = entity_context(view)
    elements = context["elements"]
    nodes = [e["data"] for e in elements if "source" not in e["data"]]
    edges = [{**e["data"], "predicted": e["classes"] == "prediction"} for e in elements
             if "source" in e["data"]]
    user = getattr(request.state, "user", None)
    return {**context, "kind": view["entity"]["kind"].lower(), "key": key,
            "cases": cases_for(graph, scope, view["entity"]["id"]),
            "diagram": diagram.layout(nodes, edges, view["entity"]["id"]),
            "compiled": {"by": getattr(user, "name", scope.user), "role": scope.role,
                         "team": scope.team, "purpose": view.get("purpose"),
                         "at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}}
