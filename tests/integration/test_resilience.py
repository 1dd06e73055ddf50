"""Faults around the web process: killed with SIGKILL (no acknowledged write is lost), and Neo4j
going away under a running app (503 page or JSON, then the same app recovers by itself)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from api.app import create_app
from graph import schema, server
from graph.db import Graph
from graph.settings import ROOT, Settings
from investigations.access import audit, users
from tests.integration.access_setup import PASSWORD, PURPOSE, load_town, make_users
from tests.integration.test_faults import free_port

ADDRESS = "adres:0479200000000001"


@contextmanager
def uvicorn(env: dict[str, str], port: int) -> Iterator[subprocess.Popen[bytes]]:
    """The app in a real uvicorn process; killed (not stopped) if the test has not done so."""
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory",
                                "--port", str(port), "--log-level", "warning"], env=env, cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.2)
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def test_a_killed_web_process_loses_no_acknowledged_write(
        graph: Graph, env_for: dict[str, str], tmp_path: Path) -> None:
    load_town(graph, tmp_path / "town")
    tokens = make_users(graph)
    [record] = [r["key"] for r in graph.read("matching/record_persons")
                if r["surname"] == "Berg" and r["key"].startswith("person:")][:1]
    port = free_port()
    anna = {"Authorization": f"Bearer {tokens['anna']}", "X-Purpose": PURPOSE}
    with uvicorn(env_for, port) as process, httpx.Client(
            base_url=f"http://127.0.0.1:{port}", headers=anna, timeout=30) as client:
        saved = client.post("/api/investigations", json={
            "name": "na_de_crash", "cypher": "MATCH (a:Address) RETURN a.key AS key"})
        note = client.post(f"/api/entities/{ADDRESS}/notes", json={"text": "gezien om 9 uur"})
        made = client.post("/api/watchlists", json={"name": "na de crash"})
        watch = client.post(f"/api/watchlists/{made.json()['id']}/entries", json={"key": ADDRESS})
        outcome = client.post("/api/outcomes", json={"key": ADDRESS, "result": "overtreding",
                                                     "date": "2026-03-01", "text": "matrassen"})
        judged = client.post("/api/matches/judge", json={"left": record, "right": "bsn:123456782",
                                                          "decision": "reject"}, headers={
            "Authorization": f"Bearer {tokens['cas']}"})  # a role that sees identities
        view = client.get(f"/api/addresses/{ADDRESS.removeprefix('adres:')}")
        answers = [saved, note, made, watch, outcome, judged, view]
        assert [a.status_code for a in answers] == [201, 201, 201, 201, 201, 200, 200], [
            a.text for a in answers]
        os.kill(process.pid, signal.SIGKILL)  # right after the last acknowledgement
    with uvicorn(env_for, port), httpx.Client(
            base_url=f"http://127.0.0.1:{port}", headers=anna, timeout=30) as client:
        assert client.get("/api/investigations/na_de_crash").status_code == 200
        assert client.get(f"/api/entities/{ADDRESS}/notes").json()["notes"]
        lists = client.get("/api/watchlists").json()
        assert ADDRESS in str(lists) and "na de crash" in str(lists)
        outcomes = client.get(f"/api/entities/{ADDRESS}/outcomes").json()["outcomes"]
        assert [(o["result"], o["date"]) for o in outcomes] == [("overtreding", "2026-03-01")]
    # The text itself is withheld from a pseudonymised reader: look in the graph.
    assert [n["props"]["text"] for n in graph.read("backup/nodes", label="Note")] == [
        "gezien om 9 uur"]
    [pair] = graph.read("matching/pair", left=record, right="bsn:123456782")
    assert (pair["judgement"], pair["by"]) == ("negative", "cas")
    views = [e for e in audit.entries(graph) if e["target"] == ADDRESS and e["user"] == "anna"]
    assert views and audit.verify(graph)[1] == []


def test_neo4j_down_gives_503_then_the_same_app_recovers(settings: Settings, tmp_path: Path) -> None:
    own = replace(settings, home=tmp_path / "db", bolt_port=free_port(), heap="1g",
                  pagecache="256m")
    server.start(own)
    try:
        with Graph.connect(own) as graph:
            schema.install(graph)
            users.add_user(graph, "cas", "case_preparer", PASSWORD, team="team-gemeente",
                           partner="gemeente")
            token = users.create_token(graph, "cas")
        api = {"Authorization": f"Bearer {token}", "X-Purpose": PURPOSE}
        html = {**api, "Accept": "text/html,application/xhtml+xml"}
        with TestClient(create_app(own)) as client:
            assert client.get("/api/search?q=kerk", headers=api).status_code == 200
            assert client.get("/", headers=html).status_code == 200
            server.stop(own)
            down = client.get("/api/search?q=kerk", headers=api)
            assert down.status_code == 503 and "niet bereikbaar" in down.json()["detail"]
            assert down.headers["retry-after"]
            page = client.get("/", headers=html)
            assert page.status_code == 503 and page.headers["content-type"].startswith("text/html")
            assert "<h1>Even niet beschikbaar</h1>" in page.text
            server.start(own)  # its own wait for Bolt (up to 180 s) is not the app's recovery
            started = time.monotonic()
            while client.get("/api/search?q=kerk", headers=api).status_code != 200:
                assert time.monotonic() - started < 60, "the app did not recover"
                time.sleep(0.5)
            assert client.get("/", headers=html).status_code == 200
    finally:
        server.stop(own)
