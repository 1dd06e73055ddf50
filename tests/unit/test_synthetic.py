"""The synthetic municipality: deterministic, loadable to the last row, and carrying its patterns.

One town of 1,000 persons is generated per module and read back with the csv module only, so
these tests check the files themselves, independent of the generator's own bookkeeping.
"""

from __future__ import annotations

import csv
import itertools
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import yaml

from graph.terms import is_protected
from loaders.synthetic import GroundTruth, generate

PERSONS = 1000
SEED = 7
AS_OF = date(2026, 11, 1)
CONTRACT = {
    "bag_verblijfsobjecten.csv": (
        "nummeraanduiding_id", "verblijfsobject_id", "pand_id", "openbare_ruimte", "huisnummer",
        "huisletter", "huisnummertoevoeging", "postcode", "woonplaats", "gebruiksdoel",
        "oppervlakte", "status", "bouwjaar", "x", "y", "buurtcode", "buurtnaam", "wijkcode",
        "gemeentecode"),
    "brp_inschrijvingen.csv": (
        "bsn", "voornamen", "voorvoegsel", "geslachtsnaam", "geboortedatum", "geslacht",
        "nummeraanduiding_id", "datum_aanvang", "datum_einde", "soort_adres"),
    "kvk_vestigingen.csv": (
        "kvk_nummer", "vestigingsnummer", "handelsnaam", "rechtsvorm", "sbi_code",
        "sbi_omschrijving", "datum_oprichting", "datum_opheffing", "straat", "huisnummer",
        "huisletter", "huisnummertoevoeging", "postcode", "plaats", "nummeraanduiding_id"),
    "kvk_functionarissen.csv": (
        "kvk_nummer", "functie", "voornamen", "voorvoegsel", "geslachtsnaam", "geboortedatum",
        "functionaris_kvk_nummer", "datum_aanvang", "datum_einde"),
    "vergunningen.csv": (
        "vergunning_id", "soort", "status", "datum_besluit", "geldig_van", "geldig_tot",
        "nummeraanduiding_id", "houder_kvk_nummer", "houder_bsn", "bibob"),
    "meldingen.csv": (
        "melding_id", "bron", "categorie", "datum", "omschrijving", "nummeraanduiding_id", "adres",
        "betrokkene_naam", "betrokkene_geboortedatum", "betrokkene_kvk_nummer",
        "betrouwbaarheid"),
    "zaken.csv": (
        "zaak_id", "zaaktype", "status", "datum_start", "datum_einde", "resultaat",
        "nummeraanduiding_id", "bsn", "kvk_nummer"),
    "verbruik.csv": ("nummeraanduiding_id", "jaar", "elektriciteit_kwh", "gas_m3", "water_m3"),
    "brk_eigendom.csv": (
        "verblijfsobject_id", "eigenaar_bsn", "eigenaar_kvk_nummer", "aandeel", "datum_aanvang",
        "datum_einde", "woz_waarde"),
    "buurt_cijfers.csv": ("buurtcode", "periode", "bron", "categorie", "waarde"),
}
Rows = list[dict[str, str]]


def elfproef(bsn: str) -> bool:
    digits = [int(d) for d in bsn]
    return len(bsn) == 9 and (sum(d * w for d, w in zip(digits, range(9, 1, -1))) - digits[8]) \
        % 11 == 0


def read(folder: Path, name: str) -> Rows:
    with open(folder / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GroundTruth, list[int]]:
    folder = tmp_path_factory.mktemp("town")
    reports: list[int] = []
    truth = generate(folder, PERSONS, SEED, AS_OF, progress=reports.append)
    return folder, truth, reports


@pytest.fixture(scope="module")
def data(town: tuple[Path, GroundTruth, list[int]]) -> dict[str, Rows]:
    return {name: read(town[0], name) for name in CONTRACT}


@pytest.fixture(scope="module")
def truth(town: tuple[Path, GroundTruth, list[int]]) -> GroundTruth:
    return town[1]


def by(rows: Rows, column: str) -> dict[str, Rows]:
    out: dict[str, Rows] = defaultdict(list)
    for row in rows:
        out[row[column]].append(row)
    return out


def current(data: dict[str, Rows]) -> dict[str, list[str]]:
    """BSNs with a current (open) registration, per address key."""
    out: dict[str, list[str]] = defaultdict(list)
    for row in data["brp_inschrijvingen.csv"]:
        if not row["datum_einde"]:
            out[row["nummeraanduiding_id"]].append(row["bsn"])
    return out


def signals_at(data: dict[str, Rows], truth: GroundTruth) -> dict[str, Rows]:
    """Signals per address key, whether linked by key or typed as text (resolved by the truth)."""
    out: dict[str, Rows] = defaultdict(list)
    for number, row in enumerate(data["meldingen.csv"], start=1):
        typed = truth.mentions.get(f"meldingen.csv#{number}:address")
        key = row["nummeraanduiding_id"] or (typed[6:] if typed else "")
        out[key].append(row)
    return out


def dates(row: dict[str, str], *columns: str) -> Iterator[date]:
    for column in columns:
        if row[column]:
            yield date.fromisoformat(row[column])


# -- determinism and shape ----------------------------------------------------------------------
def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "a", PERSONS, 3)
    generate(tmp_path / "b", PERSONS, 3)
    generate(tmp_path / "c", PERSONS, 4)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(names) == 12
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert (tmp_path / "a" / "brp_inschrijvingen.csv").read_bytes() != \
        (tmp_path / "c" / "brp_inschrijvingen.csv").read_bytes()


def test_headers_are_the_contract_columns(town: tuple[Path, GroundTruth, list[int]]) -> None:
    for name, columns in CONTRACT.items():
        with open(town[0] / name, encoding="utf-8", newline="") as handle:
            assert tuple(next(csv.reader(handle, delimiter=";"))) == columns, name


def test_no_protected_column_anywhere(town: tuple[Path, GroundTruth, list[int]]) -> None:
    for name in CONTRACT:
        header = (town[0] / name).read_text(encoding="utf-8").splitlines()[0]
        assert not [column for column in header.split(";") if is_protected(column)], name


def test_bronnen_yml_covers_every_file(town: tuple[Path, GroundTruth, list[int]]) -> None:
    sources = yaml.safe_load((town[0] / "bronnen.yml").read_text(encoding="utf-8"))
    assert set(sources) == set(CONTRACT)
    assert {entry["tier"] for entry in sources.values()} <= {"open", "closed", "private"}
    assert sources["brp_inschrijvingen.csv"] == {"partner": "gemeente", "tier": "closed",
                                                 "retention": "5y"}


def test_ground_truth_round_trips(town: tuple[Path, GroundTruth, list[int]]) -> None:
    folder, truth, reports = town
    assert GroundTruth.load(folder / "ground_truth.json") == truth
    assert (truth.seed, truth.persons, truth.as_of) == (SEED, PERSONS, AS_OF)
    assert reports[-1] == PERSONS


def test_too_few_persons_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        generate(tmp_path, 100, 1)


# -- counts ---------------------------------------------------------------------------------------
def test_counts_match_the_files(data: dict[str, Rows], truth: GroundTruth) -> None:
    bag, brp = data["bag_verblijfsobjecten.csv"], data["brp_inschrijvingen.csv"]
    kvk, officers = data["kvk_vestigingen.csv"], data["kvk_functionarissen.csv"]
    permits, signals = data["vergunningen.csv"], data["meldingen.csv"]
    cases, brk = data["zaken.csv"], data["brk_eigendom.csv"]
    in_bag = {row["nummeraanduiding_id"] for row in bag}
    referenced = {row["nummeraanduiding_id"] for name in CONTRACT if name != "buurt_cijfers.csv"
                  and "nummeraanduiding_id" in CONTRACT[name] for row in data[name]}
    people = [row for row in officers if not row["functionaris_kvk_nummer"]]
    expected = {
        "bag_rows": len(bag), "addresses": len(in_bag),
        "dwellings": len({row["verblijfsobject_id"] for row in bag}),
        "buildings": len({row["pand_id"] for row in bag}),
        "neighbourhoods": len({row["buurtcode"] for row in bag}),
        "wijken": len({row["wijkcode"] for row in bag}),
        "brp_rows": len(brp), "brp_persons": len({row["bsn"] for row in brp}),
        "outside_addresses": len(referenced - in_bag - {""}),
        "companies": len({row["kvk_nummer"] for row in kvk}), "establishment_rows": len(kvk),
        "kvk_rows_without_address_key": sum(not row["nummeraanduiding_id"] for row in kvk),
        "officer_rows": len(officers), "officer_rows_person": len(people),
        "officer_rows_company": len(officers) - len(people),
        "officer_persons": len({(" ".join(f"{r['voornamen']} {r['voorvoegsel']} "
                                          f"{r['geslachtsnaam']}".lower().split()),
                                 r["geboortedatum"]) for r in people}),
        "permits": len(permits),
        "permits_held_by_company": sum(bool(row["houder_kvk_nummer"]) for row in permits),
        "permits_held_by_person": sum(bool(row["houder_bsn"]) for row in permits),
        "signals": len(signals),
        "signals_with_address_key": sum(bool(row["nummeraanduiding_id"]) for row in signals),
        "signals_with_address_text": sum(bool(row["adres"]) for row in signals),
        "signals_with_person": sum(bool(row["betrokkene_naam"]) for row in signals),
        "signals_with_company": sum(bool(row["betrokkene_kvk_nummer"]) for row in signals),
        "cases": len(cases),
        "case_address_subjects": sum(bool(row["nummeraanduiding_id"]) for row in cases),
        "case_person_subjects": sum(bool(row["bsn"]) for row in cases),
        "case_company_subjects": sum(bool(row["kvk_nummer"]) for row in cases),
        "utility_rows": len(data["verbruik.csv"]), "brk_rows": len(brk),
        "brk_rows_person_owner": sum(bool(row["eigenaar_bsn"]) for row in brk),
        "brk_rows_company_owner": sum(bool(row["eigenaar_kvk_nummer"]) for row in brk),
        "buurt_cijfers_rows": len(data["buurt_cijfers.csv"]),
    }
    assert truth.counts == expected
    assert truth.counts["brp_persons"] == PERSONS
    assert 1.9 < PERSONS / sum(1 for r in bag if "woonfunctie" in r["gebruiksdoel"]) < 2.5


# -- validity and referential integrity -----------------------------------------------------------
def test_every_bsn_passes_the_elfproef_and_resolves(data: dict[str, Rows]) -> None:
    persons = {row["bsn"] for row in data["brp_inschrijvingen.csv"]}
    assert all(elfproef(bsn) for bsn in persons)
    for name, column in (("vergunningen.csv", "houder_bsn"), ("zaken.csv", "bsn"),
                         ("brk_eigendom.csv", "eigenaar_bsn")):
        used = {row[column] for row in data[name]} - {""}
        assert used and used <= persons, name


def test_every_key_resolves(data: dict[str, Rows]) -> None:
    bag = data["bag_verblijfsobjecten.csv"]
    addresses = {row["nummeraanduiding_id"] for row in bag}
    companies = {row["kvk_nummer"] for row in data["kvk_vestigingen.csv"]}
    for name, column in (("kvk_functionarissen.csv", "kvk_nummer"),
                         ("kvk_functionarissen.csv", "functionaris_kvk_nummer"),
                         ("vergunningen.csv", "houder_kvk_nummer"),
                         ("meldingen.csv", "betrokkene_kvk_nummer"), ("zaken.csv", "kvk_nummer"),
                         ("brk_eigendom.csv", "eigenaar_kvk_nummer")):
        assert {row[column] for row in data[name]} - {""} <= companies, (name, column)
    for name in ("kvk_vestigingen.csv", "vergunningen.csv", "meldingen.csv", "zaken.csv",
                 "verbruik.csv"):
        assert {row["nummeraanduiding_id"] for row in data[name]} - {""} <= addresses, name
    outside = {row["nummeraanduiding_id"] for row in data["brp_inschrijvingen.csv"]} - addresses
    assert outside and all(re.fullmatch(r"\d{4}20\d{10}", key) and not key.startswith("0999")
                           for key in outside)
    dwellings = {row["verblijfsobject_id"] for row in bag}
    assert {row["verblijfsobject_id"] for row in data["brk_eigendom.csv"]} <= dwellings
    buurten = {row["buurtcode"] for row in bag}
    assert {row["buurtcode"] for row in data["buurt_cijfers.csv"]} == buurten
    for row in data["brk_eigendom.csv"]:
        assert bool(row["eigenaar_bsn"]) != bool(row["eigenaar_kvk_nummer"])
    for row in data["vergunningen.csv"]:
        assert bool(row["houder_bsn"]) != bool(row["houder_kvk_nummer"])


def test_bag_values_are_well_formed(data: dict[str, Rows]) -> None:
    uses = {"woonfunctie", "bijeenkomstfunctie", "celfunctie", "gezondheidszorgfunctie",
            "industriefunctie", "kantoorfunctie", "logiesfunctie", "onderwijsfunctie",
            "sportfunctie", "winkelfunctie", "overige gebruiksfunctie"}
    seen = set()
    for row in data["bag_verblijfsobjecten.csv"]:
        assert re.fullmatch(r"099920\d{10}", row["nummeraanduiding_id"])
        assert re.fullmatch(r"099901\d{10}", row["verblijfsobject_id"])
        assert re.fullmatch(r"099910\d{10}", row["pand_id"])
        assert re.fullmatch(r"[1-9]\d{3}[A-Z]{2}", row["postcode"])
        assert re.fullmatch(r"[A-Z]?", row["huisletter"])
        assert len(row["huisnummertoevoeging"]) <= 4
        assert set(row["gebruiksdoel"].split("|")) <= uses
        assert 110_000 <= int(row["x"]) <= 120_000 and 490_000 <= int(row["y"]) <= 500_000
        assert re.fullmatch(r"BU0999\d{4}", row["buurtcode"])
        assert row["buurtcode"][2:8] == row["wijkcode"][2:] and row["gemeentecode"] == "GM0999"
        assert 1850 <= int(row["bouwjaar"]) <= AS_OF.year and int(row["oppervlakte"]) > 0
        address = (row["postcode"], row["huisnummer"], row["huisletter"],
                   row["huisnummertoevoeging"])
        assert address not in seen  # postcode + number identify one address
        seen.add(address)


def test_dates_and_periods_are_valid(data: dict[str, Rows]) -> None:
    periods = {
        "brp_inschrijvingen.csv": ("datum_aanvang", "datum_einde"),
        "kvk_vestigingen.csv": ("datum_oprichting", "datum_opheffing"),
        "kvk_functionarissen.csv": ("datum_aanvang", "datum_einde"),
        "vergunningen.csv": ("geldig_van", "geldig_tot"),
        "zaken.csv": ("datum_start", "datum_einde"),
        "brk_eigendom.csv": ("datum_aanvang", "datum_einde"),
    }
    for name, (start, end) in periods.items():
        for row in data[name]:
            if row[start] and row[end]:
                assert row[end] >= row[start], (name, row)
    for row in data["brp_inschrijvingen.csv"]:
        born, begin = date.fromisoformat(row["geboortedatum"]), date.fromisoformat(
            row["datum_aanvang"])
        assert born <= begin <= AS_OF and row["geslacht"] in "MVO" and row["soort_adres"] in "WB"
    for row in data["kvk_functionarissen.csv"]:
        list(dates(row, "geboortedatum", "datum_aanvang", "datum_einde"))
        assert bool(row["functionaris_kvk_nummer"]) != bool(row["geslachtsnaam"])
    for row in data["meldingen.csv"]:
        assert date.fromisoformat(row["datum"]) <= AS_OF
        list(dates(row, "betrokkene_geboortedatum"))
    for row in data["vergunningen.csv"]:
        list(dates(row, "datum_besluit"))
    for row in data["kvk_vestigingen.csv"]:
        assert re.fullmatch(r"\d{8}", row["kvk_nummer"]) and re.fullmatch(r"\d{4}", row["sbi_code"])
        assert re.fullmatch(r"(\d{12})?", row["vestigingsnummer"])


def test_each_person_has_one_current_registration_and_no_overlap(data: dict[str, Rows]) -> None:
    for bsn, rows in by(data["brp_inschrijvingen.csv"], "bsn").items():
        rows = sorted(rows, key=lambda r: r["datum_aanvang"])
        assert sum(not row["datum_einde"] for row in rows) == 1, bsn
        for before, after in itertools.pairwise(rows):
            assert before["datum_einde"] and before["datum_einde"] <= after["datum_aanvang"]
    history = sum(len(rows) > 1 for rows in by(data["brp_inschrijvingen.csv"], "bsn").values())
    assert 0.2 < history / PERSONS < 0.45


def test_establishments_without_key_match_one_bag_address(data: dict[str, Rows],
                                                          truth: GroundTruth) -> None:
    index = {(r["postcode"], r["huisnummer"], r["huisletter"], r["huisnummertoevoeging"]):
             r for r in data["bag_verblijfsobjecten.csv"]}
    for number, row in enumerate(data["kvk_vestigingen.csv"], start=1):
        bag = index[(row["postcode"], row["huisnummer"], row["huisletter"],
                     row["huisnummertoevoeging"])]
        assert (row["straat"], row["plaats"]) == (bag["openbare_ruimte"], bag["woonplaats"])
        if row["nummeraanduiding_id"]:
            assert row["nummeraanduiding_id"] == bag["nummeraanduiding_id"]
        else:
            expected = f"adres:{bag['nummeraanduiding_id']}"
            assert truth.mentions[f"kvk_vestigingen.csv#{number}:address"] == expected


def test_mentions_point_at_real_rows(data: dict[str, Rows], truth: GroundTruth) -> None:
    persons = {row["bsn"] for row in data["brp_inschrijvingen.csv"]}
    addresses = {row["nummeraanduiding_id"] for row in data["bag_verblijfsobjecten.csv"]}
    kinds: Counter[str] = Counter()
    for record, entity in truth.mentions.items():
        name, rest = record.split("#")
        number, kind = rest.split(":")
        row = data[name][int(number) - 1]
        kinds[f"{name}:{kind}"] += 1
        if kind == "person":
            assert row.get("betrokkene_naam") or row.get("geslachtsnaam")
            assert entity is None or entity[4:] in persons
        else:
            assert entity is not None and entity[6:] in addresses
            assert row.get("adres") or not row["nummeraanduiding_id"]
    assert kinds["meldingen.csv:address"] == truth.counts["signals_with_address_text"]
    assert kinds["kvk_functionarissen.csv:person"] == truth.counts["officer_rows_person"]
    assert kinds["meldingen.csv:person"] == truth.counts["signals_with_person"]


# -- planted patterns -----------------------------------------------------------------------------
def test_every_pattern_is_planted(truth: GroundTruth) -> None:
    least = {"overcrowded": 3, "room_rental": 3, "letterbox": 3, "officer_networks": 2,
             "cannabis": 3, "hidden_residents": 5, "name_variants": 6, "multi_owner": 2}
    for name, minimum in least.items():
        assert len(truth.patterns[name]) >= minimum, name
    for name in ("student_housing", "business_centre", "large_family", "ordinary_hairdresser"):
        assert truth.decoys[name], name


def test_overcrowded_small_dwellings_with_churn(data: dict[str, Rows], truth: GroundTruth) -> None:
    bag = {row["nummeraanduiding_id"]: row for row in data["bag_verblijfsobjecten.csv"]}
    names = {row["bsn"]: row["geslachtsnaam"] for row in data["brp_inschrijvingen.csv"]}
    registered, periods = current(data), by(data["brp_inschrijvingen.csv"], "nummeraanduiding_id")
    for item in truth.patterns["overcrowded"]:
        key = item["address"]
        assert int(bag[key]["oppervlakte"]) < 60
        assert len(registered[key]) >= 8 and set(item["bsns"]) == set(registered[key])
        assert len({names[bsn] for bsn in registered[key]}) >= 6  # unrelated adults
        short = [r for r in periods[key] if r["datum_einde"] and (date.fromisoformat(
            r["datum_einde"]) - date.fromisoformat(r["datum_aanvang"])).days < 240]
        assert len(short) >= 3


def test_room_rental_without_permit_owned_by_landlord(data: dict[str, Rows],
                                                      truth: GroundTruth) -> None:
    registered = current(data)
    permits = by(data["vergunningen.csv"], "nummeraanduiding_id")
    signals = signals_at(data, truth)
    landlords = {item["owner"]: item for item in truth.patterns["multi_owner"]}
    for item in truth.patterns["room_rental"]:
        key = item["address"]
        assert 4 <= len(registered[key]) <= 7
        assert not any(p["soort"] == "omzettingsvergunning" for p in permits[key])
        assert key in landlords[item["owner"]]["addresses"]
        assert any(s["categorie"] == "illegale kamerverhuur" for s in signals[key])


def test_multi_owners_own_three_to_ten_dwellings(data: dict[str, Rows], truth: GroundTruth) -> None:
    vbo = {row["verblijfsobject_id"]: row["nummeraanduiding_id"]
           for row in data["bag_verblijfsobjecten.csv"]}
    owned: dict[str, set[str]] = defaultdict(set)
    for row in data["brk_eigendom.csv"]:
        if not row["datum_einde"]:
            owner = f"bsn:{row['eigenaar_bsn']}" if row["eigenaar_bsn"] else \
                f"kvk:{row['eigenaar_kvk_nummer']}"
            owned[owner].add(vbo[row["verblijfsobject_id"]])
    for item in truth.patterns["multi_owner"]:
        assert 3 <= len(owned[item["owner"]]) <= 10
        assert set(item["addresses"]) == owned[item["owner"]]
        assert item["room_rental_addresses"]


def test_letterboxes_hold_many_companies_and_few_residents(data: dict[str, Rows],
                                                           truth: GroundTruth) -> None:
    bag = {row["nummeraanduiding_id"]: row for row in data["bag_verblijfsobjecten.csv"]}
    companies = by(data["kvk_vestigingen.csv"], "kvk_nummer")
    registered = current(data)
    for item in truth.patterns["letterbox"]:
        key = item["address"]
        assert "woonfunctie" in bag[key]["gebruiksdoel"]
        assert 5 <= len(item["kvks"]) <= 20 and len(registered[key]) <= 1
        for kvk in item["kvks"]:
            row = companies[kvk][0]
            address = (row["postcode"], row["huisnummer"], row["huisletter"],
                       row["huisnummertoevoeging"])
            assert address == (bag[key]["postcode"], bag[key]["huisnummer"],
                               bag[key]["huisletter"], bag[key]["huisnummertoevoeging"])


def test_officer_networks_share_short_lived_risk_companies(data: dict[str, Rows],
                                                           truth: GroundTruth) -> None:
    brp = {row["bsn"]: row for row in data["brp_inschrijvingen.csv"]}
    companies = {row["kvk_nummer"]: row for row in data["kvk_vestigingen.csv"]}
    officers = by(data["kvk_functionarissen.csv"], "kvk_nummer")
    for item in truth.patterns["officer_networks"]:
        assert 3 <= len(item["bsns"]) <= 6 and len(item["kvks"]) >= 5 and item["addresses"]
        roles: Counter[str] = Counter()
        for kvk in item["kvks"]:
            company = companies[kvk]
            assert company["sbi_code"] in {"9602", "4520", "8122", "5610"}
            end = company["datum_opheffing"] or AS_OF.isoformat()
            founded = date.fromisoformat(company["datum_oprichting"])
            assert (date.fromisoformat(end) - founded).days < 365
            assert company["nummeraanduiding_id"] in item["addresses"] or \
                not company["nummeraanduiding_id"]
            births = {row["geboortedatum"] for row in officers[kvk]}
            roles.update(bsn for bsn in item["bsns"] if brp[bsn]["geboortedatum"] in births)
        assert sum(count >= 2 for count in roles.values()) >= 2


def test_cannabis_dwellings_use_several_times_the_normal_electricity(
        data: dict[str, Rows], truth: GroundTruth) -> None:
    use = [int(row["elektriciteit_kwh"]) for row in data["verbruik.csv"]]
    typical = statistics.median(use)
    readings = by(data["verbruik.csv"], "nummeraanduiding_id")
    for item in truth.patterns["cannabis"]:
        peak = max(int(row["elektriciteit_kwh"]) for row in readings[item["address"]])
        assert peak >= 25_000 and peak >= 3 * typical


def test_hidden_residents_appear_but_are_not_registered(data: dict[str, Rows],
                                                        truth: GroundTruth) -> None:
    periods = by(data["brp_inschrijvingen.csv"], "bsn")
    vbo = {row["verblijfsobject_id"]: row["nummeraanduiding_id"]
           for row in data["bag_verblijfsobjecten.csv"]}
    establishment = {row["kvk_nummer"]: row for row in data["kvk_vestigingen.csv"]}
    for item in truth.patterns["hidden_residents"]:
        bsn, key = item["bsn"], item["address"]
        assert key not in {row["nummeraanduiding_id"] for row in periods[bsn]}
        birth = periods[bsn][0]["geboortedatum"]
        assert item["evidence"]
        for record in item["evidence"]:
            name, rest = record.split("#")
            row = data[name][int(rest.split(":")[0]) - 1]
            assert truth.mentions.get(record, f"bsn:{bsn}") == f"bsn:{bsn}"
            if name == "meldingen.csv":
                assert row["betrokkene_geboortedatum"] == birth
                assert row["nummeraanduiding_id"] == key or \
                    truth.mentions[record.replace(":person", ":address")] == f"adres:{key}"
            elif name == "kvk_functionarissen.csv":
                company = establishment[row["kvk_nummer"]]
                assert row["geboortedatum"] == birth
                assert company["nummeraanduiding_id"] in (key, "")
            else:
                assert row["eigenaar_bsn"] == bsn and vbo[row["verblijfsobject_id"]] == key


def test_name_variants_differ_from_the_brp(data: dict[str, Rows], truth: GroundTruth) -> None:
    brp = {row["bsn"]: row for row in data["brp_inschrijvingen.csv"]}
    files = set()
    for item in truth.patterns["name_variants"]:
        name, rest = item["record"].split("#")
        files.add(name)
        row = data[name][int(rest.split(":")[0]) - 1]
        person = brp[item["bsn"]]
        exact = " ".join(f"{person['voornamen']} {person['voorvoegsel']} "
                         f"{person['geslachtsnaam']}".split())
        if name == "meldingen.csv":
            written, born = row["betrokkene_naam"], row["betrokkene_geboortedatum"]
        else:
            written = " ".join(f"{row['voornamen']} {row['voorvoegsel']} "
                               f"{row['geslachtsnaam']}".split())
            born = row["geboortedatum"]
        assert (written, born) != (exact, person["geboortedatum"]), item
        assert truth.mentions[item["record"]] == f"bsn:{item['bsn']}"
    assert files == {"meldingen.csv", "kvk_functionarissen.csv"}


# -- decoys ----------------------------------------------------------------------------------------
def test_decoys_look_alike_but_are_lawful(data: dict[str, Rows], truth: GroundTruth) -> None:
    bag = {row["nummeraanduiding_id"]: row for row in data["bag_verblijfsobjecten.csv"]}
    registered = current(data)
    permits = {row["vergunning_id"]: row for row in data["vergunningen.csv"]}
    companies = {row["kvk_nummer"]: row for row in data["kvk_vestigingen.csv"]}
    names = {row["bsn"]: row["geslachtsnaam"] for row in data["brp_inschrijvingen.csv"]}
    for item in truth.decoys["student_housing"]:
        assert len(registered[item["address"]]) >= 6
        permit = permits[item["permit"]]
        assert (permit["soort"], permit["status"]) == ("omzettingsvergunning", "verleend")
        assert permit["nummeraanduiding_id"] == item["address"]
    for item in truth.decoys["business_centre"]:
        assert bag[item["address"]]["gebruiksdoel"] == "kantoorfunctie"
        assert len(item["kvks"]) >= 8 and not registered[item["address"]]
        assert all(companies[kvk]["sbi_code"] not in {"9602", "4520", "8122", "5610"}
                   for kvk in item["kvks"])
    for item in truth.decoys["large_family"]:
        residents = registered[item["address"]]
        assert 8 <= len(residents) <= 10 and int(bag[item["address"]]["oppervlakte"]) >= 150
        assert len({names[bsn] for bsn in residents}) <= 2
    for item in truth.decoys["ordinary_hairdresser"]:
        company = companies[item["kvk"]]
        assert company["sbi_code"] == "9602" and not company["datum_opheffing"]
        founded = date.fromisoformat(company["datum_oprichting"])
        assert (AS_OF - founded).days >= 15 * 365
