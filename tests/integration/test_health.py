"""The public /health route reports versions, and 503 while Neo4j is away."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from graph.db import Graph
from graph.settings import Settings


def test_health_reports_versions(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["gds"].startswith("2.13.")
    assert body["apoc"].startswith("5.26.")
    assert set(body) == {"status", "neo4j", "edition", "gds", "apoc"}


def test_health_is_503_without_neo4j(settings: Settings) -> None:
    gone = replace(settings, neo4j_uri="bolt://127.0.0.1:1", bolt_port=1)
    with TestClient(create_app(gone)) as client:
        response = client.get("/health")
    assert response.status_code == 503
    assert "Neo4j" in response.json()["detail"]


def test_start_page_shows_counts_and_loads(graph: Graph, settings: Settings, tmp_path: Path) -> None:
    from graph import schema
    from investigations.access.users import add_user
    from loaders.load import load
    from tests.town import write_town

    schema.install(graph)
    load(graph, write_town(tmp_path / "town"), tmp_path / "reports")
    add_user(graph, "olga", "officer", "wachtwoord-voor-tests")
    with TestClient(create_app(settings)) as client:
        assert client.get("/", headers={"accept": "text/html"},
                          follow_redirects=False).headers["location"] == "/login?next=/"
        client.post("/login", data={"name": "olga", "password": "wachtwoord-voor-tests"})
        response = client.get("/")
    assert response.status_code == 200
    assert "bag_verblijfsobjecten.csv" in response.text
    assert "<td>Adressen</td><td class=\"num\">5</td>" in response.text
