"""Dutch person names as matching compares them: given names, voorvoegsel, geslachtsnaam.

The BRP splits a name into its parts; KvK does too, but a signal has one free-text name
(`Jan vd Berg`). Both become a `Name` with normalised parts: lower case, no diacritics or
punctuation, `ij` written `y` (people type `Dijk` and `Dyk`), voorvoegsel abbreviations kept
comparable (`vd`, `v.d.` and `v/d` stand for `van der`, `van den` or `van de`).

Clerks and callers also move the voorvoegsel: behind the surname (`Meer, van der`), or into it
(`VanderBerg`, `Vandijk`, a surname field `van Dijk`). A split the writing shows (a comma, a
lower-case voorvoegsel, a capital inside the word) is undone here; `Vandijk` cannot be split
safely (`Terpstra` is no `ter Pstra`), so matching compares such a name by its `joined` form.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Longest first, so `van der` wins over `van`. Abbreviations map to the family they stand for.
PREFIXES = (
    "van der", "van den", "van de", "van t", "van het", "in t", "in het", "op de", "op den",
    "uit de", "uit den", "in de", "in den", "aan de", "van", "de", "den", "der", "ter", "te",
    "het", "t", "la", "le", "du", "da", "di", "el", "al", "op", "in", "vd", "v d", "v",
)
_ABBREVIATIONS = {"vd": "vd", "v d": "vd", "van der": "vd", "van den": "vd", "van de": "vd",
                  "v": "van", "van t": "van het", "in t": "in het"}
# Dutch voorvoegsels a sorted list writes with a capital before the surname (`Van der Meer, J.`);
# `El`, `La`, `Du` and the like start many a surname that has no voorvoegsel, so they stay in it.
DUTCH_PREFIXES = ("van der", "van den", "van de", "van t", "van het", "in t", "in het", "op de",
                  "op den", "uit de", "uit den", "in de", "in den", "aan de", "van", "de", "den",
                  "der", "ter", "te", "het", "t", "op", "in")
# Salutations and titles in front of a name in a signal (`dhr.`, `mevr.`, `de heer`, `mr.`): no
# given name. Only with a name after them.
_SALUTATION = re.compile(r"^(?:(?:de\s+heer|heer|mevrouw|mevr|mw|mej|dhr|hr|fam|familie|drs|dr|"
                         r"ir|ing|mr|prof)\.?\s+)+(?=\S+\s*\S)", re.IGNORECASE)
# A voorvoegsel written into the surname, without spaces (`vander` in `VanderBerg`).
_JOINED = {p.replace(" ", ""): p for p in PREFIXES if len(p) > 1}


def plain(text: str | None) -> str:
    """Lower-case ASCII words: `Çelik-de Vries` -> `celik de vries`, `'t` -> `t`."""
    if not text:
        return ""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split())


def surname_form(text: str | None) -> str:
    """A surname for comparison: plain, `ij` as `y`, no spaces (`Dijk-Smit` -> `dyksmit`)."""
    return plain(text).replace("ij", "y").replace(" ", "")


def prefix_family(prefix: str) -> str:
    """The voorvoegsel family an abbreviation stands for (`v.d.` and `van den` -> `vd`)."""
    return _ABBREVIATIONS.get(prefix, prefix)


@dataclass(frozen=True)
class Name:
    """The comparable parts of one person's name."""

    given: tuple[str, ...]  # plain given names (or initials), in order
    prefix: str  # plain voorvoegsel, "" when none
    surname: str  # surname_form of the geslachtsnaam

    @property
    def initials(self) -> str:
        return "".join(g[0] for g in self.given)

    @property
    def initials_only(self) -> bool:
        """True when every given name is an initial (`J.P.` -> `j`, `p`)."""
        return bool(self.given) and all(len(g) == 1 for g in self.given)

    @property
    def given_text(self) -> str:
        return " ".join(self.given)

    @property
    def joined(self) -> str:
        """Voorvoegsel and surname as one word: `van der` + `berg` and `Vanderberg` agree."""
        return self.prefix.replace(" ", "") + self.surname


def _given(text: str | None) -> tuple[str, ...]:
    # `J.P.` and `JP` (no spaces) are initials; a dotted run splits into one letter each.
    raw = (text or "").strip()
    if re.fullmatch(r"(?:[A-Za-z]\.\s*){1,6}", raw):
        return tuple(c.lower() for c in raw if c.isalpha())
    return tuple(w for w in ("".join(plain(token).split()) for token in raw.split()) if w)


def _prefix_form(text: str | None) -> str:
    """A voorvoegsel as compared: plain, with `v.d.`, `V/d` and `v d` all written `vd`."""
    prefix = plain(text)
    return "vd" if prefix == "v d" else prefix


def _leading_prefix(words: list[str]) -> tuple[str, int] | None:
    """The voorvoegsel the words start with, when at least one word follows it."""
    for candidate in PREFIXES:
        parts = candidate.split()
        if words[:len(parts)] == parts and len(words) > len(parts):
            return candidate, len(parts)
    return None


def _trailing_prefix(words: list[str]) -> tuple[str, int] | None:
    """The voorvoegsel the words end with (`meer van der`), when a word comes before it."""
    for candidate in PREFIXES:
        parts = candidate.split()
        if words[-len(parts):] == parts and len(words) > len(parts):
            return candidate, len(parts)
    return None


def _camel(surname: str) -> tuple[str, str] | None:
    """`VanderBerg`, `DeVries`: a voorvoegsel joined to a surname that keeps its capital."""
    found = re.fullmatch(r"([A-Z][a-z']+)([A-Z][A-Za-z'-]+)", surname.strip())
    if found and plain(found[1]).replace(" ", "") in _JOINED:
        return _JOINED[plain(found[1]).replace(" ", "")], found[2]
    return None


def _surname_field(text: str) -> tuple[str, str]:
    """(voorvoegsel, surname) from a surname written with its voorvoegsel in it: `Meer, van der`,
    `Meer van der`, a lower-case `van der Meer`, `VanderMeer`; ("", text) otherwise."""
    head, _, tail = text.partition(",")
    if tail.strip() and _prefix_form(tail) in PREFIXES:
        return _prefix_form(tail), head
    words = plain(text).split()
    behind = _trailing_prefix(words) if "," not in text else None
    if behind:
        return behind[0], " ".join(words[:-behind[1]])
    ahead = _leading_prefix(words)
    if ahead and text.strip()[:1].islower():  # `El Amrani` is a surname, `van Dijk` is not
        return ahead[0], " ".join(words[ahead[1]:])
    camel = _camel(text)
    return camel if camel else ("", text)


def from_parts(first: str | None, prefix: str | None, surname: str | None) -> Name:
    """A name as the BRP or KvK gives it, in parts; a voorvoegsel left in the surname is split off."""
    if not plain(prefix) and surname:
        prefix, surname = _surname_field(surname)
    return Name(_given(first), _prefix_form(prefix), surname_form(surname))


def _find_prefix(words: list[str], initial: list[bool], start: int) -> tuple[str, int] | None:
    if initial[start]:
        return None  # `J.T. Berg`: a dotted letter is an initial, never the voorvoegsel `t`
    for candidate in PREFIXES:
        parts = candidate.split()
        if words[start:start + len(parts)] == parts and start + len(parts) < len(words):
            return candidate, len(parts)
    return None


def _words(raw: str) -> tuple[list[str], list[bool], list[bool]]:
    """Plain words of a free-text name, each marked as a dotted initial and as part of a
    hyphenated name (`Jan-Willem`, `Çelik-de`: one name, not a voorvoegsel)."""
    words: list[str] = []
    initial: list[bool] = []
    joined: list[bool] = []
    for token in re.sub(r"\b([A-Za-z])\.", r" \1. ", raw).split():
        dotted = bool(re.fullmatch(r"[A-Za-z]\.", token)) and token.lower() != "v."
        parts = plain(token).split()
        double = "-" in token and len(parts) > 1
        if double:
            parts = ["".join(parts)]
        for word in parts:
            words.append(word)
            initial.append(dotted)
            joined.append(double)
    return words, initial, joined


def _in_order(raw: str) -> Name:
    """Given names, voorvoegsel, surname: `Jan vd Berg`, `J.P. de Vries`, `V.d. Berg`."""
    tokens = raw.split()
    camel = _camel(tokens[-1]) if len(tokens) > 1 else None
    if camel:  # `Jan VanderBerg` is `Jan van der Berg`
        raw = " ".join([*tokens[:-1], *camel])
    words, initial, joined = _words(raw)
    if not words:
        return Name((), "", "")
    if len(words) == 1:
        return Name((), "", surname_form(words[0]))
    lead = _find_prefix(words, initial, 0)
    if lead and len(words) == lead[1] + 1:  # no given names: `vd Meer`, `De Vries`
        return Name((), _prefix_form(lead[0]), surname_form(words[-1]))
    for index in range(1, len(words)):
        if joined[index]:  # a double surname after the given names: `Ali Çelik-de Vries`
            return Name(tuple(words[:index]), "", surname_form(" ".join(words[index:])))
        found = _find_prefix(words, initial, index) if index < len(words) - 1 else None
        if found:
            prefix, length = found
            return Name(tuple(words[:index]), _prefix_form(prefix),
                        surname_form(" ".join(words[index + length:])))
    return Name(tuple(words[:-1]), "", surname_form(words[-1]))


def _surname_first(raw: str) -> Name:
    """The surname first, then a comma: `Meer, van der, Jan`, `Meer van der, J.`,
    `Meer, Jan van der`, `Jansen, J.`, and the sorted form `Van der Meer, Jan`."""
    head, *rest = [part.strip() for part in raw.split(",") if part.strip()]
    prefix, surname = _surname_field(head)
    if not prefix:
        ahead = _leading_prefix(plain(head).split())
        if ahead and ahead[0] in DUTCH_PREFIXES:  # a list sorts `Van der Meer` with its prefix
            prefix, surname = ahead[0], " ".join(plain(head).split()[ahead[1]:])
    given: list[str] = []
    for part in rest:
        if not prefix and _prefix_form(part) in PREFIXES:
            prefix = _prefix_form(part)
            continue
        words, initial, _ = _words(part)
        behind = _trailing_prefix(words)
        if behind and not prefix and not initial[-behind[1]]:
            prefix, words = behind[0], words[:-behind[1]]
        given += words
    return Name(tuple(given), _prefix_form(prefix), surname_form(surname))


def parse_full(text: str | None) -> Name:
    """Split a free-text name (`Jan vd Berg`, `J. van der Berg`, `Meer, van der, Jan`) into parts.

    Given names run up to the first voorvoegsel; without one, the last word is the surname. A
    comma means the surname came first, with the voorvoegsel behind it or behind the given names.
    """
    raw = re.sub(r"\b[vV]/[dD]\b", "vd", " ".join((text or "").split()))
    raw = _SALUTATION.sub("", raw)
    if "," in raw.strip(" ,"):
        return _surname_first(raw)
    return _in_order(raw.strip(" ,"))
