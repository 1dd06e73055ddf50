"""Issue 3's acceptance: a generated 10k-person municipality loads to exactly the ground truth's
counts, and loading it again changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph import schema
from graph.db import Graph
from loaders.load import load
from loaders.synthetic import generate


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("town10k")
    generate(folder, persons=10_000, seed=11)
    return folder


def expected(truth: dict[str, int], unmatched_texts: int) -> tuple[dict[str, int], dict[str, int]]:
    """Turn the generator's raw counts into the graph the model says they make."""
    nodes = {
        "Address": truth["addresses"] + truth["outside_addresses"],
        "Building": truth["buildings"],
        "Neighbourhood": truth["neighbourhoods"],
        # BRP persons, one KvK record person per distinct name + birth date, one per named signal.
        "Person": truth["brp_persons"] + truth["officer_persons"] + truth["signals_with_person"],
        "Company": truth["companies"],
        "Permit": truth["permits"],
        "Signal": truth["signals"],
        "Case": truth["cases"],
        "UtilityUse": truth["utility_rows"],
        "NeighbourhoodFigure": truth["buurt_cijfers_rows"],
    }
    rels = {
        "IN_BUILDING": truth["bag_rows"],
        "IN_NEIGHBOURHOOD": truth["bag_rows"],
        "REGISTERED_AT": truth["brp_rows"],
        "ESTABLISHED_AT": truth["establishment_rows"],
        "OFFICER_OF": truth["officer_rows"],
        "FOR_ADDRESS": truth["permits"] + truth["utility_rows"],
        "HELD_BY": truth["permits_held_by_company"] + truth["permits_held_by_person"],
        "ABOUT": truth["signals_with_address_key"] + truth["signals_with_address_text"]
        - unmatched_texts + truth["signals_with_person"] + truth["signals_with_company"],
        "CONCERNS": truth["case_address_subjects"] + truth["case_person_subjects"]
        + truth["case_company_subjects"],
        "OWNS": truth["brk_rows"],
        "FOR_NEIGHBOURHOOD": truth["buurt_cijfers_rows"],
    }
    return nodes, rels


def test_generated_town_loads_to_ground_truth_and_reloads_unchanged(
        graph: Graph, town: Path, tmp_path: Path) -> None:
    schema.install(graph)
    report = load(graph, town, tmp_path)
    assert report.ok, report.to_json()
    truth = json.loads((town / "ground_truth.json").read_text())["counts"]
    by_file = {f.file: f for f in report.files}
    assert sum(f.read for f in report.files) == sum(f.loaded for f in report.files)
    assert by_file["kvk_vestigingen.csv"].unmatched == []  # every KvK address matched exactly
    unmatched = len(by_file["meldingen.csv"].unmatched)
    # Exact matching resolves most free-text addresses; entity resolution does the rest.
    assert unmatched < truth["signals_with_address_text"] / 2
    rows = graph.read("admin/counts")
    nodes = {r["name"]: r["count"] for r in rows if r["kind"] == "node"}
    rels = {r["name"]: r["count"] for r in rows if r["kind"] == "relationship"}
    assert (nodes, rels) == expected(truth, unmatched)
    assert graph.read("checks/missing_provenance") == []

    before = graph.read("admin/dump")
    again = load(graph, town, tmp_path)
    assert again.ok
    assert graph.read("admin/dump") == before
