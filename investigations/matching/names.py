"""Dutch person names as matching compares them: given names, voorvoegsel, geslachtsnaam.

The BRP splits a name into its parts; KvK does too, but a signal has one free-text name
(`Jan vd Berg`). Both become a `Name` with normalised parts: lower case, no diacritics or
punctuation, `ij` written `y` (people type `Dijk` and `Dyk`), voorvoegsel abbreviations kept
comparable (`vd`, `v.d.` and `v/d` stand for `van der`, `van den` or `van de`).
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


def _given(text: str | None) -> tuple[str, ...]:
    # `J.P.` and `JP` (no spaces) are initials; a dotted run splits into one letter each.
    raw = (text or "").strip()
    if re.fullmatch(r"(?:[A-Za-z]\.\s*){1,6}", raw):
        return tuple(c.lower() for c in raw if c.isalpha())
    return tuple(w for w in ("".join(plain(token).split()) for token in raw.split()) if w)


def from_parts(first: str | None, prefix: str | None, surname: str | None) -> Name:
    """A name as the BRP or KvK gives it, in parts."""
    return Name(_given(first), plain(prefix), surname_form(surname))


def _find_prefix(words: list[str], initial: list[bool], start: int) -> tuple[str, int] | None:
    if initial[start]:
        return None  # `J.T. Berg`: a dotted letter is an initial, never the voorvoegsel `t`
    for candidate in PREFIXES:
        parts = candidate.split()
        if words[start:start + len(parts)] == parts and start + len(parts) < len(words):
            return candidate, len(parts)
    return None


def parse_full(text: str | None) -> Name:
    """Split a free-text name (`Jan vd Berg`, `J. van der Berg`, `Fatma Yilmaz`) into parts.

    Given names run up to the first voorvoegsel; without one, the last word is the surname.
    """
    raw = " ".join((text or "").split()).replace("v/d", "vd").replace("V/d", "vd")
    words: list[str] = []
    initial: list[bool] = []
    joined: list[bool] = []
    for token in re.sub(r"\b([A-Za-z])\.", r" \1. ", raw).split():
        dotted = bool(re.fullmatch(r"[A-Za-z]\.", token)) and token.lower() != "v."
        parts = plain(token).split()
        double = "-" in token and len(parts) > 1
        if double:
            parts = ["".join(parts)]  # `Jan-Willem`, `Çelik-de`: one name, not a voorvoegsel
        for word in parts:
            words.append(word)
            initial.append(dotted)
            joined.append(double)
    if not words:
        return Name((), "", "")
    if len(words) == 1:
        return Name((), "", surname_form(words[0]))
    for index in range(1, len(words)):
        if joined[index]:  # a double surname after the given names: `Ali Çelik-de Vries`
            return Name(tuple(words[:index]), "", surname_form(" ".join(words[index:])))
        found = _find_prefix(words, initial, index) if index < len(words) - 1 else None
        if found:
            prefix, length = found
            return Name(tuple(words[:index]), prefix, surname_form(" ".join(words[index + length:])))
    return Name(tuple(words[:-1]), "", surname_form(words[-1]))
