"""Hostile and broken input: oversized and garbage source files, formula cells in Excel, and
injection attempts in search and keys; each a clear refusal or a safe answer, never a 5xx, and
nothing stored or changed by it. (Ragged rows, encodings and tab files: tests/unit/test_read.py
and test_load.py.)"""

from __future__ import annotations

import copy
import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from graph.db import Graph
from tests.integration.access_setup import Town, town_fixture  # noqa: F401 (fixture)
from tests.town import FILES, write_town


def load_cli(env: dict[str, str], folder: Path, reports: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "api.cli", "load", str(folder), "--report-dir",
                           str(reports)], capture_output=True, text=True, env=env, timeout=300,
                          check=False)


def labels(graph: Graph) -> dict[str, int]:
    """Nodes per label and relationships per type; audit entries aside (every search is one)."""
    return {r["name"]: r["count"] for r in graph.read("admin/counts")
            if r["name"] not in ("AuditEntry", "AuditHead")}


def test_oversized_and_garbage_files_are_refused_by_name_and_store_nothing(
        graph: Graph, env_for: dict[str, str], tmp_path: Path) -> None:
    big = copy.deepcopy(FILES)
    big["meldingen"][1][4] = "x" * 5000  # the file passes 4 KiB
    folder = write_town(tmp_path / "town", big)
    (folder / "zaken.csv").write_bytes(b"\x81\x8d\x00\xff garbage \x90\x9d" * 50)
    done = load_cli({**env_for, "SPEURNET_MAX_SOURCE_MB": "0.004"}, folder, tmp_path / "r")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    said = done.stderr.replace("\n", "")
    assert "meldingen.csv" in said and "above the limit" in said, said
    assert "zaken.csv" in said and "neither UTF-8 nor Windows-1252" in said, said
    found = labels(graph)
    assert "Signal" not in found and "Case" not in found
    assert found["Person"] >= 3  # the other files loaded


def test_formula_cells_in_excel_are_stored_as_text_or_not_at_all(
        graph: Graph, env_for: dict[str, str], tmp_path: Path) -> None:
    folder = write_town(tmp_path / "town", {k: v for k, v in FILES.items() if k != "meldingen"})
    book = Workbook()
    sheet = book.active
    for row in FILES["meldingen"][:2]:
        sheet.append(row)
    sheet.append(["M9", "KCC", "overig", "2025-08-01", "", "0479200000000001", "", "", "", "", ""])
    # A text cell that looks like a formula (as a CSV import into Excel leaves it) ...
    sheet["E2"].value, sheet["E2"].data_type = '=HYPERLINK("http://x","klik")', "s"
    # ... and a real formula Excel never calculated: there is no value to store.
    sheet["E3"] = '=HYPERLINK("http://x","klik")'
    book.save(folder / "meldingen.xlsx")
    done = load_cli(env_for, folder, tmp_path / "r")
    assert done.returncode == 0, done.stderr
    rows = {r["props"]["signalId"]: r["props"].get("description")
            for r in graph.read("backup/nodes", label="Signal")}
    assert rows["M1"] == '=HYPERLINK("http://x","klik")' and rows["M9"] is None


@pytest.mark.parametrize("q", [
    'kerk" OR *:*', "name:(a OR b)~2", "*", "?", "\\", "[a TO z]", "{!}", "a AND NOT", "/.*/",
    "x'); MATCH (n) DETACH DELETE n //", "' OR 1=1 --", "$where", "<script>alert(1)</script>",
    "\x00", "%", "\ufeff"])
def test_injection_in_search_answers_safely_and_changes_nothing(town: Town, q: str) -> None:
    before = labels(town.graph)
    answer = town.get("cas", "/api/search", params={"q": q})
    assert answer.status_code in (200, 422), answer.text
    page = town.client.get("/zoeken", params={"q": q}, headers={
        **town.headers("cas"), "Accept": "text/html"})
    assert page.status_code in (200, 422) and "<script>alert" not in page.text
    assert labels(town.graph) == before


@pytest.mark.parametrize("path", [
    "/api/persons/bsn:123' OR 1=1", "/api/persons/person:\"})-[r]-() DELETE r//",
    "/api/neighbourhood/adres:1' DETACH DELETE n", "/api/networks/x\"y",
    "/api/entities/adres:%27%22/notes", "/api/paths?source=adres:'&target=kvk:\"",
    "/api/investigations/x'y", "/api/addresses/0479200000000001%27"])
def test_quotes_in_keys_answer_4xx_and_change_nothing(town: Town, path: str) -> None:
    before = labels(town.graph)
    answer = town.get("cas", path)
    assert 400 <= answer.status_code < 500, (path, answer.status_code, answer.text)
    assert labels(town.graph) == before


def test_audit_export_neutralises_formula_text(town: Town) -> None:
    searched = town.get("cas", "/api/search", purpose='=HYPERLINK("http://x")', params={"q": "kerk"})
    assert searched.status_code == 200, searched.text
    answer = town.get("adam", "/api/audit/export")
    assert answer.status_code == 200
    purposes = [r["purpose"] for r in csv.DictReader(io.StringIO(answer.text))]
    assert "'=HYPERLINK(\"http://x\")" in purposes
    assert not any(p.startswith("=") for p in purposes)
