"""Free-text addresses to BAG keys: notation variants, ambiguity, and the reason when unresolved."""

from __future__ import annotations

import pytest

from investigations.matching.addresses import (
    ACCEPT,
    AddressIndex,
    bag_address,
    place_form,
    street_form,
)

BAG = AddressIndex([
    bag_address("adres:1", "Kerkstraat", 12, None, "2", "1501AB", "Zaandam"),
    bag_address("adres:2", "Kerkstraat", 12, None, None, "1501AB", "Zaandam"),
    bag_address("adres:3", "Kerkstraat", 14, "A", None, "1501AB", "Zaandam"),
    bag_address("adres:4", "Kerkstraat", 12, None, "BIS", "1501AB", "Zaandam"),
    bag_address("adres:5", "Kerkstraat", 12, None, None, "1600AA", "Westerzaan"),
    bag_address("adres:6", "Dorpsweg", 3, None, "H", "1502CD", "Zaandam"),
    bag_address("adres:7", "Burgemeester de Vlugtlaan", 7, None, None, "1503EF", "Zaandam"),
])


def test_street_and_place_forms() -> None:
    assert street_form("Kerkstr.") == street_form("Kerk str") == "kerkstraat"
    assert street_form("Burg. de Vlugtln") == "burgemeesterdevlugtlaan"
    assert street_form("Wijkweg") == street_form("Wykweg")
    assert place_form("'s-Gravenhage") == place_form("Den Haag")


@pytest.mark.parametrize(("text", "key"), [
    ("Kerkstr. 12-II, Zaandam", "adres:1"),
    ("kerkstraat 12-2 zaandam", "adres:1"),
    ("Kerkstraat 12 II", "adres:1"),
    ("Kerkstraat 12 bis", "adres:4"),
    ("Kerkstraat 12, ZAANDAM", "adres:2"),
    ("Kerkstraat 14 a, 1501AB", "adres:3"),
    ("Kerkstraat 14A, 1501 ab Zaandam", "adres:3"),
    ("Dorpsweg 3hs", "adres:6"),
    ("Burg. de Vlugtln 7 Zaandam", "adres:7"),
    ("Kerkstaat 12-2, 1501AB", "adres:1"),  # a typo in the street, the postcode agrees
    # Floors as people write them.
    ("Kerkstraat 12 2hg, Zaandam", "adres:1"),
    ("Kerkstraat 12 2 hoog, 1501 AB", "adres:1"),
    ("Kerkstraat 12-2e, 1501AB Zaandam", "adres:1"),
    # The postcode's letters swapped, or one character off, when no address has that postcode
    # with this number: a typo, not another address.
    ("Burg. de Vlugtln 7, 1503FE", "adres:7"),
    ("Dorpsweg 3-H, 1502 CE ZAANDAM", "adres:6"),
])
def test_variants_resolve_positively(text: str, key: str) -> None:
    result = BAG.match(text)
    assert (result.key, result.judgement) == (key, "positive"), result
    assert result.score >= ACCEPT


def test_doubt_is_unsure_never_positive() -> None:
    both = BAG.match("Kerkstraat 12")  # Zaandam and Westerzaan both have one
    assert both.judgement == "unsure" and "ambiguous" in both.reason
    assert both.score < ACCEPT
    unit = BAG.match("Kerkstraat 14a-2 zaandam")  # BAG has 14A, not 14A-2
    assert (unit.key, unit.judgement) == ("adres:3", "unsure")
    # 1600AA 12 exists (Westerzaan): a postcode naming another address is no typo.
    other = BAG.match("Kerkstraat 12, 1600AA Zaandam")
    assert other.judgement != "positive" or other.key == "adres:5"
    assert BAG.match("Kerkstraat 12, 1600AA").key == "adres:5"


def test_a_typo_in_both_street_and_postcode_goes_to_review() -> None:
    result = BAG.match("Dorpswge 3-H, 1502DC")
    assert (result.key, result.judgement) == ("adres:6", "unsure")


@pytest.mark.parametrize(("text", "reason"), [
    ("Onbekendelaan 1, 9999 AA Nergens", "street not in the loaded BAG"),
    ("Kerkstraat 99, Zaandam", "no BAG address with number 99"),
    ("bij de kerk", "no street and house number"),
])
def test_unresolved_says_why(text: str, reason: str) -> None:
    result = BAG.match(text)
    assert result.key is None and result.judgement == "" and reason in result.reason
