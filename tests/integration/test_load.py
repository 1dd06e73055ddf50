"""Loading source folders into a real Neo4j: counts, provenance, idempotence, history, bad input."""

from __future__ import annotations

import copy
import csv
import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook

from graph import schema
from graph.db import Graph
from investigations.exports import rows as export_rows
from investigations.registry import load_all
from loaders.load import LoadReport, load
from tests.town import FILES, NODES, RELATIONSHIPS, write_csv, write_town


def counts(graph: Graph) -> tuple[dict[str, int], dict[str, int]]:
    rows = graph.read("admin/counts")
    nodes = {r["name"]: r["count"] for r in rows if r["kind"] == "node"}
    rels = {r["name"]: r["count"] for r in rows if r["kind"] == "relationship"}
    return nodes, rels


def load_town(graph: Graph, folder: Path, tmp_path: Path) -> LoadReport:
    schema.install(graph)
    return load(graph, folder, tmp_path / "reports")


def rejects(report: LoadReport) -> list[dict[str, str]]:
    with open(report.reject_file, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_town_loads_every_fact_with_provenance(graph: Graph, tmp_path: Path) -> None:
    report = load_town(graph, write_town(tmp_path / "town"), tmp_path)
    assert report.ok
    assert [f.rejected for f in report.files] == [0] * 10
    assert counts(graph) == (NODES, RELATIONSHIPS)
    by_file = {f.file: f for f in report.files}
    assert by_file["brp_inschrijvingen.csv"].outside_addresses == 1
    assert [u["record"] for u in by_file["kvk_vestigingen.csv"].unmatched] == [3]
    assert [u["record"] for u in by_file["meldingen.csv"].unmatched] == [3]
    missing = graph.read("checks/missing_provenance")
    assert missing == []


def test_free_text_and_kvk_addresses_match_exactly(graph: Graph, tmp_path: Path) -> None:
    load_town(graph, write_town(tmp_path / "town"), tmp_path)
    links = {(r["from"], r["to"]): r["method"] for r in graph.read("checks/address_links")}
    assert links[("M1", "adres:0479200000000001")] == "exact"  # "Kerkstraat 12-2, 1501 AB"
    assert links[("kvk:12345678", "adres:0479200000000002")] == "exact"  # 14 a, no key
    assert links[("kvk:87654321", "adres:0479200000000003")] == "key"


def test_second_load_changes_nothing(graph: Graph, tmp_path: Path) -> None:
    folder = write_town(tmp_path / "town")
    load_town(graph, folder, tmp_path)
    before = graph.read("admin/dump")
    second = load_town(graph, folder, tmp_path)
    assert second.ok
    assert graph.read("admin/dump") == before
    assert graph.read("checks/load_log_count")[0]["loads"] == 20


def test_newer_export_updates_and_keeps_history(graph: Graph, tmp_path: Path) -> None:
    load_town(graph, write_town(tmp_path / "v1"), tmp_path)
    newer = copy.deepcopy(FILES)
    # Piet moves out of Kerkstraat 12-2 into Dorpsweg 5; the permit is granted.
    newer["brp_inschrijvingen"][3][8] = "2026-01-31"
    newer["brp_inschrijvingen"].append(["111222333", "Piet", "", "Jansen", "1990-01-01", "M",
                                        "0479200000000004", "2026-02-01", "", "W"])
    newer["vergunningen"][1][2] = "verleend"
    report = load_town(graph, write_town(tmp_path / "v2", newer), tmp_path)
    assert report.ok
    periods = graph.read("checks/registrations", bsn="111222333")
    assert [(p["address"], str(p["start"]), str(p["end"])) for p in periods] == [
        ("adres:0479200000000001", "2021-01-01", "2026-01-31"),
        ("adres:0479200000000004", "2026-02-01", "None"),
    ]
    permit = graph.read("checks/permit", permitId="V-1")[0]
    assert permit["status"] == "verleend"
    assert permit["statusHistory"] == ["aangevraagd@2024-01-10"]
    assert permit["loadId"] == report.load_id


def test_broken_folder_loads_valid_rows_and_lists_every_problem(
        graph: Graph, tmp_path: Path, env_for: dict[str, str]) -> None:
    broken = copy.deepcopy(FILES)
    brp = broken["brp_inschrijvingen"]
    for row in brp:
        row.append("nationaliteit" if row is brp[0] else "NL")
    brp.append(["123456789", "Kees", "", "Fout", "1980-01-01", "M", "0479200000000001",
                "2020-01-01", "", "W", "NL"])  # elfproef fails
    brp.append(["111222333", "Piet", "", "Jansen", "1990-01-01", "M", "04792000000000X1",
                "2022-01-01", "", "W", "NL"])  # malformed address key
    brp.append(["999999990", "Fatma", "", "Yilmaz", "1975-06-30", "V", "0479200000000004",
                "31-02-2024", "", "W", "NL"])  # impossible date, wrong notation
    broken["bag_verblijfsobjecten"][2][7] = "15O1 AB"  # bad postcode (letter O)
    folder = write_town(tmp_path / "broken", broken)
    with (folder / "zaken.csv").open("a", encoding="utf-8") as handle:
        handle.write("Z2;controle woonfraude;open\n")  # truncated line
    write_csv(folder / "verbruik.csv", FILES["verbruik"], sep="\t")  # tabs: not accepted

    result = subprocess.run([sys.executable, "-m", "api.cli", "load", str(folder),
                             "--report-dir", str(tmp_path / "reports")],
                            capture_output=True, text=True, env=env_for, timeout=300, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "nationaliteit" in result.stderr
    [reject_file] = (tmp_path / "reports").glob("*/rejects.csv")
    assert str(reject_file) in result.stderr.replace("\n", "")
    with reject_file.open(encoding="utf-8", newline="") as handle:
        found = {(r["file"], r["row"], r["field"]) for r in csv.DictReader(handle)}
    assert found == {
        ("bag_verblijfsobjecten.csv", "2", "postcode"),
        ("brp_inschrijvingen.csv", "5", "bsn"),
        ("brp_inschrijvingen.csv", "6", "nummeraanduiding_id"),
        ("brp_inschrijvingen.csv", "7", "datum_aanvang"),
        ("zaken.csv", "2", "*"),
        ("verbruik.csv", "0", "*"),
    }
    nodes, rels = counts(graph)
    assert nodes["Person"] == NODES["Person"]  # the valid BRP rows all loaded
    assert rels["REGISTERED_AT"] == RELATIONSHIPS["REGISTERED_AT"]
    # Kerkstraat 14A's BAG row was rejected; the permit's reference keeps it as an outside address.
    assert nodes["Address"] == NODES["Address"]
    assert graph.read("checks/outside_addresses") == [
        {"key": "adres:0363200000000009"}, {"key": "adres:0479200000000002"}]
    assert nodes["Case"] == 1
    assert "UtilityUse" not in nodes
    assert graph.read("checks/property_names_like", pattern="(?i).*national.*") == []


def test_cp1252_and_xlsx_sources_load(graph: Graph, tmp_path: Path) -> None:
    folder = write_town(tmp_path / "mixed")
    (folder / "bag_verblijfsobjecten.csv").unlink()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in FILES["bag_verblijfsobjecten"]:
        sheet.append(row)
    book.save(folder / "bag_verblijfsobjecten.xlsx")
    brp = copy.deepcopy(FILES["brp_inschrijvingen"])
    brp[4][1] = "Fátma Ümran"
    write_csv(folder / "brp_inschrijvingen.csv", brp, sep=",", encoding="cp1252")
    report = load_town(graph, folder, tmp_path)
    assert report.ok
    assert counts(graph) == (NODES, RELATIONSHIPS)
    assert graph.read("checks/person", key="bsn:999999990")[0]["firstNames"] == "Fátma Ümran"


def test_csv_and_xlsx_for_one_source_is_an_error_naming_both(graph: Graph, tmp_path: Path) -> None:
    folder = write_town(tmp_path / "both")
    Workbook().save(folder / "meldingen.xlsx")
    report = load_town(graph, folder, tmp_path)
    assert not report.ok
    [problem] = rejects(report)
    assert "meldingen.csv" in problem["reason"] and "meldingen.xlsx" in problem["reason"]


def test_mapped_watch_list_links_the_entities_it_names(graph: Graph, tmp_path: Path) -> None:
    folder = write_town(tmp_path / "town")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["Adres", "BSN", "KvK", "Naam", "Geboren", "Opmerking"],
                ["Kerkstraat 12-2, 1501 AB Zaandam", "", "", "", "", "veel fietsen"],
                ["", "999999990", "", "", "", ""],
                ["", "", "12345678", "", "", ""],
                ["", "", "", "Jan vd Berg", "1981-03-04", ""],
                ["Nergensweg 1, 9999 ZZ Elders", "", "", "", "", ""],
                ["", "12345", "", "", "", ""]):
        sheet.append(row)
    book.save(folder / "casus_041.xlsx")
    (folder / "casus_041.mapping.yml").write_text(
        "list: RIEC casus 2026-041\nkind: watchlist\ncolumns:\n  adres: Adres\n  bsn: BSN\n"
        "  kvk_nummer: KvK\n  naam: Naam\n  geboortedatum: Geboren\n", encoding="utf-8")
    (folder / "notities.csv").write_text("a;b\n1;2\n", encoding="utf-8")  # no mapping: skipped
    report = load_town(graph, folder, tmp_path)
    assert report.skipped == ["notities.csv"]
    [listed] = [f for f in report.files if f.file == "casus_041.xlsx"]
    assert (listed.read, listed.loaded, listed.rejected) == (6, 5, 1)  # 12345 is no BSN
    assert [u["record"] for u in listed.unmatched] == [5]
    assert listed.unknown_columns == ["opmerking"]
    members = graph.read("checks/list_members", key="lijst:casus_041")
    assert members == [
        {"member": "adres:0479200000000001", "method": "exact", "list": "RIEC casus 2026-041"},
        {"member": "bsn:999999990", "method": "key", "list": "RIEC casus 2026-041"},
        {"member": "kvk:12345678", "method": "key", "list": "RIEC casus 2026-041"},
        {"member": members[3]["member"], "method": "record", "list": "RIEC casus 2026-041"},
    ]
    assert members[3]["member"].startswith("person:")
    load_all()
    records = {r["record"]: r["entity"] for r in export_rows(graph, "matches")}
    assert records["casus_041.xlsx#1:address"] == "adres:0479200000000001"
    assert records["casus_041.xlsx#4:person"] == members[3]["member"]  # until `speurnet match`
    again = load_town(graph, folder, tmp_path)
    assert graph.read("checks/list_members", key="lijst:casus_041") == members
    assert not again.ok  # the bad BSN row is rejected again
