"""The FastAPI application: `create_app()` owns the graph connection's lifetime."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from api.routes import health, pages
from graph.db import Graph, GraphUnavailable
from graph.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the driver opens at start-up and closes at shutdown."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # check=False: the app starts even while Neo4j is down and answers 503 until it is back.
        app.state.graph = Graph.connect(settings, check=False)
        try:
            yield
        finally:
            app.state.graph.close()

    app = FastAPI(title="Speurnet", version="0.1.0", lifespan=lifespan)
    app.include_router(health.router)
    app.include_router(pages.router)

    @app.exception_handler(GraphUnavailable)
    async def graph_unavailable(_: Request, exc: GraphUnavailable) -> JSONResponse:
        return JSONResponse({"detail": "De database is niet bereikbaar (Neo4j does not answer)."},
                            status_code=503)

    return app
