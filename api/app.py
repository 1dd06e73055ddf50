"""The FastAPI application: `create_app()` owns the graph connection's lifetime."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel

from api.headers import SecurityHeaders, docs_policy
from api.routes import (
    assets,
    audit,
    auth,
    case_pages,
    cases,
    collab,
    collab_pages,
    entities,
    entity_pages,
    explore,
    health,
    investigation_pages,
    investigations,
    neighbourhood_pages,
    pages,
)
from api.security import Access, authenticated
from api.web import page
from graph.db import Graph, GraphUnavailable
from graph.settings import Settings, get_settings
from investigations.errors import BadParameter, SpeurnetError, Unauthenticated

DESCRIPTION = """Graph investigations for municipalities and RIEC partners.

Every route except `/health` needs a user: `Authorization: Bearer <token>` (`speurnet token
create NAME`) or a page session (`POST /login`). Person data, investigations that show persons
and exports need a stated purpose in `X-Purpose` (a case number or reason); without it they
answer 428. Roles without need for identities see persons as `pseudo:<id>`. Every view, run and
export is written to the audit log before it is answered."""


class Message(BaseModel):
    detail: str


ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Message, "description": "No valid user (log in, or a bearer token)"},
    403: {"model": Message, "description": "The user's role or scope does not allow it"},
    404: {"model": Message, "description": "Unknown key (named in the message)"},
    408: {"model": Message, "description": "The investigation ran past its timeout"},
    409: {"model": Message, "description": "The name is taken"},
    428: {"model": Message, "description": "A purpose is required (X-Purpose)"},
    503: {"model": Message, "description": "Neo4j does not answer"},
}


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the driver opens at start-up and closes at shutdown."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # check=False: the app starts even while Neo4j is down and answers 503 until it is back.
        app.state.graph = Graph.connect(settings, check=False)
        app.state.access = Access.create(settings.home)
        try:
            yield
        finally:
            app.state.graph.close()

    # Server notifications (a label not yet in the database, e.g. Network) are not errors.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    app = FastAPI(title="Speurnet", version="0.1.0", description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url=None)
    app.include_router(health.router)
    app.include_router(auth.public)
    app.include_router(assets.public)  # only the login page's stylesheet
    closed = [Depends(authenticated)]  # default deny: everything below needs a user
    for router in (assets.router, auth.router, entities.router, explore.router,
                   investigations.router, audit.router, collab.router, pages.router,
                   investigation_pages.router, entity_pages.router, collab_pages.router,
                   cases.router, case_pages.router,
                   neighbourhood_pages.router,
                   _docs(app)):
        app.include_router(router, dependencies=closed, responses=ERRORS)
    _errors(app)
    app.add_middleware(SecurityHeaders)
    return app


def _docs(app: FastAPI) -> APIRouter:
    """The OpenAPI schema and its browser view, behind login like everything else."""
    router = APIRouter(include_in_schema=False)

    @router.get("/openapi.json")
    def openapi() -> dict[str, Any]:
        return app.openapi()

    @router.get("/docs")
    def docs() -> HTMLResponse:
        found = get_swagger_ui_html(openapi_url="/openapi.json", title="Speurnet API")
        found.headers["Content-Security-Policy"] = docs_policy(bytes(found.body).decode())
        return found

    return router


def _errors(app: FastAPI) -> None:
    """One place turning domain errors into responses: a status and a message, no trace."""

    @app.exception_handler(GraphUnavailable)
    async def graph_unavailable(request: Request, exc: GraphUnavailable) -> Response:
        # Every request tries the driver again, so the app recovers by itself when Neo4j is back.
        retry = {"Retry-After": "30"}
        if _wants_page(request):
            response = page(request, "unavailable.html", status_code=503)
            response.headers.update(retry)
            return response
        return JSONResponse({"detail": "De database is niet bereikbaar (Neo4j does not answer)."},
                            status_code=503, headers=retry)

    @app.exception_handler(SpeurnetError)
    async def refused(request: Request, exc: SpeurnetError) -> Response:
        if isinstance(exc, Unauthenticated) and _wants_page(request) and request.method == "GET":
            return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
        if _wants_page(request):
            return page(request, "error.html", {"message": exc.message, "status": exc.status},
                        status_code=exc.status)
        headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, Unauthenticated) else None
        if isinstance(exc, BadParameter):
            # The same shape as FastAPI's own 422s, so clients read one format.
            detail: Any = [{"loc": ["params", exc.name], "msg": exc.message, "type": "value_error"}]
            return JSONResponse({"detail": detail}, status_code=422)
        return JSONResponse({"detail": exc.message}, status_code=exc.status, headers=headers)


def _wants_page(request: Request) -> bool:
    return (not request.url.path.startswith("/api/")
            and "text/html" in request.headers.get("accept", ""))
