"""`speurnet serve --workers N`: several worker processes answer on one port, each with its own
driver, and write to the one audit chain without breaking it."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx

from graph.db import Graph
from investigations.access import audit, users

PURPOSE = "Onderzoek adresfraude, zaak 2026-017"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_two_workers_answer_and_keep_one_audit_chain(graph: Graph, env_for: dict[str, str]) -> None:
    users.add_user(graph, "wim", "case_preparer", "wachtwoord-van-wim", "wijkteam", "gemeente")
    token = users.create_token(graph, "wim")
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--port", str(port),
                                "--workers", "2"], env=env_for, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise AssertionError("speurnet serve --workers 2 did not answer")
        # Every answered search is audited first: the two workers append to one chain.
        headers = {"Authorization": f"Bearer {token}", "X-Purpose": PURPOSE}
        with httpx.Client(base_url=base, headers=headers, timeout=10) as client:
            for i in range(20):
                assert client.get("/api/search", params={"q": f"straat {i}"}).status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=30)
    checked, problems = audit.verify(graph)
    assert problems == [] and checked >= 20
    searched = [e for e in audit.entries(graph) if e["action"] == "search"]
    assert len(searched) == 20
