"""Exploring around entities: neighbourhood, shortest path, search, re-identification."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from api.deps import GraphDep, ScopeDep
from api.schemas import NeighbourhoodView, PathView, Reidentified, SearchView
from investigations import privacy
from investigations.explore import graphs

router = APIRouter(prefix="/api", tags=["explore"])
Key = Annotated[str, Path(max_length=120, description="adres:…, bsn:…, person:…, pseudo:…, "
                                                      "kvk:…, pand:…, vergunning:…, melding:…")]


@router.get("/neighbourhood/{key}", response_model=NeighbourhoodView)
def neighbourhood(graph: GraphDep, scope: ScopeDep, key: Key,
                  depth: Annotated[int, Query(ge=1, le=graphs.MAX_DEPTH)] = 1,
                  limit: Annotated[int, Query(ge=1, le=graphs.MAX_PAGE)] = 100,
                  offset: Annotated[int, Query(ge=0)] = 0) -> Any:
    """Entities within `depth` hops, nearest first, one page at a time (`hasMore`)."""
    with graph.reading():
        return graphs.neighbourhood(graph, scope, key, depth, limit, offset)


@router.get("/paths", response_model=PathView)
def path(graph: GraphDep, scope: ScopeDep,
         source: Annotated[str, Query(max_length=120)],
         target: Annotated[str, Query(max_length=120)],
         max_length: Annotated[int, Query(ge=1, le=graphs.MAX_PATH)] = 6) -> Any:
    """The shortest chain of facts between two entities."""
    return graphs.shortest_path(graph, scope, source, target, max_length)


@router.get("/search", response_model=SearchView)
def search(graph: GraphDep, scope: ScopeDep,
           q: Annotated[str, Query(min_length=1, max_length=200)],
           kind: Annotated[list[str] | None, Query(description="address, company, person")] = None,
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> Any:
    """Full-text search over addresses, company names and (with identities) person names."""
    return graphs.search(graph, scope, q, kind, limit)


@router.get("/pseudonyms/{pseudonym}", response_model=Reidentified)
def reidentify(graph: GraphDep, scope: ScopeDep,
               pseudonym: Annotated[str, Path(max_length=40)]) -> Any:
    """The person key behind a pseudonym: for roles allowed to re-identify, with a purpose;
    logged as a re-identification."""
    return privacy.reidentify(graph, scope, pseudonym)
