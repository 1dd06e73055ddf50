"""Entity resolution against a real Neo4j: the hand-made town with free-text addresses and name
variants added, analyst judgements through reloads, and F1 on a generated municipality."""

from __future__ import annotations

import copy
import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from graph import schema
from graph.db import Graph
from investigations import exports
from investigations.matching import ensure_matched, is_due, run
from investigations.matching.judgements import JudgementError
from investigations.matching.review import judge, undo
from investigations.registry import load_all
from loaders.load import load
from loaders.synthetic import generate
from tests.town import FILES, write_town

JAN = "bsn:123456782"
FATMA = "bsn:999999990"


def matching_town() -> dict[str, list[list[str]]]:
    """The loader town plus signals and KvK rows that need fuzzy matching."""
    files = copy.deepcopy(FILES)
    files["meldingen"] += [
        # Free text without postcode, abbreviated street, roman floor.
        ["M4", "KCC", "woonoverlast", "2025-08-01", "", "", "Kerkstr. 12-II Zaandam",
         "", "", "", "hoog"],
        # Named with birth date at her own address, and the address all in lower case.
        ["M5", "politie", "adresfraude", "2025-08-02", "", "", "dorpsweg 5 zaandam",
         "Fatma Yilmaz", "1975-06-30", "", "midden"],
        # Kerkstraat 3 does not exist; Dorpsweg 3 has no `bis`.
        ["M6", "burger", "overig", "2025-08-03", "", "", "Kerkstraat 3, Zaandam", "", "", "", ""],
        ["M7", "burger", "overig", "2025-08-04", "", "", "Dorpsweg 3 bis, 1502CD", "", "", "", ""],
        # A stranger: nobody in the BRP has this name.
        ["M8", "BOA", "overig", "2025-08-05", "", "0479200000000003", "", "Kees Onbekend",
         "1960-01-01", "", "laag"],
    ]
    # KvK gives 14A as addition `A` instead of letter `A`: the exact lookup misses it.
    files["kvk_vestigingen"].append(
        ["22223333", "000022223333", "Kiosk Kerkstraat", "Eenmanszaak", "4726", "Tabak",
         "2023-01-01", "", "Kerkstraat", "14", "", "A", "1501AB", "Zaandam", ""])
    # Jan's surname with a typo and his birth date with two digits swapped.
    files["kvk_functionarissen"].append(
        ["22223333", "eigenaar", "Jan", "van der", "Breg", "1981-04-03", "",
         "2023-01-01", ""])
    return files


def load_folder(graph: Graph, folder: Path, tmp_path: Path) -> None:
    schema.install(graph)
    report = load(graph, folder, tmp_path / "reports")
    assert report.ok, report.to_json()


def matches(graph: Graph) -> dict[str, dict[str, Any]]:
    load_all()
    return {r["record"]: r for r in exports.rows(graph, "matches")}


def person(graph: Graph, key: str) -> dict[str, Any]:
    return dict(graph.read("checks/person", key=key)[0]["props"])


def officer_key(graph: Graph, surname: str) -> str:
    [row] = [r for r in graph.read("matching/record_persons") if r["surname"] == surname]
    return str(row["key"])


def test_town_mentions_resolve_with_score_and_reason(graph: Graph, tmp_path: Path) -> None:
    load_folder(graph, write_town(tmp_path / "town", matching_town()), tmp_path)
    summary = run(graph)
    assert summary.full
    found = matches(graph)
    # Both KvK rows of `J. van der Berg` (one record person) and the signal's `Jan vd Berg`.
    for record in ("kvk_functionarissen.csv#1:person", "kvk_functionarissen.csv#2:person",
                   "meldingen.csv#1:person", "meldingen.csv#5:person"):
        assert found[record]["judgement"] == "positive", found[record]
    assert found["kvk_functionarissen.csv#1:person"]["entity"] == JAN
    assert found["meldingen.csv#1:person"]["entity"] == JAN
    assert found["meldingen.csv#5:person"]["entity"] == FATMA
    # The stranger keeps their own person: key.
    stranger = found["meldingen.csv#8:person"]
    assert stranger["entity"].startswith("person:") and stranger["judgement"] == "positive"
    # A typo in the surname and day and month swapped: still Jan, in a town of three persons.
    typo = found["kvk_functionarissen.csv#4:person"]
    assert (typo["entity"], typo["judgement"]) == (JAN, "positive")

    assert found["meldingen.csv#1:address"]["entity"] == "adres:0479200000000001"
    assert found["meldingen.csv#1:address"]["method"] == "exact"
    m4 = found["meldingen.csv#4:address"]
    assert (m4["entity"], m4["judgement"], m4["method"]) == ("adres:0479200000000001", "positive",
                                                              "fuzzy")
    assert found["meldingen.csv#5:address"]["entity"] == "adres:0479200000000004"
    unknown = found["meldingen.csv#6:address"]
    assert unknown["entity"] is None and unknown["judgement"] == "unsure" and unknown["reason"]
    bis = found["meldingen.csv#7:address"]
    assert (bis["entity"], bis["judgement"]) == ("adres:0479200000000003", "unsure")
    assert "BIS" in bis["reason"]
    assert found["meldingen.csv#3:address"]["entity"] is None  # Onbekendelaan, 9999 AA Nergens
    assert found["kvk_vestigingen.csv#4:address"]["entity"] == "adres:0479200000000002"
    assert found["kvk_vestigingen.csv#4:address"]["judgement"] == "positive"
    assert found["kvk_vestigingen.csv#3:address"]["entity"] is None  # Nergensweg 99, Elders
    assert "not in the loaded BAG" in found["kvk_vestigingen.csv#3:address"]["reason"]
    # Canonical persons: the KvK record now belongs to Jan; Jan stays himself.
    kvk_jan = officer_key(graph, "Berg")
    assert person(graph, kvk_jan)["canonicalKey"] == JAN
    assert person(graph, JAN)["canonicalKey"] == JAN
    assert graph.read("checks/missing_provenance") == []


def test_export_matches_passes_the_contract_check(
        graph: Graph, tmp_path: Path, env_for: dict[str, str],
        check_exports: Callable[[Path], str]) -> None:
    load_folder(graph, write_town(tmp_path / "town", matching_town()), tmp_path)
    done = subprocess.run([sys.executable, "-m", "api.cli", "match"], capture_output=True,
                          text=True, env=env_for, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "left for review" in done.stderr
    out = subprocess.run([sys.executable, "-m", "api.cli", "export", "matches"],
                         capture_output=True, text=True, env=env_for, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(rows[0])[:4] == ["record", "entity", "score", "judgement"]
    scores = [float(r["score"]) for r in rows]
    assert scores == sorted(scores, reverse=True)
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "matches.csv").write_text(out.stdout, encoding="utf-8")
    check_exports(folder)
    as_json = subprocess.run([sys.executable, "-m", "api.cli", "export", "matches", "--format",
                              "json"], capture_output=True, text=True, env=env_for, timeout=300,
                             check=False)
    assert len(json.loads(as_json.stdout)) == len(rows)


def test_rejected_pair_stays_rejected_after_load_and_match(
        graph: Graph, tmp_path: Path, env_for: dict[str, str]) -> None:
    folder = write_town(tmp_path / "town", matching_town())
    load_folder(graph, folder, tmp_path)
    run(graph)
    kvk_jan = officer_key(graph, "Berg")
    assert person(graph, kvk_jan)["canonicalKey"] == JAN
    done = subprocess.run([sys.executable, "-m", "api.cli", "match", "reject", JAN, kvk_jan,
                           "--by", "analist-a"], capture_output=True, text=True, env=env_for,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert person(graph, kvk_jan)["canonicalKey"] == kvk_jan
    # A newer export (Jan's role ended) and a reload touch the record; matching runs again.
    newer = copy.deepcopy(matching_town())
    newer["kvk_functionarissen"][1][8] = "2025-12-31"
    load_folder(graph, write_town(tmp_path / "v2", newer), tmp_path)
    assert is_due(graph)
    summary = ensure_matched(graph)
    assert summary is not None and not summary.full and summary.persons >= 1
    [pair] = graph.read("matching/pair", left=kvk_jan, right=JAN)
    assert (pair["judgement"], pair["by"]) == ("negative", "analist-a")
    assert person(graph, kvk_jan)["canonicalKey"] == kvk_jan
    assert matches(graph)["kvk_functionarissen.csv#1:person"]["entity"] == kvk_jan
    run(graph, full=True)
    assert graph.read("matching/pair", left=kvk_jan, right=JAN)[0]["judgement"] == "negative"
    assert not is_due(graph) and ensure_matched(graph) is None


def _records_without_judgements(graph: Graph) -> list[dict[str, Any]]:
    """The graph dump, minus what matching adds (judgements, canonical keys, the run log)."""
    derived = {"canonicalKey", "matchJudgement", "matchScore", "matchCandidate", "addressNote",
               "addressNotes"}
    out = []
    for row in graph.read("admin/dump"):
        if row["id"].startswith(("SAME_AS", "ADDRESS_MATCH", "MatchRun")):
            continue
        if row["props"].get("matchMethod") == "fuzzy":
            continue
        out.append({"id": row["id"], "props": {k: v for k, v in row["props"].items()
                                               if k not in derived}})
    return out


def test_judgements_never_change_records_and_undo_restores_them(
        graph: Graph, tmp_path: Path) -> None:
    load_folder(graph, write_town(tmp_path / "town", matching_town()), tmp_path)
    before = _records_without_judgements(graph)
    run(graph)
    kvk_jan = officer_key(graph, "Berg")
    typo = officer_key(graph, "Breg")
    assert _records_without_judgements(graph) == before
    # Reject the machine's join of the typo record, then undo: back to the machine's judgement.
    assert graph.read("matching/pair", left=typo, right=JAN)[0]["judgement"] == "positive"
    outcome = judge(graph, typo, JAN, "negative", "analist-b")
    assert outcome.canonical[typo] != JAN
    undone = undo(graph, JAN, typo, "analist-b")
    assert (undone.judgement, undone.canonical[typo]) == ("positive", JAN)
    # Reject the machine's join of the KvK record: both records are as they were.
    judge(graph, kvk_jan, JAN, "negative", "analist-b")
    assert person(graph, kvk_jan)["canonicalKey"] == kvk_jan
    assert _records_without_judgements(graph) == before
    # A pair matching never proposed can be confirmed, and undone to nothing.
    stranger = next(r["key"] for r in graph.read("matching/record_persons")
                    if r["fullName"] == "Kees Onbekend")
    assert judge(graph, stranger, FATMA, "positive", "analist-b").canonical[stranger] == FATMA
    assert undo(graph, stranger, FATMA, "analist-b").judgement is None
    assert person(graph, stranger)["canonicalKey"] == stranger
    with pytest.raises(JudgementError):
        judge(graph, JAN, FATMA, "positive", "analist-b")  # two BSNs are two persons
    with pytest.raises(JudgementError):
        undo(graph, kvk_jan, FATMA, "analist-b")  # nothing to undo


def test_cli_reports_bad_judgements_clearly(
        graph: Graph, tmp_path: Path, env_for: dict[str, str]) -> None:
    load_folder(graph, write_town(tmp_path / "town", matching_town()), tmp_path)
    for args in (["confirm", JAN, FATMA], ["reject", "person:nobody", JAN],
                 ["list", "--judgement", "maybe"]):
        done = subprocess.run([sys.executable, "-m", "api.cli", "match", *args],
                              capture_output=True, text=True, env=env_for, timeout=300,
                              check=False)
        assert done.returncode == 1, (args, done.stderr)
        assert "Traceback" not in done.stderr and "speurnet:" in done.stderr


@pytest.mark.parametrize("persons", [3000])
def test_synthetic_municipality_meets_the_bar(graph: Graph, tmp_path: Path,
                                              persons: int) -> None:
    folder = tmp_path / "synthetic"
    truth = generate(folder, persons=persons, seed=4).mentions
    load_folder(graph, folder, tmp_path)
    run(graph)
    found = matches(graph)
    assert set(truth) <= set(found)
    tp = fp = fn = right = wrong_high = addresses = 0
    for record, true in truth.items():
        row = found[record]
        if record.endswith(":person"):
            entity = row["entity"] if row["judgement"] == "positive" else None
            linked = entity if entity and entity.startswith("bsn:") else None
            tp += bool(linked) and linked == true
            fp += bool(linked) and linked != true
            fn += bool(true) and linked != true
        else:
            addresses += 1
            right += row["entity"] == true
            wrong_high += row["entity"] not in (None, true) and row["score"] >= 0.9
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert precision >= 0.97 and f1 >= 0.95, (precision, recall, f1)
    assert right / addresses >= 0.98 and wrong_high == 0
