"""Faults during a load: Neo4j killed mid-load, restarted, load re-run = a clean load."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from graph import schema, server
from graph.db import Graph
from graph.settings import Settings
from loaders.synthetic import generate


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def facts(dump: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """Every node and relationship without when it was loaded (load ids and times differ)."""
    return [(d["id"], {k: v for k, v in d["props"].items() if k not in ("loadId", "loadedAt")})
            for d in dump]


def test_neo4j_killed_during_a_load_then_rerun_equals_a_clean_load(
        settings: Settings, tmp_path: Path) -> None:
    if not settings.managed:
        pytest.skip("needs a server this test may kill: NEO4J_URI names an external one")
    folder = tmp_path / "town"
    generate(folder, persons=10_000, seed=5)
    own = replace(settings, home=tmp_path / "db", bolt_port=free_port(), heap="1g", pagecache="256m")
    status = server.start(own)
    assert status.pid is not None
    env = dict(os.environ, SPEURNET_HOME=str(own.home), SPEURNET_BOLT_PORT=str(own.bolt_port))
    env.pop("NEO4J_URI", None)
    command = [sys.executable, "-m", "api.cli", "load", str(folder), "--report-dir",
               str(tmp_path / "reports")]
    try:
        loading = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        with Graph.connect(own) as graph:
            # Kill -9 once the BRP file is part-way in: addresses and some persons are stored.
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                persons = [r["count"] for r in graph.read("admin/counts") if r["name"] == "Person"]
                if persons and persons[0] > 1000:
                    break
                time.sleep(0.2)
            os.kill(status.pid, signal.SIGKILL)
        _, stderr = loading.communicate(timeout=300)
        assert loading.returncode == 1
        assert "Neo4j does not answer" in stderr
        assert "Traceback" not in stderr

        server.start(own)  # recovers the store after the crash
        rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900,
                               check=False)
        assert rerun.returncode == 0, rerun.stderr[-2000:]
        with Graph.connect(own) as graph:
            after_crash = graph.read("admin/dump")
            graph.autocommit("admin/wipe")
            schema.install(graph)
        clean = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900,
                               check=False)
        assert clean.returncode == 0
        with Graph.connect(own) as graph:
            assert facts(graph.read("admin/dump")) == facts(after_crash)
    finally:
        server.stop(own)
