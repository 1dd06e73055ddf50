"""One entity per route: facts, links (paged), timeline, flags and sources."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from api.deps import GraphDep, ScopeDep
from api.schemas import EntityView, NetworkGraphView
from investigations.explore import views
from investigations.explore.network_graph import network_graph

router = APIRouter(prefix="/api", tags=["entities"])
Limit = Annotated[int, Query(ge=1, le=views.MAX_LINKS, description="Links per page")]
Offset = Annotated[int, Query(ge=0, description="Links to skip (paging)")]


@router.get("/addresses/{nummeraanduiding_id}", response_model=EntityView)
def address(graph: GraphDep, scope: ScopeDep,
            nummeraanduiding_id: Annotated[str, Path(pattern=r"^\d{16}$")],
            limit: Limit = 100, offset: Offset = 0) -> Any:
    """An address (BAG nummeraanduiding): residents, companies, permits, signals, cases, use."""
    return views.address_view(graph, scope, nummeraanduiding_id, limit, offset)


@router.get("/persons/{key}", response_model=EntityView)
def person(graph: GraphDep, scope: ScopeDep,
           key: Annotated[str, Path(max_length=60, description="bsn:…, person:… or pseudo:…")],
           limit: Limit = 100, offset: Offset = 0) -> Any:
    """A person with every record of the same canonical person (needs a purpose)."""
    return views.person_view(graph, scope, key, limit, offset)


@router.get("/companies/{kvk_nummer}", response_model=EntityView)
def company(graph: GraphDep, scope: ScopeDep,
            kvk_nummer: Annotated[str, Path(pattern=r"^\d{8}$")],
            limit: Limit = 100, offset: Offset = 0) -> Any:
    """A company (KvK): establishments, officers, permits, signals, cases, ownership."""
    return views.company_view(graph, scope, kvk_nummer, limit, offset)


@router.get("/networks/{network_id}", response_model=EntityView)
def network(graph: GraphDep, scope: ScopeDep,
            network_id: Annotated[str, Path(max_length=100)],
            limit: Limit = 100, offset: Offset = 0) -> Any:
    """A cooperation network found by analysis: its members and flags."""
    return views.network_view(graph, scope, network_id, limit, offset)


@router.get("/networks/{network_id}/graph", response_model=NetworkGraphView)
def network_subgraph(graph: GraphDep, scope: ScopeDep,
                     network_id: Annotated[str, Path(max_length=100)]) -> Any:
    """A network's members with the officer, establishment, registration and ownership
    relationships between them (dated), for drawing it."""
    return network_graph(graph, scope, network_id)
