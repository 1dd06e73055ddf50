"""Reading source files: encodings, separators, record numbering, xlsx and bronnen.yml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from loaders.read import SourceError, SourceFile, find_source_files, open_source
from loaders.sources import DEFAULT, read_sources, source_info


def write(tmp_path: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def records(source: SourceFile) -> list[tuple[int, dict[str, str], str | None]]:
    return list(source)


def test_utf8_semicolon(tmp_path: Path) -> None:
    path = write(tmp_path, "meldingen.csv", "Melding_ID ; Bron\nM1;KCC\nM2;politie\n")
    source = open_source(path)
    assert source.name == "meldingen.csv"
    assert source.header == ["melding_id", "bron"]
    assert source.encoding == "utf-8"
    assert source.separator == ";"
    assert records(source) == [
        (1, {"melding_id": "M1", "bron": "KCC"}, None),
        (2, {"melding_id": "M2", "bron": "politie"}, None),
    ]


def test_utf8_bom_comma(tmp_path: Path) -> None:
    content = "\ufeffwoonplaats,straat\nZaandam,Één weg\n"
    source = open_source(write(tmp_path, "x.csv", content))
    assert source.encoding == "utf-8-sig"
    assert source.separator == ","
    assert source.header == ["woonplaats", "straat"]
    assert records(source) == [(1, {"woonplaats": "Zaandam", "straat": "Één weg"}, None)]


def test_cp1252_as_excel_writes_it(tmp_path: Path) -> None:
    content = "naam;plaats\r\nRené;Coöperatie € 5\r\n".encode("cp1252")
    source = open_source(write(tmp_path, "x.csv", content))
    assert source.encoding == "cp1252"
    assert records(source) == [(1, {"naam": "René", "plaats": "Coöperatie € 5"}, None)]


def test_cp1252_byte_only_at_end_of_large_file(tmp_path: Path) -> None:
    # The whole file is checked, not a sample: the only non-UTF-8 byte is past the first chunk.
    lines = ["a;b"] + [f"{i};x" for i in range(200_000)] + ["z;é"]
    source = open_source(write(tmp_path, "x.csv", "\n".join(lines) + "\n", "cp1252"))
    assert source.encoding == "cp1252"
    last = records(source)[-1]
    assert last == (200_001, {"a": "z", "b": "é"}, None)


def test_separator_ignores_quoted_commas(tmp_path: Path) -> None:
    source = open_source(write(tmp_path, "x.csv", '"naam, voluit";plaats\n"Jansen, J.";Zaandam\n'))
    assert source.separator == ";"
    assert records(source) == [(1, {"naam, voluit": "Jansen, J.", "plaats": "Zaandam"}, None)]


def test_tab_separated_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        open_source(write(tmp_path, "meldingen.csv", "melding_id\tbron\nM1\tKCC\n"))
    assert caught.value.file == "meldingen.csv"
    assert caught.value.reason == "tab-separated file: use ';' or ','"
    assert str(caught.value) == "meldingen.csv: tab-separated file: use ';' or ','"


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_empty_file_is_refused(tmp_path: Path, content: str) -> None:
    with pytest.raises(SourceError, match="empty"):
        open_source(write(tmp_path, "x.csv", content))


def test_duplicate_column_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="twice"):
        open_source(write(tmp_path, "x.csv", "a;A\n1;2\n"))


def test_header_with_unclosed_quote_is_refused(tmp_path: Path) -> None:
    content = 'a;"b\n' + "1;2\n" * 30_000
    with pytest.raises(SourceError, match="unclosed quote"):
        open_source(write(tmp_path, "x.csv", content))


def test_unsupported_suffix(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="unsupported"):
        open_source(write(tmp_path, "x.txt", "a;b\n"))


def test_truncated_and_overlong_records(tmp_path: Path) -> None:
    source = open_source(write(tmp_path, "x.csv", "a;b;c\n1;2;3\n4;5\n6;7;8;9\n10;11;12\n"))
    got = records(source)
    assert got[0] == (1, {"a": "1", "b": "2", "c": "3"}, None)
    number, values, problem = got[1]
    assert (number, values) == (2, {"a": "4", "b": "5"})
    assert problem is not None and "2 fields" in problem and "truncated" in problem
    number, values, problem = got[2]
    assert (number, values) == (3, {"a": "6", "b": "7", "c": "8"})
    assert problem is not None and "4 fields" in problem
    assert got[3] == (4, {"a": "10", "b": "11", "c": "12"}, None)


def test_trailing_empty_fields_are_not_a_problem(tmp_path: Path) -> None:
    got = records(open_source(write(tmp_path, "x.csv", "a;b\n1;2;;\n3;4; x\n")))
    assert got[0] == (1, {"a": "1", "b": "2"}, None)
    assert got[1][2] is not None and "3 fields" in got[1][2]


def test_quoted_newline_counts_records_not_lines(tmp_path: Path) -> None:
    content = 'id;omschrijving\n1;"regel een\nregel twee\n\nregel vier"\n\n2;kort\n'
    got = records(open_source(write(tmp_path, "x.csv", content)))
    assert got == [
        (1, {"id": "1", "omschrijving": "regel een\nregel twee\n\nregel vier"}, None),
        (2, {"id": "2", "omschrijving": "kort"}, None),
    ]


def test_blank_lines_are_skipped_and_not_counted(tmp_path: Path) -> None:
    got = records(open_source(write(tmp_path, "x.csv", "\n\na;b\r\n\r\n1;2\r\n   \r\n3;4\r\n")))
    assert [(number, values) for number, values, _ in got] == [
        (1, {"a": "1", "b": "2"}),
        (2, {"a": "3", "b": "4"}),
    ]


def test_unclosed_quote_is_a_problem(tmp_path: Path) -> None:
    got = records(open_source(write(tmp_path, "x.csv", 'a;b\n1;2\n3;"open\n4;5\n')))
    assert got[0] == (1, {"a": "1", "b": "2"}, None)
    assert got[1][0] == 2
    assert got[1][2] is not None and "malformed" in got[1][2]


def test_iterating_twice_streams_again(tmp_path: Path) -> None:
    source = open_source(write(tmp_path, "x.csv", "a\n1\n2\n"))
    assert records(source) == records(source)


def test_xlsx_round_trip(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([" Nummeraanduiding_ID", "Datum", "Huisnummer", "Oppervlakte", "Leeg"])
    sheet.append(["0479200000000001", dt.datetime(2024, 2, 29), 12, 85.0, None])
    sheet.append([None, None, None, None, None])  # an empty row is skipped
    sheet.append(["0479200000000002", dt.date(2023, 1, 5), 3.5, "tekst", None])
    sheet.append(["0479200000000003"])
    book.create_sheet("second").append(["ignored"])
    path = tmp_path / "bag_verblijfsobjecten.xlsx"
    book.save(path)

    source = open_source(path)
    assert source.name == "bag_verblijfsobjecten.xlsx"
    assert source.header == ["nummeraanduiding_id", "datum", "huisnummer", "oppervlakte", "leeg"]
    got = records(source)
    assert got[0] == (1, {
        "nummeraanduiding_id": "0479200000000001", "datum": "2024-02-29", "huisnummer": "12",
        "oppervlakte": "85", "leeg": "",
    }, None)
    assert got[1] == (2, {
        "nummeraanduiding_id": "0479200000000002", "datum": "2023-01-05", "huisnummer": "3.5",
        "oppervlakte": "tekst", "leeg": "",
    }, None)
    # A short spreadsheet row just has empty cells, not a structural problem.
    assert got[2] == (3, {
        "nummeraanduiding_id": "0479200000000003", "datum": "", "huisnummer": "",
        "oppervlakte": "", "leeg": "",
    }, None)


def test_xlsx_extra_cells_are_a_problem(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["a", "b"])
    sheet.append([1, 2, 3])
    path = tmp_path / "x.xlsx"
    book.save(path)
    ((number, values, problem),) = records(open_source(path))
    assert (number, values) == (1, {"a": "1", "b": "2"})
    assert problem is not None and "3 fields" in problem


def test_broken_xlsx(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="xlsx"):
        open_source(write(tmp_path, "x.xlsx", b"not a zip"))


def test_find_source_files(tmp_path: Path) -> None:
    for name in ("meldingen.csv", "BAG_verblijfsobjecten.xlsx", "~$zaken.xlsx", "notes.txt"):
        write(tmp_path, name, "a\n")
    found = find_source_files(tmp_path)
    assert {stem: path.name for stem, path in found.items()} == {
        "meldingen": "meldingen.csv",
        "bag_verblijfsobjecten": "BAG_verblijfsobjecten.xlsx",
    }


def test_csv_and_xlsx_for_one_source_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "meldingen.csv", "a\n")
    write(tmp_path, "meldingen.xlsx", "a\n")
    with pytest.raises(SourceError) as caught:
        find_source_files(tmp_path)
    assert "meldingen.csv" in str(caught.value) and "meldingen.xlsx" in str(caught.value)


# --- bronnen.yml -------------------------------------------------------------------------------


def test_sources_default_without_file(tmp_path: Path) -> None:
    sources = read_sources(tmp_path)
    assert sources == {}
    info = source_info(sources, "meldingen.csv")
    assert (info.partner, info.tier, info.retention) == ("gemeente", "closed", None)


def test_sources_entries(tmp_path: Path) -> None:
    write(tmp_path, "bronnen.yml", (
        "meldingen.csv:\n  partner: politie\n  tier: Private\n  retention: 5y\n"
        "buurt_cijfers.csv: {partner: CBS, tier: open, retention: ''}\n"
        "zaken: {partner: gemeente}\n"
    ))
    sources = read_sources(tmp_path)
    assert sources["meldingen.csv"].tier == "private"
    assert sources["meldingen.csv"].partner == "politie"
    assert sources["meldingen.csv"].retention_days == 5 * 365
    assert sources["buurt_cijfers.csv"].retention is None
    assert source_info(sources, "zaken.xlsx").tier == "closed"
    assert source_info(sources, "verbruik.csv") == DEFAULT


def test_sources_bad_tier_names_the_entry(tmp_path: Path) -> None:
    write(tmp_path, "bronnen.yml", "meldingen.csv:\n  partner: politie\n  tier: geheim\n")
    with pytest.raises(SourceError) as caught:
        read_sources(tmp_path)
    assert caught.value.file == "bronnen.yml"
    assert "meldingen.csv" in caught.value.reason and "geheim" in caught.value.reason


@pytest.mark.parametrize("content", ["- a\n- b\n", "x.csv: {retention: forever}\n", "x: [1\n"])
def test_sources_malformed(tmp_path: Path, content: str) -> None:
    write(tmp_path, "bronnen.yml", content)
    with pytest.raises(SourceError):
        read_sources(tmp_path)
