"""The bulk path (`speurnet load --bulk`) against the normal load: the same graph, the same rejects.

The bulk import stops and starts its server, so these tests give it a managed server of its own
(a temporary home, port SPEURNET_TEST_BULK_BOLT_PORT or 7721); the normal load they compare with
runs on the session's test server (`graph`).
"""

from __future__ import annotations

import copy
import csv
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from graph import schema, server
from graph.db import Graph
from graph.settings import Settings
from loaders.bulk import BulkRefused, BulkReport, bulk_load
from loaders.load import LoadReport, load
from loaders.synthetic import generate
from tests.town import FILES, write_csv, write_town

# Provenance of the load itself: differs between any two loads by design.
PER_LOAD = ("loadId", "loadedAt")


@pytest.fixture(scope="module")
def bulk_settings(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    if not settings.managed:
        pytest.skip("the bulk path needs a managed server (NEO4J_URI is set)")
    port = int(os.environ.get("SPEURNET_TEST_BULK_BOLT_PORT", "7721"))
    own = replace(settings, home=tmp_path_factory.mktemp("bulk-server"), bolt_port=port,
                  heap="1g", pagecache="512m")
    for attempt in range(3):
        try:
            server.start(own)
            break
        except server.ServerError as exc:
            # A generated password that starts with '-' is read as an option by neo4j-admin;
            # the next start of the fresh home generates another.
            if "initial password" not in str(exc) or attempt == 2:
                raise
    yield own
    server.stop(own)


def tricky_town(folder: Path) -> Path:
    """The hand-made town with bad rows, a protected column, repeated row keys, an officer stated
    twice, an address matched nowhere, use of an address outside the BAG and a mapped watch list."""
    files = copy.deepcopy(FILES)
    brp = files["brp_inschrijvingen"]
    for row in brp:
        row.append("nationaliteit" if row is brp[0] else "NL")
    brp.append(["123456789", "Kees", "", "Fout", "1980-01-01", "M", "0479200000000001",
                "2020-01-01", "", "W", "NL"])  # elfproef fails
    brp.append([*brp[3][:8], "2026-01-31", "W", "NL"])  # Piet's period ends (same row key)
    brp.append([*brp[1][:1], "Johannes", *brp[1][2:]])  # Jan's first names change
    files["bag_verblijfsobjecten"].append([*files["bag_verblijfsobjecten"][4][:10], "130",
                                           *files["bag_verblijfsobjecten"][4][11:]])
    files["vergunningen"].append(["V-1", "exploitatievergunning", "verleend", "2024-03-01",
                                  "2024-03-01", "", "0479200000000002", "12345678", "", "geen"])
    files["kvk_vestigingen"].append(["11112222", "000011112223", "Wasstraat Oost", "VOF", "4520",
                                     "Autoreparatie", "2025-01-01", "", "Nergensweg", "98", "", "",
                                     "9999ZZ", "Elders", ""])
    files["kvk_functionarissen"].append(files["kvk_functionarissen"][1])  # stated twice
    files["verbruik"].append(["0363200000000077", "2024", "1200,5", "", ""])  # outside the BAG
    folder = write_town(folder, files)
    write_csv(folder / "watch.csv", [["Adres", "BSN", "Naam"],
                                    ["Kerkstraat 12-2, 1501 AB Zaandam", "", ""],
                                    ["", "999999990", ""], ["", "", "Jan vd Berg"]])
    (folder / "watch.mapping.yml").write_text(
        "list: Watch\nkind: watchlist\ncolumns:\n  adres: Adres\n  bsn: BSN\n  naam: Naam\n",
        encoding="utf-8")
    return folder


def dump(graph: Graph, *, per_load: bool = False) -> list[tuple[str, str]]:
    """Every node and relationship (load log excluded) with its typed properties, sorted."""
    rows = []
    for row in graph.read("admin/dump"):
        props = {k: v for k, v in row["props"].items() if per_load or k not in PER_LOAD}
        rows.append((row["id"], repr(sorted(props.items()))))
    return sorted(rows)


def load_log(graph: Graph) -> list[tuple[Any, ...]]:
    return [(r["file"], r["read"], r["loaded"], r["rejected"], r["partner"], r["tier"],
             r["retention"], tuple(r["dropped"] or ()), r["folder"])
            for r in graph.read("checks/load_log_files")]


def files_of(report: LoadReport) -> list[tuple[Any, ...]]:
    return [(f.file, f.read, f.loaded, f.rejected, f.outside_addresses, f.unmatched,
             f.dropped_columns, f.unknown_columns, f.error) for f in report.files]


def rejects(report: LoadReport) -> list[dict[str, str]]:
    with open(report.reject_file, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def both_ways(graph: Graph, bulk_settings: Settings, folder: Path,
              tmp_path: Path) -> tuple[LoadReport, BulkReport, Graph]:
    schema.install(graph)
    normal = load(graph, folder, tmp_path / "normal")
    bulk = bulk_load(bulk_settings, folder, tmp_path / "bulk", force=True)
    return normal, bulk, Graph.connect(bulk_settings)


def assert_same(graph: Graph, bulked: Graph, normal: LoadReport, bulk: BulkReport) -> None:
    assert graph.read("admin/counts") == bulked.read("admin/counts")
    assert dump(graph) == dump(bulked)
    assert files_of(normal) == files_of(bulk)
    assert rejects(normal) == rejects(bulk)
    assert normal.skipped == bulk.skipped


def test_tricky_town_bulk_equals_normal_load(graph: Graph, bulk_settings: Settings,
                                             tmp_path: Path) -> None:
    normal, bulk, bulked = both_ways(graph, bulk_settings, tricky_town(tmp_path / "town"), tmp_path)
    with bulked:
        assert_same(graph, bulked, normal, bulk)
        assert bulk.loaded_normally == ["watch.csv"]
        assert load_log(graph) == load_log(bulked)
    # A repeated row key within one file is a reject (a status change is a later delivery's).
    assert {(r["file"], r["row"], r["field"]) for r in rejects(bulk)} == {
        ("bag_verblijfsobjecten.csv", "5", "nummeraanduiding_id"),
        ("brp_inschrijvingen.csv", "5", "bsn"), ("brp_inschrijvingen.csv", "6", "bsn"),
        ("brp_inschrijvingen.csv", "7", "bsn"), ("vergunningen.csv", "3", "vergunning_id")}
    assert not bulk.ok  # a rejected row and a dropped protected column, as in the normal load
    assert bulk.report_file and Path(bulk.report_file).is_file()


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic") / "town"
    generate(folder, persons=800, seed=11)
    return folder


def test_synthetic_town_bulk_equals_normal_load_and_later_loads_find_it(
        graph: Graph, bulk_settings: Settings, synthetic: Path, tmp_path: Path) -> None:
    normal, bulk, bulked = both_ways(graph, bulk_settings, synthetic, tmp_path)
    with bulked:
        assert_same(graph, bulked, normal, bulk)
        assert load_log(graph) == load_log(bulked)
        assert bulk.nodes > 1000 and bulk.relationships > 1000
        # A later delivery loads the normal way: the same folder again changes no property...
        before = dump(bulked, per_load=True)
        again = load(bulked, synthetic, tmp_path / "again")
        assert again.ok
        assert dump(bulked, per_load=True) == before
        # ...and a changed row updates the imported node.
        changed = tmp_path / "changed"
        changed.mkdir()
        with (synthetic / "brp_inschrijvingen.csv").open(encoding="utf-8", newline="") as src:
            rows = list(csv.reader(src, delimiter=";"))
        rows[1][1] = "Anders"
        write_csv(changed / "brp_inschrijvingen.csv", rows)
        later = load(bulked, changed, tmp_path / "later")
        person = [r for r in bulked.read("admin/dump") if r["id"] == f"Person bsn:{rows[1][0]}"]
        assert person[0]["props"]["firstNames"] == "Anders"
        assert person[0]["props"]["loadId"] == later.load_id


def test_bulk_refuses_a_database_that_holds_data(bulk_settings: Settings, synthetic: Path,
                                                 tmp_path: Path) -> None:
    with Graph.connect(bulk_settings) as bulked:
        assert bulked.read("load/any_node")[0]["found"]
    with pytest.raises(BulkRefused, match="already holds data"):
        bulk_load(bulk_settings, synthetic, tmp_path / "refused")
    env = dict(os.environ, SPEURNET_HOME=str(bulk_settings.home),
               SPEURNET_BOLT_PORT=str(bulk_settings.bolt_port))
    result = subprocess.run([sys.executable, "-m", "api.cli", "load", "--bulk", str(synthetic),
                             "--report-dir", str(tmp_path / "cli")],
                            capture_output=True, text=True, env=env, timeout=300, check=False)
    assert result.returncode == 2, result.stderr
    assert "already holds data" in result.stderr and "Traceback" not in result.stderr


def test_bulk_needs_a_local_server(synthetic: Path, tmp_path: Path) -> None:
    env = dict(os.environ, NEO4J_URI="neo4j+s://example.invalid:7687", NEO4J_PASSWORD="x")
    result = subprocess.run([sys.executable, "-m", "api.cli", "load", "--bulk", str(synthetic),
                             "--report-dir", str(tmp_path / "cli")],
                            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 2, result.stderr
    assert "database files" in result.stderr and "Traceback" not in result.stderr


def test_multi_line_signals_beyond_the_importers_read_buffer(bulk_settings: Settings,
                                                              tmp_path: Path) -> None:
    # A signal file of more than 4 MiB with a line break in every description: the importer reads
    # in 4 MiB buffers, and a quoted field across a buffer's end once failed the import (at 1M
    # persons). Every signal and every line of its text must arrive.
    files = copy.deepcopy(FILES)
    text = "Eerste regel van melding {i}.\nTweede regel: " + "veel fietsen en matrassen " * 22
    files["meldingen"] += [[f"MB{i}", "KCC", "woonoverlast", "2025-08-01", text.format(i=i),
                            "0479200000000004", "", "", "", "", "midden"] for i in range(9000)]
    folder = write_town(tmp_path / "town", files)
    assert (folder / "meldingen.csv").stat().st_size > 5 * 2**20
    report = bulk_load(bulk_settings, folder, tmp_path / "reports", force=True)
    [signal_file] = [f for f in report.files if f.file == "meldingen.csv"]
    assert signal_file.rejected == 0 and signal_file.loaded == 9003
    with Graph.connect(bulk_settings) as bulked:
        signals = {r["props"]["signalId"]: r["props"] for r in bulked.read("admin/dump")
                   if r["id"].startswith("Signal ")}
    assert len(signals) == 9003
    assert signals["MB8999"]["description"] == text.format(i=8999)
