"""Indicators against a real Neo4j: a generated 2k-person municipality (planted patterns and
decoys, analysed once for the module), then a hand-made street whose every flag is known.

The generated-town tests come first: the hand-made test empties the database (`graph` fixture).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from graph import schema
from graph.db import Graph
from investigations.analysis import RunReport, analyze
from investigations.indicators import BY_NAME, INDICATORS, engine
from loaders.load import load
from loaders.synthetic import GroundTruth, elfproef, generate
from tests.town import write_town

AS_OF = date(2026, 11, 1)
Flags = dict[str, dict[str, float]]  # subject key -> flag name -> strength


@pytest.fixture(scope="module")
def analysed(session_graph: Graph, tmp_path_factory: pytest.TempPathFactory,
             ) -> Iterator[tuple[GroundTruth, RunReport]]:
    """A generated town (seed 31, not the benchmark's), loaded and analysed once."""
    folder = tmp_path_factory.mktemp("town2k")
    truth = generate(folder, persons=2000, seed=31)
    session_graph.autocommit("admin/wipe")
    schema.install(session_graph)
    assert load(session_graph, folder, folder / "reports").ok
    yield truth, analyze(session_graph, truth.as_of)


def indicator_flags(graph: Graph, run_id: str) -> list[dict[str, Any]]:
    """The run's flags written by indicators (network and link steps write others)."""
    return [r for r in graph.read("indicators/run_flags", runId=run_id) if r["name"] in BY_NAME]


def flags_of(graph: Graph, run_id: str) -> Flags:
    found: Flags = defaultdict(dict)
    for row in indicator_flags(graph, run_id):
        found[row["subject"]][row["name"]] = row["strength"]
    return found


def test_every_flag_keeps_the_evidence_contract(session_graph: Graph, analysed) -> None:  # type: ignore[no-untyped-def]
    _, report = analysed
    rows = indicator_flags(session_graph, report.run_id)
    files = engine.loaded_files(session_graph)
    assert report.steps["indicators"] == {
        i.name: sum(r["name"] == i.name for r in rows) for i in INDICATORS}
    for row in rows:
        indicator = BY_NAME[row["name"]]
        assert row["label"] in indicator.subjects
        assert row["key"] == f"{report.run_id}|{row['name']}|{row['subject']}"
        assert 0.0 < row["strength"] <= 1.0
        assert row["reason"] and "?" not in row["reason"], row
        evidence = json.loads(row["evidence"])
        assert evidence["indicator"] == row["name"]
        assert set(evidence["facts"]) == set(indicator.evidence)
        assert evidence["thresholds"] == json.loads(json.dumps(indicator.params()))
        # The files the evidence quotes, by the sources the indicator reads (masking needs them).
        assert row["sources"] == sorted(f for s in indicator.stems() for f in files.get(s, []))
    # One flag per indicator and subject.
    assert len({r["key"] for r in rows}) == len(rows)


def test_planted_patterns_raise_their_indicators(session_graph: Graph, analysed) -> None:  # type: ignore[no-untyped-def]
    truth, report = analysed
    flags = flags_of(session_graph, report.run_id)
    patterns = truth.patterns

    def at(item: dict[str, str]) -> dict[str, float]:
        return flags.get(f"adres:{item['address']}", {})

    for item in patterns["overcrowded"]:
        assert {"overbewoning", "veel_volwassenen", "verloop"} <= set(at(item)), item["address"]
    for item in patterns["room_rental"]:
        assert "veel_volwassenen" in at(item), item["address"]
    for item in patterns["letterbox"]:
        assert "bedrijven_op_woonadres" in at(item), item["address"]
    for item in patterns["cannabis"]:
        assert at(item).get("energie_afwijkend", 0) >= 0.8, item["address"]
    # Every network has members flagged as serial officers, and its addresses are flagged.
    for net in patterns["officer_networks"]:
        assert any("seriele_bestuurder" in flags.get(f"bsn:{b}", {}) for b in net["bsns"])
        assert any("bedrijf_seriele_bestuurder" in flags.get(f"adres:{a}", {})
                   for a in net["addresses"])
    # Hidden residents: most are named in a signal or own a business where they really live.
    hidden = patterns["hidden_residents"]
    found = [h for h in hidden if {"melding_niet_ingeschrevene", "eenmanszaak_zonder_inschrijving"}
             & set(at(h))]
    assert len(found) >= len(hidden) / 2
    landlords = [item["owner"] for item in patterns["multi_owner"]]
    assert any("eigenaar_woningen_met_meldingen" in flags.get(o, {}) for o in landlords)


def test_decoys_raise_no_occupancy_or_company_flags(session_graph: Graph, analysed) -> None:  # type: ignore[no-untyped-def]
    truth, report = analysed
    flags = flags_of(session_graph, report.run_id)
    crowding = {"overbewoning", "veel_volwassenen", "verloop", "kort_verblijf"}
    for name in ("student_housing", "large_family"):
        for item in truth.decoys[name]:
            assert not crowding & set(flags.get(f"adres:{item['address']}", {})), item
    for item in truth.decoys["business_centre"]:
        assert "veel_bedrijven_op_adres" not in flags.get(f"adres:{item['address']}", {})
    for item in truth.decoys["ordinary_hairdresser"]:
        # A risk branch, but in business for years: the weak form only.
        assert flags.get(f"kvk:{item['kvk']}", {}).get("risicobranche") == 0.4


# --- a hand-made street: every flag known in advance -------------------------------------

BAG_HEADER = ["nummeraanduiding_id", "verblijfsobject_id", "pand_id", "openbare_ruimte",
              "huisnummer", "huisletter", "huisnummertoevoeging", "postcode", "woonplaats",
              "gebruiksdoel", "oppervlakte", "status", "bouwjaar", "x", "y", "buurtcode",
              "buurtnaam", "wijkcode", "gemeentecode"]
BRP_HEADER = ["bsn", "voornamen", "voorvoegsel", "geslachtsnaam", "geboortedatum", "geslacht",
              "nummeraanduiding_id", "datum_aanvang", "datum_einde", "soort_adres"]
KVK_HEADER = ["kvk_nummer", "vestigingsnummer", "handelsnaam", "rechtsvorm", "sbi_code",
              "sbi_omschrijving", "datum_oprichting", "datum_opheffing", "straat", "huisnummer",
              "huisletter", "huisnummertoevoeging", "postcode", "plaats", "nummeraanduiding_id"]
PERMIT_HEADER = ["vergunning_id", "soort", "status", "datum_besluit", "geldig_van", "geldig_tot",
                 "nummeraanduiding_id", "houder_kvk_nummer", "houder_bsn", "bibob"]
# number -> (street, use, m²): the situation each address stands for.
STREET = {
    1: ("Kamerstraat", "woonfunctie", 100),  # four unrelated adults, no permit
    2: ("Kamerstraat", "woonfunctie", 100),  # the same, with an omzettingsvergunning (lapsed date)
    3: ("Gezinslaan", "woonfunctie", 220),  # a family of ten
    4: ("Flatweg", "woonfunctie", 40),  # five unrelated adults in 40 m²
    5: ("Kantoorplein", "kantoorfunctie", 2000),  # a business centre with six companies
    6: ("Winkelstraat", "winkelfunctie", 120),  # a shop with six companies
    7: ("Grensweg", "woonfunctie", 36),  # three persons in 36 m²: exactly the norm
}


def key(n: int) -> str:
    return f"04792000000001{n:02d}"


def bsn_numbers(count: int) -> Iterator[str]:
    number = 200_000_000
    while count:
        number += 1
        if elfproef(f"{number:09d}"):
            count -= 1
            yield f"{number:09d}"


def street_town(folder: Path) -> Path:
    bag = [BAG_HEADER] + [
        [key(n), f"04790100000001{n:02d}", f"04791000000001{n:02d}", street, str(n), "", "",
         "1501AB", "Zaandam", use, str(area), "Verblijfsobject in gebruik", "1990",
         str(115000 + n), "495000", "BU04790101", "Centrum", "WK047901", "GM0479"]
        for n, (street, use, area) in STREET.items()]
    numbers = bsn_numbers(40)
    brp = [BRP_HEADER]

    def person(address: int, surname: str, born: str, since: str = "2025-01-01") -> None:
        brp.append([next(numbers), "Sam", "", surname, born, "O", key(address), since, "", "W"])

    for n in (1, 2):
        for surname in ("Jansen", "de Vries", "Bakker", "Visser"):
            person(n, surname, "1996-05-01")
    person(3, "Smit", "1980-02-02", "2015-01-01")
    person(3, "Mulder", "1982-03-03", "2015-01-01")
    for k in range(8):  # the eldest child is an adult
        person(3, "Smit", f"{2007 + 2 * k}-06-01", "2015-01-01")
    for surname in ("Peters", "Hendriks", "Dekker", "Brouwer", "Vos"):
        person(4, surname, "1999-09-09")
    for surname, born in (("Kok", "1990-01-01"), ("Kok", "1991-01-01"), ("Kok", "2020-01-01")):
        person(7, surname, born)
    kvk = [KVK_HEADER]
    for n, sbi, what in ((5, "6201", "Software"), (6, "7022", "Advies")):
        street, _, _ = STREET[n]
        for j in range(6):
            kvk.append([f"3{n}00000{j}", "", f"{what} {n}-{j}", "BV", sbi, what, "2021-01-01",
                        "", street, str(n), "", "", "1501AB", "Zaandam", key(n)])
    permits = [PERMIT_HEADER, ["P-2", "omzettingsvergunning", "verleend", "2015-03-01",
                               "2015-03-01", "2020-03-01", key(2), "", "", "geen"]]
    return write_town(folder, {"bag_verblijfsobjecten": bag, "brp_inschrijvingen": brp,
                               "kvk_vestigingen": kvk, "vergunningen": permits})


def test_licensed_and_explained_situations_are_left_alone(graph: Graph, tmp_path: Path) -> None:
    schema.install(graph)
    assert load(graph, street_town(tmp_path / "street"), tmp_path / "reports").ok
    report = analyze(graph, AS_OF)
    flags = flags_of(graph, report.run_id)
    assert {k: set(v) for k, v in flags.items()} == {
        f"adres:{key(1)}": {"veel_volwassenen"},
        f"adres:{key(4)}": {"overbewoning", "veel_volwassenen"},
        f"adres:{key(6)}": {"veel_bedrijven_op_adres"},
    }
    # 8 m² per person: halfway between the norm (12) and full strength (4).
    assert flags[f"adres:{key(4)}"]["overbewoning"] == 0.5
    # Four family names: one more than the threshold of three, a third of full strength.
    assert flags[f"adres:{key(1)}"]["veel_volwassenen"] == round(2 / 6, 4)
