"""Parse Dutch free-text addresses into the parts BAG uses, and write exact lookup keys.

Shared by the loaders (KvK and signal addresses) and entity resolution (matching/addresses), so it
sits below both.

Only exact keys here (postcode + house number + letter + addition); fuzzy street matching comes
later. The official notation is `Kerkstraat 12A-2`: the letter sticks to the number, the addition
follows a hyphen. People also write `12 A`, `12a`, `12 bis`, `12-II` (second floor) and `12 hs`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_POSTCODE = re.compile(r"(?<![0-9A-Za-z])([1-9][0-9]{3})\s?([A-Za-z]{2})(?![0-9A-Za-z])")

# What may follow a street: number, optional letter, optional addition.
_SUFFIX = re.compile(
    r"(?P<number>\d{1,5})"
    r"(?:\s?(?P<letter>[A-Z])(?![A-Z0-9]))?"
    r"(?:\s*[-/]\s*(?P<joined>[A-Z0-9]{1,4})|\s+(?P<spaced>[A-Z0-9]{1,4}))?",
    re.IGNORECASE,
)

_ROMAN = {
    "I": "1", "II": "2", "III": "3", "IV": "4", "V": "5",
    "VI": "6", "VII": "7", "VIII": "8", "IX": "9", "X": "10",
}
# Ground-floor spellings; BAG itself records the ground floor as `H` (huis).
_GROUND_FLOOR = {"HS": "H", "HUIS": "H"}


@dataclass(frozen=True)
class ParsedAddress:
    """The parts of a free-text address; any part the text did not give is None."""

    # Field names are the graph model's property names, so a parse maps onto an Address as is.
    street: str | None
    houseNumber: int
    houseLetter: str | None
    houseNumberAddition: str | None
    postcode: str | None
    city: str | None

    @property
    def key(self) -> str | None:
        """The exact lookup key, or None without a postcode to anchor it."""
        if self.postcode is None:
            return None
        return lookup_key(self.postcode, self.houseNumber, self.houseLetter,
                          self.houseNumberAddition)


def normalise_addition(addition: str | None) -> str:
    """Upper-case an addition and write floors as digits (`II` -> `2`, `hs` -> `H`)."""
    if addition is None:
        return ""
    value = re.sub(r"[\s\-/]", "", addition).upper()
    return _ROMAN.get(value) or _GROUND_FLOOR.get(value) or value


def lookup_key(postcode: str, house_number: int, house_letter: str | None = None,
               addition: str | None = None) -> str:
    """Canonical exact-match key such as `1501AB|12|A|2` from parts already valid; empty parts
    stay empty."""
    letter = (house_letter or "").strip().upper()
    return f"{postcode}|{house_number}|{letter}|{normalise_addition(addition)}"


def _split_number(part: str) -> tuple[str, re.Match[str]] | None:
    """Find where the street ends and the house number starts in `part`."""
    tokens = part.split()
    # The first number that leaves a well-formed tail wins, so `2e Hugo de Grootstraat 5`
    # and `Laan 1940-1945 12` keep their digits in the street name.
    for index in range(1, len(tokens)):
        if not tokens[index][0].isdigit():
            continue
        match = _SUFFIX.fullmatch(" ".join(tokens[index:]))
        if match is None:
            continue
        spaced = match.group("spaced")
        # `Plein 1992 3` is number 3, not 1992 with addition 3: a loose digit addition only
        # counts after a letter (`12 A 2`).
        if spaced and spaced.isdigit() and not match.group("letter"):
            continue
        return " ".join(tokens[:index]), match
    return None


def _suffix_parts(match: re.Match[str]) -> tuple[int, str | None, str | None]:
    number = int(match.group("number"))
    letter = match.group("letter")
    addition = match.group("joined") or match.group("spaced")
    return (
        number,
        letter.upper() if letter else None,
        normalise_addition(addition) if addition else None,
    )


def _clean_part(value: str) -> str | None:
    value = " ".join(value.replace(",", " ").split()).strip(" .-")
    return value or None


def parse_address(text: str) -> ParsedAddress | None:
    """Parse `Kerkstraat 12-2, 1501 AB Zaandam` and similar; None without a house number."""
    value = " ".join((text or "").split())
    if not value or len(value) > 200:
        return None
    code = None
    after = ""
    found = list(_POSTCODE.finditer(value))
    if found:
        # The last postcode-like token: a street name rarely ends in four digits and two letters.
        last = found[-1]
        code = (last.group(1) + last.group(2)).upper()
        after = value[last.end():]
        value = value[: last.start()]
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if not parts:
        # Postcode first, then the number: `1501 AB 12-2`.
        match = _SUFFIX.fullmatch(after.strip(" ,"))
        if code is None or match is None:
            return None
        number, letter, addition = _suffix_parts(match)
        return ParsedAddress(None, number, letter, addition, code, None)
    split = _split_number(parts[0])
    if split is None:
        return None
    street, match = split
    number, letter, addition = _suffix_parts(match)
    city = _clean_part(after) or (_clean_part(" ".join(parts[1:])) if len(parts) > 1 else None)
    if city and any(char.isdigit() for char in city):
        city = None  # not a place name; leave it to the fuzzy matcher
    return ParsedAddress(street, number, letter, addition, code, city)
