"""A cluster or Aura URI (`neo4j+s://`) is used as given: a routing driver, reads in READ sessions,
and no managed server started or bulk-loaded. Nothing here connects (the host does not exist)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph import server
from graph.db import Graph
from graph.settings import Settings
from loaders.bulk import BulkRefused, bulk_load

URI = "neo4j+s://example.invalid:7687"


class Stop(Exception):
    """Raised by the spy instead of opening a session."""


@pytest.fixture()
def remote(tmp_path: Path) -> Settings:
    return replace(Settings(), neo4j_uri=URI, neo4j_password="secret", home=tmp_path / "home")


def test_a_cluster_uri_gives_a_routing_driver_unchanged(remote: Settings) -> None:
    assert not remote.managed
    assert remote.uri == URI
    assert remote.auth == ("neo4j", "secret")
    graph = Graph.connect(remote, check=False)
    try:
        # The routing driver (NeoDriver in older drivers): a cluster routes writes and reads.
        assert isinstance(graph._driver, neo4j.Neo4jDriver)
        assert not isinstance(graph._driver, neo4j.BoltDriver)
    finally:
        graph.close()


def test_reads_and_investigations_ask_for_read_sessions(remote: Settings,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    graph = Graph.connect(remote, check=False)
    modes: list[Any] = []

    def session(**config: Any) -> Any:
        modes.append(config.get("default_access_mode"))
        raise Stop

    monkeypatch.setattr(graph._driver, "session", session)
    try:
        for call in (lambda: graph.read("load/any_node"),
                     lambda: graph.investigate("RETURN 1 AS one", {}, timeout=1, limit=1),
                     lambda: next(graph.stream("load/any_node")),
                     lambda: graph.write("load/any_node")):
            with pytest.raises(Stop):
                call()
    finally:
        graph.close()
    assert modes == [neo4j.READ_ACCESS, neo4j.READ_ACCESS, neo4j.READ_ACCESS, neo4j.WRITE_ACCESS]


def test_no_managed_server_is_started_or_bulk_loaded_for_a_remote_uri(
        remote: Settings, tmp_path: Path) -> None:
    with pytest.raises(server.ServerError, match="starts no server"):
        server.start(remote)
    with pytest.raises(BulkRefused, match="database files"):
        bulk_load(remote, tmp_path, tmp_path / "reports")
    with pytest.raises(server.ServerError, match="NEO4J_URI"):
        server.import_full(remote, [], [])
    assert not (tmp_path / "home").exists()
    assert not server.status(remote).running
