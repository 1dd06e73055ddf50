"""The managed Neo4j: versions over Bolt, start twice, stop, and clear failures."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from graph import server
from graph.db import Graph
from graph.settings import Settings


def speurnet(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "api.cli", *args], capture_output=True,
                          text=True, env=env, timeout=300, check=False)


def test_gds_and_apoc_answer_over_bolt(graph: Graph) -> None:
    versions = graph.versions()
    assert versions["neo4j"].startswith("5.26.")
    assert versions["gds"].startswith("2.13.")
    assert versions["apoc"].startswith("5.26.")


def test_start_twice_keeps_one_server(settings: Settings, env_for: dict[str, str]) -> None:
    if not settings.managed:
        pytest.skip("NEO4J_URI names an external server")
    before = server.status(settings)
    again = server.start(settings)
    assert again.pid == before.pid
    result = speurnet("db", "start", env=env_for)
    assert result.returncode == 0
    assert "already running" in result.stderr
    assert server.status(settings).pid == before.pid


def test_port_taken_is_one_clear_line(settings: Settings, tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        env = dict(os.environ, SPEURNET_HOME=str(tmp_path), SPEURNET_BOLT_PORT=str(port))
        env.pop("NEO4J_URI", None)
        result = speurnet("db", "start", env=env)
    assert result.returncode == 1
    assert f"port {port} is already in use" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "neo4j" / "run" / "speurnet-neo4j.pid").exists()


def test_missing_java_is_one_clear_line(tmp_path: Path) -> None:
    env = dict(os.environ, SPEURNET_HOME=str(tmp_path), SPEURNET_BOLT_PORT="7699",
               PATH=str(tmp_path / "empty"))
    env.pop("NEO4J_URI", None)
    result = speurnet("db", "start", env=env)
    assert result.returncode == 1
    assert "Java is not installed" in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2


def test_stop_leaves_no_process(settings: Settings, tmp_path: Path) -> None:
    if not settings.managed:
        pytest.skip("NEO4J_URI names an external server")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    other = replace(settings, home=tmp_path, bolt_port=port, heap="512m", pagecache="128m")
    status = server.start(other)
    assert status.running and status.pid is not None
    assert server.stop(other) is True
    with pytest.raises(ProcessLookupError):
        os.kill(status.pid, 0)
    assert not server.port_open(port)
    assert server.stop(other) is False


def test_second_server_on_same_store_is_refused(settings: Settings) -> None:
    if not settings.managed:
        pytest.skip("NEO4J_URI names an external server")
    # The session's server holds the store; hide its pid file so the launcher does not recognise
    # it, and a second start on another port must fail on the store lock and say so.
    pid_file = settings.home / "neo4j" / "run" / "speurnet-neo4j.pid"
    hidden = pid_file.with_suffix(".hidden")
    pid_file.rename(hidden)
    try:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        with pytest.raises(server.ServerError, match="locked by another Neo4j process"):
            server.start(replace(settings, bolt_port=port, heap="512m", pagecache="128m"))
    finally:
        hidden.rename(pid_file)
    assert server.status(settings).running
