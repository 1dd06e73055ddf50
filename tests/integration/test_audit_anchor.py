"""The data boundary: the managed Neo4j asks for the home's password, and the audit log is keyed
and anchored outside the database, so a rewrite or a deletion made directly in Neo4j shows."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from graph.db import Graph, GraphRefused
from graph.settings import Settings
from investigations.access import audit, audit_chain
from investigations.access.policy import load_policy
from investigations.access.pseudonyms import Pseudonyms
from investigations.access.scope import Scope, operator_scope
from investigations.access.sources import SourceTable


def speurnet(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "api.cli", *args], capture_output=True, text=True,
                          env=env, timeout=300, check=False)


def scope() -> Scope:
    return operator_scope(load_policy(), SourceTable([]), Pseudonyms(b"k" * 32), "test")


def log(graph: Graph) -> list[dict[str, object]]:
    return graph.read("access/audit_entries", fromSeq=0, since=None, user=None, subject=None,
                      limit=100000)


def test_managed_server_asks_for_the_password_in_its_home(settings: Settings,
                                                          tmp_path: Path) -> None:
    if not settings.managed:
        pytest.skip("NEO4J_URI names an external server")
    assert settings.password_file.stat().st_mode & 0o777 == 0o600
    assert settings.home.stat().st_mode & 0o077 == 0  # the home is closed to others
    with pytest.raises(GraphRefused, match="is missing"):
        Graph.connect(replace(settings, home=tmp_path))  # no password at all
    (tmp_path / settings.password_file.name).write_text("not-the-password")
    with pytest.raises(GraphRefused, match="refused the password"):
        Graph.connect(replace(settings, home=tmp_path))
    with Graph.connect(settings) as graph:
        assert graph.versions()["neo4j"].startswith("5.26.")


def test_a_rewrite_with_recomputed_sha256_is_found(graph: Graph, env_for: dict[str, str]) -> None:
    for i in range(3):
        audit.record(graph, scope(), "view", f"adres:{i:016d}")
    verified = speurnet(env_for, "audit", "verify")
    assert verified.returncode == 0, verified.stderr
    assert "Anchored at entry 3" in verified.stderr
    graph.write("access/test_tamper")
    # The rewritten chain is whole by the old rule: plain SHA-256 all the way, head included.
    prev = ""
    for row in log(graph):
        assert row["prev"] == prev
        assert row["hash"] == audit_chain.legacy(prev, int(str(row["seq"])), str(row["payload"]))
        prev = str(row["hash"])
    assert graph.read("access/audit_head")[0] == {"seq": 3, "hash": prev}
    broken = speurnet(env_for, "audit", "verify")
    assert broken.returncode == 1
    assert "entry 1 was changed" in broken.stderr, broken.stderr


def test_deleting_the_last_entry_is_found(graph: Graph, env_for: dict[str, str]) -> None:
    for i in range(3):
        audit.record(graph, scope(), "view", f"adres:{i:016d}")
    graph.write("access/test_truncate")
    assert graph.read("access/audit_head")[0]["seq"] == 2  # the database alone looks whole
    broken = speurnet(env_for, "audit", "verify")
    assert broken.returncode == 1
    assert "ends at entry 2" in broken.stderr and "says it reached 3" in broken.stderr, \
        broken.stderr


def test_old_sha256_entries_count_up_to_the_first_keyed_one(
        graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graph, "home", tmp_path)  # a home from before the audit key
    prev, links = "", list[dict[str, object]]()
    for seq in (1, 2):
        payload = json.dumps({"action": "view", "n": seq})
        digest = audit_chain.legacy(prev, seq, payload)
        links.append({"seq": seq, "prev": prev, "hash": digest, "at": None, "user": "old",
                      "role": "admin", "purpose": "p", "action": "view", "target": None,
                      "subjects": [], "payload": payload})
        prev = digest
    graph.write("access/audit_append_many", entries=links, fromSeq=0, fromHash="", toSeq=2,
                toHash=prev)
    assert audit.verify(graph) == (2, [])
    assert "Not anchored yet" in audit_chain.describe(tmp_path)
    audit.record(graph, scope(), "view", "adres:0000000000000001")
    anchor = audit_chain.read_anchor(tmp_path)
    assert anchor is not None and (anchor.seq, anchor.hmacFrom) == (3, 3)
    assert (tmp_path / "audit.key").stat().st_mode & 0o777 == 0o600
    assert audit.verify(graph) == (3, [])
    graph.write("access/test_tamper")  # rewriting the old part breaks the first keyed entry
    anchored = f"entry 3 was changed (it is not the entry anchored in {tmp_path / 'audit-head.json'})"
    assert audit.verify(graph)[1] == ["entry 3 was changed (its HMAC does not match)", anchored]


def test_backup_and_restore_keep_the_anchor(graph: Graph, settings: Settings,
                                            env_for: dict[str, str], tmp_path: Path) -> None:
    for i in range(2):
        audit.record(graph, scope(), "view", f"adres:{i:016d}")
    file = tmp_path / "b.jsonl"
    made = speurnet(env_for, "backup", str(file))
    assert made.returncode == 0, made.stderr
    header = json.loads(file.read_text("utf-8").splitlines()[0])
    head = graph.read("access/audit_head")[0]
    assert (header["auditAnchor"]["seq"], header["auditAnchor"]["hash"]) == (head["seq"],
                                                                             head["hash"])
    graph.autocommit("admin/wipe")
    audit_chain.anchor_path(settings.home).unlink()  # restored into a home without the anchor
    done = speurnet(env_for, "restore", str(file))
    assert done.returncode == 0, done.stderr
    assert f"anchored at entry {head['seq']}" in done.stderr
    anchor = audit_chain.read_anchor(settings.home)
    assert anchor is not None and (anchor.seq, anchor.hash) == (head["seq"], head["hash"])
    verified = speurnet(env_for, "audit", "verify")
    assert verified.returncode == 0, verified.stderr
    # A backup whose anchor does not match its own log was changed: refused before writing.
    lines = file.read_text("utf-8").splitlines()
    first = json.loads(lines[0])
    first["auditAnchor"]["hash"] = "0" * 64
    file.write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", "utf-8")
    graph.autocommit("admin/wipe")
    refused = speurnet(env_for, "restore", str(file))
    assert refused.returncode != 0 and "the file was changed" in refused.stderr, refused.stderr
