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


def test_voorvoegsel_moved_behind_the_surname() -> None:
    van_der_meer = Name(("jan",), "van der", "meer")
    assert parse_full("Meer, van der, Jan") == van_der_meer
    assert parse_full("Meer van der, Jan") == van_der_meer
    assert parse_full("Meer, Jan van der") == van_der_meer
    assert parse_full("Meer, J.P. van der") == Name(("j", "p"), "van der", "meer")
    assert parse_full("Meer, van der") == Name((), "van der", "meer")
    assert parse_full("Jansen, J.") == Name(("j",), "", "jansen")  # a comma, no voorvoegsel
    assert from_parts("Jan", "", "Meer, van der") == van_der_meer
    assert from_parts("Jan", "", "Hof, van 't") == Name(("jan",), "van t", "hof")


def test_voorvoegsel_abbreviated_in_any_case() -> None:
    berg = Name(("jan",), "vd", "berg")
    assert parse_full("Jan V.d. Berg") == parse_full("Jan V/D Berg") == parse_full("Jan vd Berg") == berg
    assert from_parts("Jan", "V.D.", "Berg") == from_parts("Jan", "v/d", "Berg") == berg
    assert parse_full("Jan v. Dijk") == Name(("jan",), "v", "dyk")
    assert prefix_family(parse_full("Jan v. Dijk").prefix) == prefix_family("van")
    # Without given names the voorvoegsel still leads: `vd Meer` is no person called `vd`.
    assert parse_full("vd Meer") == Name((), "vd", "meer")
    assert parse_full("V.d. Berg") == Name((), "vd", "berg")


def test_voorvoegsel_joined_to_the_surname() -> None:
    # A capital inside the word shows where the voorvoegsel ends.
    assert parse_full("Jan VanderBerg") == Name(("jan",), "van der", "berg")
    assert from_parts("Jan", "", "VanDijk") == Name(("jan",), "van", "dyk")
    assert from_parts("Jan", "", "van Dijk") == Name(("jan",), "van", "dyk")
    # Without one the split is left alone (`Terpstra` is no `ter Pstra`); `joined` compares it.
    vandijk = parse_full("Jan Vandijk")
    assert vandijk == Name(("jan",), "", "vandyk")
    assert vandijk.joined == from_parts("Jan", "van", "Dijk").joined == "vandyk"
    assert from_parts("Sjoerd", "", "Terpstra") == Name(("sjoerd",), "", "terpstra")
    # A capitalised first word is a surname of its own, not a voorvoegsel.
    assert from_parts("Mohamed", "", "El Amrani") == Name(("mohamed",), "", "elamrani")


def test_salutations_are_no_given_names() -> None:
    assert parse_full("mevr. J.M. de Vries") == Name(("j", "m"), "de", "vries")
    assert parse_full("de heer J.P. van der Berg") == Name(("j", "p"), "van der", "berg")
    assert parse_full("Dhr. Jansen") == Name((), "", "jansen")
    assert parse_full("Irma Jansen") == Name(("irma",), "", "jansen")  # a name, no title
    assert parse_full("Hr") == Name((), "", "hr")  # nothing after it: kept


def test_sorted_list_form_with_a_capital_voorvoegsel() -> None:
    assert parse_full("Van der Berg, Jan Pieter") == Name(("jan", "pieter"), "van der", "berg")
    assert parse_full("De Vries, Anna") == Name(("anna",), "de", "vries")
    # `El`, `La`, `Du`: part of the surname, compared by its joined form.
    assert parse_full("El Amrani, Yasmina") == Name(("yasmina",), "", "elamrani")
