"""Fixtures: every integration test talks to a real Neo4j with GDS and APOC over Bolt.

Strategy: one server per test session. Without NEO4J_URI the fixture starts the project's own
server in a separate home (`.speurnet/test`, or SPEURNET_TEST_HOME) on its own port (7688, or
SPEURNET_TEST_BOLT_PORT), so a running demo database is never touched, and stops it at the end. With NEO4J_URI it uses that
server, but wipes it only when SPEURNET_TEST_WIPE=1 says the data there may go. Each test that asks
for `graph` gets the database emptied (nodes, relationships, GDS projections); constraints and
indexes stay, since they are idempotent and slow to rebuild. Unit tests (tests/unit) need none of it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from graph import queries, server
from graph.db import Graph
from graph.settings import ROOT, Settings, get_settings

# The tests' own statements (fixtures, checks) and the benchmarks' (baselines, labelled cases)
# live beside them, not in cypher/: the product never ships or runs them.
queries.add_folder(ROOT / "tests" / "cypher")
queries.add_folder(ROOT / "bench" / "cypher")


@pytest.fixture(scope="session")
def settings() -> Iterator[Settings]:
    """Settings of the test database, starting the managed one when needed."""
    base = get_settings()
    if not base.managed:
        if os.environ.get("SPEURNET_TEST_WIPE") != "1":
            pytest.exit(
                f"NEO4J_URI={base.uri}: the tests empty the database they use. Set "
                "SPEURNET_TEST_WIPE=1 if that server's data may be deleted.", returncode=4)
        yield base
        return
    port = int(os.environ.get("SPEURNET_TEST_BOLT_PORT", "7688"))
    home = Path(os.environ.get("SPEURNET_TEST_HOME", str(ROOT / ".speurnet" / "test"))).resolve()
    test = replace(base, home=home, bolt_port=port, heap="1g",
                   pagecache="512m")
    was_running = server.status(test).running
    server.start(test)
    yield test
    if not was_running and os.environ.get("SPEURNET_TEST_KEEP_SERVER") != "1":
        server.stop(test)


@pytest.fixture(scope="session")
def session_graph(settings: Settings) -> Iterator[Graph]:
    with Graph.connect(settings) as graph:
        yield graph


@pytest.fixture()
def graph(session_graph: Graph) -> Graph:
    """A connection to an empty database."""
    session_graph.autocommit("admin/wipe")
    session_graph.write("admin/drop_projections")
    return session_graph


@pytest.fixture()
def env_for(settings: Settings, tmp_path: Path) -> dict[str, str]:
    """Environment for running the `speurnet` command against the test database."""
    env = dict(os.environ)
    if settings.managed:
        env.update(SPEURNET_HOME=str(settings.home), SPEURNET_BOLT_PORT=str(settings.bolt_port))
    return env
