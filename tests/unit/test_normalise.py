"""Value validators: each returns a clean value or raises ValueError with a plain reason."""

from __future__ import annotations

import datetime as dt

import pytest

from loaders import normalise as n


def test_postcode() -> None:
    assert n.postcode("1234 ab") == "1234AB"
    assert n.postcode(" 1501AB ") == "1501AB"


@pytest.mark.parametrize("raw", ["0123AB", "123AB", "1234A", "1234 A B", "12345", "ABCD12"])
def test_bad_postcode(raw: str) -> None:
    with pytest.raises(ValueError, match="postcode"):
        n.postcode(raw)


def test_house_number_parts() -> None:
    assert n.house_number("12") == 12
    assert n.house_letter("a") == "A"
    assert n.house_number_addition("2h") == "2H"
    for bad in ("0", "-1", "1a", "123456"):
        with pytest.raises(ValueError):
            n.house_number(bad)
    for bad in ("AB", "1", "é"):
        with pytest.raises(ValueError):
            n.house_letter(bad)
    with pytest.raises(ValueError):
        n.house_number_addition("12345")


def test_bsn_elfproef() -> None:
    assert n.bsn("111222333") == "111222333"
    assert n.bsn("123456782") == "123456782"
    with pytest.raises(ValueError, match="elfproef"):
        n.bsn("123456789")
    with pytest.raises(ValueError, match="9 digits"):
        n.bsn("12345678")
    with pytest.raises(ValueError):
        n.bsn("000000000")


def test_registry_numbers() -> None:
    assert n.kvk_number("12345678") == "12345678"
    assert n.establishment_number("000012345678") == "000012345678"
    with pytest.raises(ValueError, match="8 digits"):
        n.kvk_number("1234567")
    with pytest.raises(ValueError, match="12 digits"):
        n.establishment_number("12345678")


def test_bag_ids() -> None:
    assert n.nummeraanduiding_id("0479200000000001") == "0479200000000001"
    assert n.verblijfsobject_id("0479010000000001") == "0479010000000001"
    assert n.pand_id("0479100000000001") == "0479100000000001"
    # A well-formed number of the wrong object type is still a malformed address key.
    with pytest.raises(ValueError, match="object type 20"):
        n.nummeraanduiding_id("0479010000000001")
    for bad in ("047920000000001", "04792000000000011", "0479-20000000001", "abc"):
        with pytest.raises(ValueError, match="16 digits"):
            n.nummeraanduiding_id(bad)


def test_iso_date() -> None:
    assert n.iso_date("2024-02-29") == dt.date(2024, 2, 29)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        n.iso_date("31-02-2024")
    with pytest.raises(ValueError, match="February 2024 has no day 31"):
        n.iso_date("2024-02-31")
    with pytest.raises(ValueError, match="month 13"):
        n.iso_date("2024-13-01")
    with pytest.raises(ValueError):
        n.iso_date("2023-02-29")


def test_numbers() -> None:
    assert n.year("1998") == 1998
    assert n.integer("-3") == -3
    assert n.integer("12.0") == 12
    assert n.non_negative_integer("0") == 0
    assert n.number("1234,5") == 1234.5
    assert n.number("1.234,5") == 1234.5
    assert n.number("1,234.5") == 1234.5
    assert n.number("-0.25") == -0.25
    assert n.number("3") == 3.0
    for bad in ("abc", "1,2,3", "nan", "inf", "1e999"):
        with pytest.raises(ValueError):
            n.number(bad)
    for bad in ("98", "20245", "jaar"):
        with pytest.raises(ValueError, match="four digits"):
            n.year(bad)
    for bad in ("12.5", "twee", "1 000"):
        with pytest.raises(ValueError, match="whole number"):
            n.integer(bad)
    with pytest.raises(ValueError):
        n.non_negative_integer("-1")


def test_enum_is_case_insensitive_and_canonical() -> None:
    status = n.enum("geen", "geen ernstig gevaar")
    assert status("  Geen  Ernstig gevaar ") == "geen ernstig gevaar"
    gender = n.enum("M", "V", "O")
    assert gender("v") == "V"
    with pytest.raises(ValueError, match="not one of: M, V, O"):
        gender("X")


def test_codes() -> None:
    assert n.sbi_code("96.02") == "9602"
    assert n.sbi_code("01.11") == "0111"
    with pytest.raises(ValueError):
        n.sbi_code("9")
    assert n.buurtcode("bu04790101") == "BU04790101"
    assert n.wijkcode("WK047901") == "WK047901"
    assert n.gemeentecode("GM0479") == "GM0479"
    with pytest.raises(ValueError, match="BU followed by 8 digits"):
        n.buurtcode("BU0479010")


def test_uses() -> None:
    raw = "winkelfunctie| Woonfunctie |woonfunctie|overige gebruiksfunctie"
    assert n.uses(raw) == ["overige gebruiksfunctie", "winkelfunctie", "woonfunctie"]
    with pytest.raises(ValueError, match="'wonen' is not a BAG gebruiksdoel"):
        n.uses("woonfunctie|wonen")


def test_share() -> None:
    assert n.share(" 1/2 ") == "1/2"
    assert n.share("1") == "1/1"
    assert n.share_fraction("1/4") == 0.25
    for bad in ("0/2", "3/2", "1/0", "half"):
        with pytest.raises(ValueError):
            n.share(bad)


def test_period() -> None:
    assert n.period("2026-w14") == "2026-W14"
    assert n.period("2026-03") == "2026-03"
    assert n.period("2026") == "2026"
    assert n.period("2020-W53") == "2020-W53"
    for bad in ("2026-W54", "2021-W53", "2026-13", "26", "maart 2026"):
        with pytest.raises(ValueError):
            n.period(bad)


def test_text_kinds() -> None:
    assert n.text("  Jan   de  Vries ") == "Jan de Vries"
    assert n.lower_text("Exploitatievergunning") == "exploitatievergunning"
    assert n.verbatim("  <script>\nx  ") == "  <script>\nx  "


def test_rd_to_wgs84() -> None:
    # Amersfoort, the origin of RD New.
    lat, lon = n.rd_to_wgs84(155000, 463000)
    assert lat == pytest.approx(52.15517, abs=1e-4)
    assert lon == pytest.approx(5.38721, abs=1e-4)
    assert n.rd_x("115000,5") == 115000.5
    with pytest.raises(ValueError, match="outside the RD New area"):
        n.rd_y("52.3")
    with pytest.raises(ValueError):
        n.rd_to_wgs84(4.9, 52.3)
