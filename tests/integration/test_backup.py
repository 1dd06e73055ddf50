"""Backup and restore: what users made survives a wipe and a reload of the sources, exactly."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from api.app import create_app
from graph import schema
from graph.db import Graph
from graph.model import USER_LABELS
from graph.settings import Settings
from investigations import backup, exports
from investigations.access import audit
from investigations.analysis import analyze
from investigations.matching.review import judge
from investigations.registry import load_all
from loaders.load import load
from tests.integration.access_setup import PURPOSE, load_town, make_users

AS_OF = date(2026, 4, 1)
WHEN = {"loadId", "loadedAt", "runId", "scoreRunId", "computedAt", "startedAt", "finishedAt",
        "checkedAt"}
RUN = re.compile(r"^run-[^|]+[|]")
ADDRESS = "0479200000000001"
SAVED = {"name": "mijn_adressen", "title": "Adressen", "cypher":
         "MATCH (a:Address) RETURN a.key AS key ORDER BY key", "visibility": "team"}


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "api.cli", *args], capture_output=True, text=True,
                          env=env, timeout=300, check=False)


def body(path: Path) -> list[dict[str, Any]]:
    """A backup's records, in a stable order (the header's time differs per backup)."""
    lines = [json.loads(t) for t in path.read_text("utf-8").splitlines()[1:]]
    return sorted(lines, key=lambda r: json.dumps(r, sort_keys=True))


def counts(graph: Graph) -> dict[str, int]:
    return {r["name"]: r["count"] for r in graph.read("admin/counts")}


def ranking(graph: Graph) -> list[tuple[str, float, str]]:
    load_all()  # the exports register when their modules are imported
    rows = exports.rows(graph, "addresses")
    return sorted(((r["key"], r["score"], r["flags"]) for r in rows), key=lambda r: (-r[1], r[0]))


def page(client: TestClient, token: str) -> Any:
    """The address page's JSON without what says when a fact was loaded or computed (a reload
    and a new analysis run give those new values, and nothing else)."""
    answer = client.get(f"/api/addresses/{ADDRESS}", headers={
        "Authorization": f"Bearer {token}", "X-Purpose": PURPOSE})
    assert answer.status_code == 200, answer.text
    return timeless(answer.json())


def timeless(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: timeless(v) for k, v in value.items() if k not in WHEN}
    if isinstance(value, list):
        return [timeless(v) for v in value]
    return RUN.sub("run|", value) if isinstance(value, str) else value


def seed(graph: Graph, client: TestClient, tokens: dict[str, str]) -> None:
    """Everything users make: users (made already), a saved investigation, a judgement, audit
    entries, a note, a watch list, a notification and an outcome."""
    anna = {"Authorization": f"Bearer {tokens['anna']}", "X-Purpose": PURPOSE}
    assert client.post("/api/investigations", json=SAVED, headers=anna).status_code == 201
    [record] = [r["key"] for r in graph.read("matching/record_persons") if r["surname"] == "Berg"
                and r["key"].startswith("person:")][:1]
    judge(graph, record, "bsn:123456782", "negative", "anna")
    graph.write("backup/test_seed", at=datetime(2026, 3, 2, 9, 15, 30, 123456, tzinfo=UTC),
                day=date(2026, 3, 1))
    for user in ("olga", "anna"):
        page(client, tokens[user])


def test_backup_wipe_reload_restore_gives_everything_back(
        graph: Graph, settings: Settings, env_for: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "town"
    load_town(graph, folder)
    tokens = make_users(graph)
    with TestClient(create_app(settings)) as client:
        seed(graph, client, tokens)
        analyze(graph, AS_OF)
        page_before, ranking_before = page(client, tokens["anna"]), ranking(graph)
    users_before = graph.read("access/users")
    file = tmp_path / "backups" / "speurnet.jsonl"
    file.parent.mkdir()
    made = cli(env_for, "backup", str(file))
    assert made.returncode == 0, made.stderr
    header = json.loads(file.read_text("utf-8").splitlines()[0])
    assert (header["format"], header["version"]) == ("speurnet-backup", 1)
    assert {label: header["counts"].get(label) for label in ("Note", "WatchList", "Notification",
            "Outcome", "SavedInvestigation", "judgements")} == dict.fromkeys(
        ("Note", "WatchList", "Notification", "Outcome", "SavedInvestigation", "judgements"), 1)
    assert header["counts"]["User"] == 5 and header["counts"]["AuditEntry"] >= 3
    assert not list(file.parent.glob(".*.tmp"))
    audit_before = graph.read("access/audit_entries", fromSeq=0, since=None, user=None,
                              subject=None, limit=100000)

    graph.autocommit("admin/wipe")
    schema.install(graph)
    assert load(graph, folder, tmp_path / "reports2").ok
    done = cli(env_for, "restore", str(file))
    assert done.returncode == 0, done.stderr
    assert "not re-attached" not in done.stderr
    after_once = counts(graph)
    again = cli(env_for, "restore", str(file))
    assert again.returncode == 0, again.stderr
    assert counts(graph) == after_once  # restoring twice duplicates nothing
    # Backup streams its rows (a large audit log is never held whole): the same rows as a read.
    streamed = graph.stream("admin/counts")
    assert isinstance(streamed, Iterator) and list(streamed) == graph.read("admin/counts")

    check = tmp_path / "check.jsonl"
    backup.backup(graph, check)
    assert body(check) == body(file)
    assert graph.read("access/users") == users_before
    assert graph.read("access/audit_entries", fromSeq=0, since=None, user=None, subject=None,
                      limit=100000) == audit_before
    assert audit.verify(graph) == (len(audit_before), [])
    [note] = graph.read("backup/nodes", label="Note")
    assert note["props"]["createdAt"] == datetime(2026, 3, 2, 9, 15, 30, 123456, tzinfo=UTC)
    assert note["props"]["text"].startswith("=HYPERLINK")
    [outcome] = graph.read("backup/nodes", label="Outcome")
    assert outcome["props"]["date"] == date(2026, 3, 1)

    # The reload stamped every fact anew; the watches know them still, so nobody is told again.
    analyze(graph, AS_OF)
    assert counts(graph)["Notification"] == after_once["Notification"]
    with TestClient(create_app(settings)) as client:
        assert page(client, tokens["anna"]) == page_before  # tokens work again, too
        saved = client.get("/api/investigations/mijn_adressen", headers={
            "Authorization": f"Bearer {tokens['anna']}"})
        assert saved.status_code == 200
    assert ranking(graph) == ranking_before
    assert audit.verify(graph)[1] == []


def test_restore_names_every_entity_that_no_longer_exists(
        graph: Graph, settings: Settings, env_for: dict[str, str], tmp_path: Path) -> None:
    load_town(graph, tmp_path / "town")
    tokens = make_users(graph)
    with TestClient(create_app(settings)) as client:
        seed(graph, client, tokens)
    file = tmp_path / "b.jsonl"
    assert cli(env_for, "backup", str(file)).returncode == 0
    graph.autocommit("admin/wipe")  # restored without loading the sources first
    done = cli(env_for, "restore", str(file))
    assert done.returncode == 1
    for name in ("adres:0479200000000001", "bsn:999999990", "kvk:12345678", "zaak:Z1",
                 "SAME_AS judgement"):
        assert name in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    found = counts(graph)
    assert {label: found.get(label) for label in ("Note", "Outcome", "User")} == {
        "Note": 1, "Outcome": 1, "User": 5}  # the records themselves are back
    assert audit.verify(graph)[1] == []


def test_bad_backup_files_are_refused_clearly(
        graph: Graph, env_for: dict[str, str], tmp_path: Path) -> None:
    graph.write("backup/restore_nodes", rows=[{"label": "Team", "key": {"name": "t"},
                                               "props": {"name": "t"}}])
    good = tmp_path / "good.jsonl"
    assert cli(env_for, "backup", str(good)).returncode == 0
    lines = good.read_text("utf-8").splitlines()
    header = json.loads(lines[0])
    cases = {
        "missing.jsonl": None,
        "garbage.jsonl": b"\x00\xff\xfe binary \x89PNG",
        "notjson.jsonl": b"hello\n",
        "version.jsonl": "\n".join([json.dumps({**header, "version": 99}), *lines[1:]]).encode(),
        "short.jsonl": "\n".join(lines[:-1]).encode(),
        "label.jsonl": "\n".join([lines[0], *[ln.replace('"Team"', '"Person"') for ln in
                                              lines[1:]]]).encode(),
    }
    messages = {"missing.jsonl": "no such backup file", "garbage.jsonl": "not UTF-8",
                "notjson.jsonl": "not JSON", "version.jsonl": "version 99",
                "short.jsonl": "cut short", "label.jsonl": "not a label users create"}
    for name, content in cases.items():
        path = tmp_path / name
        if content is not None:
            path.write_bytes(content)
        done = cli(env_for, "restore", str(path))
        assert done.returncode == 1, (name, done.stderr)
        assert name in done.stderr and messages[name] in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
    assert set(USER_LABELS) >= {r["name"] for r in graph.read("admin/counts")
                                if r["kind"] == "node" and r["count"]}
