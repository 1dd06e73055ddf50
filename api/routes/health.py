"""The public health check: versions only, nothing about the data."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import GraphDep

router = APIRouter()


class Health(BaseModel):
    status: str
    neo4j: str
    edition: str
    gds: str
    apoc: str


@router.get("/health", response_model=Health, tags=["health"])
def get_health(graph: GraphDep) -> Health:
    """Neo4j, Graph Data Science and APOC versions; 503 when Neo4j does not answer."""
    return Health(status="ok", **graph.versions())
