"""A large town's planted networks (issue 20): many, of varied shapes, with facilitators shared
between networks, lawful company groups as decoys, and harder signal addresses and names."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from loaders.synthetic import GroundTruth, generate
from loaders.synthetic.patterns import VARIED_FROM

PERSONS = VARIED_FROM  # the smallest town with varied networks
AS_OF = date(2026, 11, 1)
Rows = list[dict[str, str]]


def read(folder: Path, name: str) -> Rows:
    with open(folder / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GroundTruth]:
    folder = tmp_path_factory.mktemp("varied")
    return folder, generate(folder, PERSONS, 13, AS_OF)


def _roles(folder: Path) -> dict[str, set[tuple[str, str, str]]]:
    """Per company, its officers as (given names, surname, birth date)."""
    out: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for row in read(folder, "kvk_functionarissen.csv"):
        if row["geslachtsnaam"]:
            out[row["kvk_nummer"]].add((row["voornamen"], row["geslachtsnaam"],
                                        row["geboortedatum"]))
    return out


def test_networks_scale_with_the_town_in_varied_shapes(town: tuple[Path, GroundTruth]) -> None:
    _, truth = town
    nets = truth.patterns["officer_networks"]
    assert len(nets) == round(PERSONS / 1500)
    sizes = {len(n["bsns"]) for n in nets}
    assert min(sizes) >= 2 and max(sizes) <= 15 and len(sizes) >= 4
    shapes = {s for n in nets for s in n["shape"]}
    assert {"member_home", "facilitator"} <= shapes
    for net in nets:
        assert len(net["kvks"]) >= max(4, len(net["bsns"]) + 2)
    served = [d["networks"] for d in truth.decoys["facilitator"]]
    assert served and all(2 <= len(s) <= 3 for s in served)
    assert all("facilitator" in nets[k]["shape"] for s in served for k in s)


def test_every_network_company_has_two_members_and_facilitators_one_role_each(
        town: tuple[Path, GroundTruth]) -> None:
    folder, truth = town
    officers = _roles(folder)
    for net in truth.patterns["officer_networks"]:
        for kvk in net["kvks"]:
            # Two members per company (a facilitator may be a third officer).
            assert 2 <= len(officers[kvk]) <= 2 + net["shape"].count("facilitator")


def test_lawful_company_groups_run_long_standing_companies(
        town: tuple[Path, GroundTruth]) -> None:
    folder, truth = town
    groups = truth.decoys["company_group"]
    assert len(groups) == len(truth.patterns["officer_networks"]) // 2
    founded = {r["kvk_nummer"]: r for r in read(folder, "kvk_vestigingen.csv")}
    for group in groups:
        assert len(group["kvks"]) >= 2
        for kvk in group["kvks"]:
            row = founded[kvk]
            start = date.fromisoformat(row["datum_oprichting"])
            end = date.fromisoformat(row["datum_opheffing"]) if row["datum_opheffing"] else AS_OF
            assert (end - start).days >= 3 * 365 - 30


def test_signals_carry_the_harder_address_and_name_forms(
        town: tuple[Path, GroundTruth]) -> None:
    folder, truth = town
    texts = [r["adres"] for r in read(folder, "meldingen.csv") if r["adres"]]
    assert any(t.split(",")[0].endswith(("hg", "hoog", "e")) for t in texts)
    assert any("," not in t for t in texts)  # neither postcode nor place
    forms = {v["form"] for v in truth.patterns["name_variants"] if v["variant"] == "signal_form"}
    assert forms == {"surname_first", "salutation_initials", "capitals"}
