"""Shared route dependencies as typed aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.security import authenticated, request_scope
from graph.db import Graph
from investigations.access.scope import Scope
from investigations.access.users import User


def get_graph(request: Request) -> Graph:
    graph: Graph = request.app.state.graph
    return graph


GraphDep = Annotated[Graph, Depends(get_graph)]
# The logged-in user (401 without one) and what this request may see under its purpose.
UserDep = Annotated[User, Depends(authenticated)]
ScopeDep = Annotated[Scope, Depends(request_scope)]
