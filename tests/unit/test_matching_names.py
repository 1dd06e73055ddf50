"""Dutch names as matching reads them."""

from __future__ import annotations

from investigations.matching.names import Name, from_parts, parse_full, prefix_family


def test_free_text_names_split_into_parts() -> None:
    assert parse_full("Jan vd Berg") == Name(("jan",), "vd", "berg")
    assert parse_full("J. van der Berg") == Name(("j",), "van der", "berg")
    assert parse_full("J.P. de Vries") == Name(("j", "p"), "de", "vries")
    assert parse_full("J.T. Berg") == Name(("j", "t"), "", "berg")  # T. is an initial
    assert parse_full("Jan v/d Berg").prefix == "vd"
    assert parse_full("Anna in 't Veld") == Name(("anna",), "in t", "veld")
    assert parse_full("Ali Çelik-de Vries") == Name(("ali",), "", "celikdevries")
    assert parse_full("Kees van Dijk").surname == "vandyk"[3:]  # ij and y compare alike
    assert parse_full("") == Name((), "", "")


def test_parts_and_free_text_agree() -> None:
    assert from_parts("Jan-Willem", "de", "Boer") == parse_full("Jan-Willem de Boer")
    assert from_parts("Fátma Ümran", "", "Yılmaz").given == ("fatma", "umran")
    assert from_parts("J.P.", "", "Vries").initials_only


def test_voorvoegsel_abbreviations_share_a_family() -> None:
    assert prefix_family("vd") == prefix_family("van der") == prefix_family("van den") == "vd"
    assert prefix_family("v d") == "vd"
    assert prefix_family("de") == "de"
