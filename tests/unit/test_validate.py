"""The validation engine over the declared mappings, and the reject file."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from graph.terms import is_protected
from loaders.mappings import LOAD_ORDER, MAPPINGS
from loaders.read import SourceError, open_source
from loaders.rejects import RejectWriter
from loaders.validate import FileReport, Reject, Row, validate_file

BAG_HEADER = (
    "nummeraanduiding_id;verblijfsobject_id;pand_id;openbare_ruimte;huisnummer;huisletter;"
    "huisnummertoevoeging;postcode;woonplaats;gebruiksdoel;oppervlakte;status;bouwjaar;x;y;"
    "buurtcode;buurtnaam;wijkcode;gemeentecode"
)
BAG_ROW = (
    "0479200000000001;0479010000000001;0479100000000001;Kerkstraat;12;a;2;1501 ab;Zaandam;"
    "woonfunctie|winkelfunctie;85;Verblijfsobject in gebruik;1931;115000,5;495000;"
    "BU04790101;Centrum;WK047901;GM0479"
)
BRP_HEADER = (
    "bsn;voornamen;voorvoegsel;geslachtsnaam;geboortedatum;geslacht;nummeraanduiding_id;"
    "datum_aanvang;datum_einde;soort_adres"
)


def run(tmp_path: Path, name: str, content: str) -> tuple[list[Row | Reject], FileReport]:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    source = open_source(path)
    report = FileReport(source.name, path.stem)
    results = list(validate_file(source, MAPPINGS[path.stem], report))
    return results, report


def only_row(results: list[Row | Reject]) -> Row:
    (row,) = results
    assert isinstance(row, Row), row
    return row


def test_mappings_are_complete() -> None:
    assert set(LOAD_ORDER) == set(MAPPINGS)
    assert LOAD_ORDER[0] == "bag_verblijfsobjecten"
    for mapping in MAPPINGS.values():
        assert not [name for name in mapping.column_names if is_protected(name)]
        assert set(mapping.row_key) <= set(mapping.column_names)


@pytest.mark.parametrize("name", [
    "nationaliteit", "Nationaliteiten", "geboorteland", "herkomst", "etniciteit", "religie",
    "geloof", "land_van_herkomst", "Land van herkomst", "nationality", "country_of_birth",
    "ethnicity", "religion", "betrokkene_nationaliteit",
])
def test_protected_names(name: str) -> None:
    assert is_protected(name)


def test_bag_row(tmp_path: Path) -> None:
    results, report = run(tmp_path, "bag_verblijfsobjecten.csv", f"{BAG_HEADER}\n{BAG_ROW}\n")
    row = only_row(results)
    assert row.record == 1
    assert row.key == "0479200000000001"
    values = row.values
    assert values["postcode"] == "1501AB"
    assert values["houseNumber"] == 12
    assert values["houseLetter"] == "A"
    assert values["houseNumberAddition"] == "2"
    assert values["uses"] == ["winkelfunctie", "woonfunctie"]
    assert values["floorArea"] == 85
    assert values["buildYear"] == 1931
    assert values["x"] == 115000.5
    assert values["buurtName"] == "Centrum"
    assert values["addressKey"] == "1501AB|12|A|2"
    assert 52.0 < values["lat"] < 53.0 and 4.0 < values["lon"] < 5.5
    assert (report.read, report.valid, report.rejected) == (1, 1, 0)
    assert report.missing_columns == []


def test_bad_values_become_one_reject_with_every_problem(tmp_path: Path) -> None:
    bad = BAG_ROW.replace("1501 ab", "0150 AB").replace("0479200000000001", "0479010000000001")
    bad = bad.replace(";1931;", ";negentien;")
    content = f"{BAG_HEADER}\n{BAG_ROW}\n{bad}\n"
    results, report = run(tmp_path, "bag_verblijfsobjecten.csv", content)
    assert isinstance(results[0], Row)
    reject = results[1]
    assert isinstance(reject, Reject)
    assert (reject.file, reject.row) == ("bag_verblijfsobjecten.csv", 2)
    fields = [problem.field for problem in reject.problems]
    assert fields == ["nummeraanduiding_id", "postcode", "bouwjaar"]
    assert reject.value == "0479010000000001"
    assert "object type 20" in reject.reason
    assert (report.read, report.valid, report.rejected) == (2, 1, 1)


def test_protected_and_unknown_columns(tmp_path: Path) -> None:
    header = BRP_HEADER + ";nationaliteit;opmerking;Land van herkomst"
    line = "111222333;Jan;van der;Berg;1980-05-01;m;0479200000000001;2020-01-01;;W;NL;x;NL"
    results, report = run(tmp_path, "brp_inschrijvingen.csv", f"{header}\n{line}\n")
    row = only_row(results)
    assert report.dropped_protected == ["nationaliteit", "land van herkomst"]
    assert report.unknown_columns == ["opmerking"]
    assert "NL" not in row.values.values()
    assert row.values["gender"] == "M"
    assert row.values["prefix"] == "van der"
    assert row.values["end"] is None  # empty is unknown, never zero
    assert row.values["start"] == dt.date(2020, 1, 1)
    assert row.key == "111222333|0479200000000001|2020-01-01"


def test_brp_bad_values(tmp_path: Path) -> None:
    lines = [
        BRP_HEADER,
        "123456789;Jan;;Berg;1980-05-01;M;0479200000000001;2020-01-01;;W",  # elfproef
        "111222333;Jan;;Berg;31-02-2024;M;0479200000000001;2020-01-01;;W",  # not ISO
        "111222333;Jan;;Berg;1980-05-01;M;04792000000001;2020-01-01;;W",  # malformed key
        "111222333;Jan;;Berg;1980-05-01;M;0479200000000001;2020-01-01;2019-12-31;W",  # end<start
        "111222333;Jan;;;1980-05-01;X;0479200000000001;2021-01-01;;W",  # empty + bad enum
    ]
    results, report = run(tmp_path, "brp_inschrijvingen.csv", "\n".join(lines) + "\n")
    assert all(isinstance(result, Reject) for result in results)
    rejects = [r for r in results if isinstance(r, Reject)]
    assert [(r.row, r.field) for r in rejects] == [
        (1, "bsn"), (2, "geboortedatum"), (3, "nummeraanduiding_id"), (4, "datum_einde"),
        (5, "geslachtsnaam"),
    ]
    assert "elfproef" in rejects[0].reason
    assert rejects[1].value == "31-02-2024"
    assert "before" in rejects[3].reason
    assert [p.field for p in rejects[4].problems] == ["geslachtsnaam", "geslacht"]
    assert report.rejected == 5


def test_missing_required_column_is_a_file_error(tmp_path: Path) -> None:
    header = BRP_HEADER.replace("bsn;", "").replace(";geslacht;", ";")
    with pytest.raises(SourceError) as caught:
        run(tmp_path, "brp_inschrijvingen.csv", f"{header}\n")
    assert caught.value.file == "brp_inschrijvingen.csv"
    assert "bsn" in caught.value.reason and "geslacht" in caught.value.reason


def test_missing_optional_column_is_reported(tmp_path: Path) -> None:
    content = "nummeraanduiding_id,jaar,gas_m3\n0479200000000001,2024,\"1234,5\"\n"
    results, report = run(tmp_path, "verbruik.csv", content)
    row = only_row(results)
    assert row.values == {"nummeraanduidingId": "0479200000000001", "year": 2024, "gasM3": 1234.5}
    assert report.missing_columns == ["elektriciteit_kwh", "water_m3"]


def test_structural_and_empty_records(tmp_path: Path) -> None:
    content = "nummeraanduiding_id;jaar\n0479200000000001\n;\n0479200000000001;2024;9\n"
    results, report = run(tmp_path, "verbruik.csv", content)
    rejects = [r for r in results if isinstance(r, Reject)]
    assert [(r.row, r.field) for r in rejects] == [(1, "*"), (2, "*"), (3, "*")]
    assert rejects[1].reason == "empty record"
    assert report.rejected == 3


def test_duplicate_row_key(tmp_path: Path) -> None:
    content = "nummeraanduiding_id;jaar\n0479200000000001;2024\n0479200000000001;2023\n" \
        "0479200000000001;2024\n"
    results, _ = run(tmp_path, "verbruik.csv", content)
    assert [type(r).__name__ for r in results] == ["Row", "Row", "Reject"]
    assert isinstance(results[2], Reject) and "duplicate" in results[2].reason


def test_functionaris_needs_company_or_name_and_birth_date(tmp_path: Path) -> None:
    header = "kvk_nummer;functie;voornamen;geslachtsnaam;geboortedatum;functionaris_kvk_nummer;" \
        "datum_aanvang"
    lines = [
        header,
        "12345678;Bestuurder;Jan;Berg;1970-01-01;;2020-01-01",
        "12345678;aandeelhouder;;;;87654321;2020-01-01",
        "12345678;eigenaar;Jan;Berg;;;2020-01-01",
        "12345678;eigenaar;;;;;2020-01-01",
    ]
    results, _ = run(tmp_path, "kvk_functionarissen.csv", "\n".join(lines) + "\n")
    assert isinstance(results[0], Row) and results[0].values["role"] == "bestuurder"
    assert results[0].key == "1"
    assert isinstance(results[1], Row) and results[1].key == "2"
    assert isinstance(results[2], Reject) and results[2].field == "geboortedatum"
    assert isinstance(results[3], Reject)
    assert [p.field for p in results[3].problems] == ["geslachtsnaam", "geboortedatum"]


def test_brk_exactly_one_owner(tmp_path: Path) -> None:
    lines = [
        "verblijfsobject_id,eigenaar_bsn,eigenaar_kvk_nummer,aandeel,datum_aanvang,woz_waarde",
        "0479010000000001,111222333,,1/2,2019-03-01,350000",
        "0479010000000001,111222333,12345678,,2019-03-01,",
        "0479010000000001,,,,2019-03-01,",
    ]
    results, _ = run(tmp_path, "brk_eigendom.csv", "\n".join(lines) + "\n")
    row = results[0]
    assert isinstance(row, Row)
    assert row.values["share"] == "1/2" and row.values["shareFraction"] == 0.5
    assert row.values["wozValue"] == 350000
    assert row.key == "0479010000000001|111222333||2019-03-01"
    assert isinstance(results[1], Reject) and "both" in results[1].reason
    assert isinstance(results[2], Reject) and results[2].field == "eigenaar_bsn"


def test_meldingen_keep_description_verbatim(tmp_path: Path) -> None:
    content = (
        "melding_id;bron;categorie;datum;omschrijving;adres;betrouwbaarheid\n"
        'M1;KCC;Illegale kamerverhuur;2026-03-02;"  =cmd|x\nveel  mensen ";Kerkstraat 12-2;HOOG\n'
    )
    row = only_row(run(tmp_path, "meldingen.csv", content)[0])
    assert row.values["description"] == "  =cmd|x\nveel  mensen "
    assert row.values["category"] == "illegale kamerverhuur"
    assert row.values["reliability"] == "hoog"
    assert row.values["addressText"] == "Kerkstraat 12-2"
    assert row.key == "M1"


def test_xlsx_source_validates_like_csv(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["buurtcode", "periode", "bron", "categorie", "waarde"])
    sheet.append(["BU04790101", "2026-W14", "politie", "woninginbraak", 3])
    sheet.append(["BU04790101", "2026", "gemeente", "gemiddelde WOZ-waarde", 312000.5])
    path = tmp_path / "buurt_cijfers.xlsx"
    book.save(path)
    results = list(validate_file(open_source(path), MAPPINGS["buurt_cijfers"]))
    assert [r.values["value"] for r in results if isinstance(r, Row)] == [3.0, 312000.5]
    assert isinstance(results[0], Row)
    assert results[0].key == "BU04790101|2026-W14|politie|woninginbraak"


def test_reject_writer(tmp_path: Path) -> None:
    lines = [
        "melding_id;bron;categorie;datum",
        "M1;KCC;hennep;2026-02-31",
        "M2;KCC;=HYPERLINK(1);2026-01-01",
        "M3;KCC;drugs;2026-01-01",
    ]
    results, _ = run(tmp_path, "meldingen.csv", "\n".join(lines) + "\n")
    path = tmp_path / "out" / "rejects.csv"
    with RejectWriter(path) as writer:
        for result in results:
            if isinstance(result, Reject):
                writer.write(result)
        writer.add("zaken.csv", "*", "*", "", "missing required column: zaak_id")
    assert writer.counts == {"meldingen.csv": 2}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["file", "row", "field", "value", "reason"]
    assert rows[1][:4] == ["meldingen.csv", "1", "datum", "2026-02-31"]
    assert "February 2026 has no day 31" in rows[1][4]
    assert rows[2][:4] == ["meldingen.csv", "2", "categorie", "'=HYPERLINK(1)"]
    assert rows[3][0] == "zaken.csv"
