"""Free-text Dutch addresses and the exact lookup key."""

from __future__ import annotations

import pytest

from graph.addresses import ParsedAddress, normalise_addition, parse_address
from loaders.address import address_lookup_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kerkstraat 12-2, 1501 AB Zaandam",
         ParsedAddress("Kerkstraat", 12, None, "2", "1501AB", "Zaandam")),
        ("Kerkstraat 12 A, 1501AB", ParsedAddress("Kerkstraat", 12, "A", None, "1501AB", None)),
        ("Kerkstraat 12a", ParsedAddress("Kerkstraat", 12, "A", None, None, None)),
        ("Dorpsweg 3 bis 1234AB Plaats",
         ParsedAddress("Dorpsweg", 3, None, "BIS", "1234AB", "Plaats")),
        ("Kerkstr. 12-II", ParsedAddress("Kerkstr.", 12, None, "2", None, None)),
        ("Kerkstraat 12A-2 1501ab Zaandam",
         ParsedAddress("Kerkstraat", 12, "A", "2", "1501AB", "Zaandam")),
        ("Kerkstraat 12 A 2", ParsedAddress("Kerkstraat", 12, "A", "2", None, None)),
        ("Kerkstraat 12 hs", ParsedAddress("Kerkstraat", 12, None, "H", None, None)),
        ("Kerkstraat 12, Zaandam", ParsedAddress("Kerkstraat", 12, None, None, None, "Zaandam")),
        ("  Van der  Helststraat 7 - III ,1073 AB  Amsterdam ",
         ParsedAddress("Van der Helststraat", 7, None, "3", "1073AB", "Amsterdam")),
        # Digits inside the street name stay in the street.
        ("2e Hugo de Grootstraat 5",
         ParsedAddress("2e Hugo de Grootstraat", 5, None, None, None, None)),
        ("Laan 1940-1945 12", ParsedAddress("Laan 1940-1945", 12, None, None, None, None)),
        ("Plein 1992 3", ParsedAddress("Plein 1992", 3, None, None, None, None)),
        # Postcode first, then the number, as intake forms often store it.
        ("1501 AB 12-2", ParsedAddress(None, 12, None, "2", "1501AB", None)),
    ],
)
def test_parse_address(text: str, expected: ParsedAddress) -> None:
    assert parse_address(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "Kerkstraat", "1501 AB Zaandam", "12", "onbekend"])
def test_parse_address_without_house_number(text: str) -> None:
    assert parse_address(text) is None


def test_parsed_key() -> None:
    parsed = parse_address("Kerkstraat 12-2, 1501 AB Zaandam")
    assert parsed is not None and parsed.key == "1501AB|12||2"
    no_postcode = parse_address("Kerkstraat 12a")
    assert no_postcode is not None and no_postcode.key is None


def test_address_lookup_key() -> None:
    assert address_lookup_key("1501 ab", 12, "a", "2") == "1501AB|12|A|2"
    assert address_lookup_key("1501AB", "12") == "1501AB|12||"
    assert address_lookup_key("1501AB", 12, None, "ii") == "1501AB|12||2"
    # BAG's own addition and a free-text floor meet in the same key.
    assert address_lookup_key("1501AB", 12, "", "II") == address_lookup_key("1501AB", 12, None, "2")
    with pytest.raises(ValueError):
        address_lookup_key("150AB", 12)
    with pytest.raises(ValueError):
        address_lookup_key("1501AB", 0)


def test_normalise_addition() -> None:
    assert normalise_addition(None) == ""
    assert normalise_addition(" iv ") == "4"
    assert normalise_addition("huis") == "H"
    assert normalise_addition("2h") == "2H"
