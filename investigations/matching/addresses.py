"""Address matching: free-text and KvK addresses to BAG keys, with a score and a reason.

Extends the loaders' exact postcode + number lookup with what people actually type: street
abbreviations (`Kerkstr.`, `Burg.`), `12-II`, `12 bis`, `12 A 2`, no postcode, a place name in
capitals or spelled another way. Candidates come from the BAG by postcode + number and by
(fuzzy) street + number; each is scored on street, postcode, unit (letter + addition) and place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from graph.addresses import normalise_addition, parse_address
from graph.terms import Judgement
from investigations.matching.names import plain

# A positive judgement needs agreement on street, number and unit and nothing contradicting;
# between REVIEW and ACCEPT a person looks first.
ACCEPT = 0.90
REVIEW = 0.60
# The best candidate must beat the next by this much, or the text is ambiguous.
MARGIN = 0.08
# A typed postcode one slip away from the candidate's that no loaded address has, and a street
# one slip away: see `_postcode` and `street_similarity`.
TYPO_POSTCODE = 0.75
TYPO_STREET = 0.95
WEIGHTS = {"street": 0.45, "postcode": 0.25, "unit": 0.20, "place": 0.10}

_WORDS = {"burg": "burgemeester", "st": "sint", "pr": "prins", "kon": "koningin",
          "prof": "professor", "mr": "meester", "dr": "dokter", "ir": "ingenieur",
          "gen": "generaal", "vd": "van der", "v": "van", "h": "hendrik", "wed": "weduwe"}
# Street-type abbreviations, standing alone (`Kerk str`) or at the end of a word (`Kerkstr`).
_TYPES = {"str": "straat", "ln": "laan", "wg": "weg", "pln": "plein", "pl": "plein",
          "gr": "gracht", "kd": "kade", "sngl": "singel", "dk": "dijk", "drf": "dreef",
          "stg": "steeg", "blvd": "boulevard", "bd": "boulevard", "plnts": "plantsoen",
          "pk": "park", "prk": "park"}
_TYPE_END = re.compile(r"(" + "|".join(sorted(_TYPES, key=len, reverse=True)) + r")$")
_PLACE_VARIANTS = {"den haag": "s gravenhage", "den bosch": "s hertogenbosch"}
_POSTCODE = re.compile(r"(?<![0-9A-Za-z])([1-9][0-9]{3})\s?([A-Za-z]{2})(?![0-9A-Za-z])")
_NUMBERED = re.compile(r"^(?P<street>.*?[A-Za-z].*?)[\s,]+(?P<number>\d{1,5})(?P<rest>(?:[^\d].*)?)$")
# A floor as people write it: `2hg`, `2 hoog`, `2-hoog`, `2e`, `2de`, `3ste` (the addition `2`).
_FLOOR = re.compile(r"(?<![A-Za-z0-9])(\d{1,2})\s*-?\s*(?:hg|hoog|ste|de|e)\.?(?![A-Za-z0-9])",
                    re.IGNORECASE)
_UNIT_WORDS = {"bis", "hs", "huis", "h", "i", "ii", "iii", "iv", "v", "vi", "bg", "boven",
               "beneden", "rd", "zw"}


def street_form(text: str | None) -> str:
    """A street name for comparison: plain, abbreviations written out, ij as y, no spaces."""
    words = plain(text).split()
    out: list[str] = []
    for word in words:
        if word in _TYPES and out:
            out[-1] += _TYPES[word]
            continue
        word = _WORDS.get(word, word)
        if len(word) > 4 and word not in _TYPES.values():
            word = _TYPE_END.sub(lambda m: _TYPES[m.group(1)], word) if not word.endswith(
                tuple(_TYPES.values())) else word
        out.append(word)
    return "".join(out).replace("ij", "y")


def place_form(text: str | None) -> str:
    """A place name for comparison: plain, `'s-Gravenhage` and `Den Haag` alike."""
    value = plain(text)
    return _PLACE_VARIANTS.get(value, value).replace(" ", "")


def osa(a: str, b: str) -> int:
    """Optimal string alignment distance: edits, counting a swap of neighbours as one."""
    return int(OSA.distance(a, b))


def street_similarity(typed: str, bag: str) -> float:
    """Similarity of two street forms, 0..1: one typing slip (a letter dropped, added, changed,
    or two neighbours swapped) in a name of seven or more letters counts as TYPO_STREET, more
    than fuzz.ratio gives a swap; otherwise fuzz.ratio."""
    if typed == bag:
        return 1.0
    ratio = fuzz.ratio(typed, bag) / 100.0
    if min(len(typed), len(bag)) >= 7 and osa(typed, bag) <= 1:
        return max(ratio, TYPO_STREET)
    return ratio


@dataclass(frozen=True)
class BagAddress:
    """One BAG address as the matcher indexes it."""

    key: str  # adres:<nummeraanduiding_id>
    street: str
    number: int
    unit: str  # letter + normalised addition, e.g. `A2`, `` for none
    postcode: str
    place: str


@dataclass(frozen=True)
class Parsed:
    """What the matcher read from a text; any part may be missing."""

    street: str
    number: int
    unit: str
    postcode: str
    place: str


@dataclass(frozen=True)
class AddressResult:
    """The outcome for one mention: the key (None when unresolved), score, judgement, reason."""

    key: str | None
    score: float
    judgement: str  # positive, unsure, or "" when unresolved
    reason: str


def bag_address(key: str, street: str | None, number: int | None, letter: str | None,
                addition: str | None, postcode: str | None, city: str | None) -> BagAddress:
    """Index form of one BAG address row."""
    unit = (letter or "").upper() + normalise_addition(addition)
    return BagAddress(key, street_form(street), int(number or 0), unit, (postcode or "").upper(),
                      place_form(city))


class AddressIndex:
    """The loaded BAG addresses, indexed by postcode + number and by street + number."""

    def __init__(self, addresses: Iterable[BagAddress]) -> None:
        self.by_postcode: dict[tuple[str, int], list[BagAddress]] = defaultdict(list)
        self.by_street: dict[tuple[str, int], list[BagAddress]] = defaultdict(list)
        places: set[str] = set()
        for a in addresses:
            self.by_postcode[(a.postcode, a.number)].append(a)
            self.by_street[(a.street, a.number)].append(a)
            places.add(a.place)
        self.streets = sorted({street for street, _ in self.by_street})
        self.places = sorted(p for p in places if p)

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_postcode.values())

    def parse(self, text: str) -> Parsed | None:
        """Read street, number, unit, postcode and place from a free-text address."""
        value = " ".join((text or "").split())
        found = list(_POSTCODE.finditer(value))
        postcode = ""
        if found:
            last = found[-1]
            postcode = (last.group(1) + last.group(2)).upper()
            value = (value[:last.start()] + " , " + value[last.end():]).strip()
        loader = parse_address(text or "")
        head, _, tail = value.partition(",")
        match = _NUMBERED.match(head.strip())
        if match is None:
            if loader is None or loader.street is None:
                return None
            unit = (loader.houseLetter or "") + (loader.houseNumberAddition or "")
            return Parsed(street_form(loader.street), loader.houseNumber, unit, postcode,
                          place_form(loader.city))
        unit, rest = self._unit(match.group("rest"))
        place = self._place(" ".join((rest + " " + tail.replace(",", " ")).split()))
        return Parsed(street_form(match.group("street")), int(match.group("number")), unit,
                      postcode, place)

    def _unit(self, rest: str) -> tuple[str, str]:
        """Split what follows the number into the unit and the rest (the place)."""
        words = _FLOOR.sub(r"\1", rest).replace("-", " - ").replace("/", " / ").split()
        letter = ""
        if words and re.fullmatch(r"[A-Za-z]", words[0]) and words[0].lower() not in ("i", "v"):
            letter, words = words[0].upper(), words[1:]
        elif words and re.fullmatch(r"[A-Za-z][-/]?\S{0,4}", words[0]) and len(words[0]) > 1 \
                and words[0][1] in "-/":
            letter, words = words[0][0].upper(), [words[0][2:], *words[1:]]
        addition = ""
        if words and words[0] in ("-", "/"):
            words = words[1:]
            if words:
                addition, words = words[0], words[1:]
        elif words and (words[0].lower() in _UNIT_WORDS or words[0].isdigit()) and \
                place_form(" ".join(words)) not in self.places:
            addition, words = words[0], words[1:]
        return letter + normalise_addition(addition or None), " ".join(words)

    def _place(self, text: str) -> str:
        value = place_form(text)
        if not value:
            return ""
        if value in self.places:
            return value
        best = process.extractOne(value, self.places, scorer=fuzz.ratio, score_cutoff=85)
        return best[0] if best else value

    def candidates(self, parsed: Parsed) -> list[BagAddress]:
        """BAG addresses with the parsed number, by postcode or by a (similar) street name."""
        found: dict[str, BagAddress] = {}
        if parsed.postcode:
            for a in self.by_postcode.get((parsed.postcode, parsed.number), []):
                found[a.key] = a
        if parsed.street:
            names = [parsed.street] if (parsed.street, parsed.number) in self.by_street else [
                name for name, _, _ in process.extract(
                    parsed.street, self.streets, scorer=fuzz.ratio, score_cutoff=75, limit=5)]
            for name in names:
                for a in self.by_street.get((name, parsed.number), []):
                    found[a.key] = a
        return list(found.values())

    def _postcode(self, parsed: Parsed, a: BagAddress) -> float:
        """Postcode agreement: 1 when equal; a typo (one character off, or its letters or two
        neighbouring characters swapped) counts for much when no loaded address has the typed
        postcode with this number, and nothing when one has: then it names another address."""
        if parsed.postcode == a.postcode:
            return 1.0
        if (parsed.postcode, parsed.number) in self.by_postcode:
            return 0.0
        return TYPO_POSTCODE if osa(parsed.postcode, a.postcode) <= 1 else 0.0

    def score(self, parsed: Parsed, a: BagAddress) -> tuple[float, list[str]]:
        """Agreement of a parse with one candidate, 0..1, and the reason in words."""
        parts: dict[str, float] = {}
        notes = []
        if parsed.street:
            parts["street"] = street_similarity(parsed.street, a.street)
            if parts["street"] < 1.0:
                notes.append(f"street similar ({parts['street']:.2f})")
        if parsed.postcode:
            parts["postcode"] = self._postcode(parsed, a)
            if parts["postcode"] < 1.0:
                notes.append(f"postcode {parsed.postcode} differs from {a.postcode}"
                             + (" (a typo: no address has it)" if parts["postcode"] else ""))
        else:
            notes.append("no postcode")
        if parsed.unit == a.unit:
            parts["unit"] = 1.0
        elif not parsed.unit:
            parts["unit"] = 0.4
            notes.append(f"text gives no letter/addition, BAG has {a.unit}")
        elif not a.unit:
            parts["unit"] = 0.3
            notes.append(f"text gives {parsed.unit}, BAG has none")
        else:
            parts["unit"] = 0.0
            notes.append(f"text gives {parsed.unit}, BAG has {a.unit}")
        if parsed.place:
            parts["place"] = 1.0 if parsed.place == a.place else 0.0
            if parts["place"] < 1.0:
                notes.append(f"place {parsed.place} is not {a.place}")
        weight = sum(WEIGHTS[k] for k in parts)
        value = sum(WEIGHTS[k] * v for k, v in parts.items()) / weight
        if not parsed.postcode and not parsed.place:
            value *= 0.95  # street and number alone: fine when unique, never fully certain
        if parts.get("street", 1.0) < 1.0 and parts.get("postcode", 1.0) < 1.0 \
                and parts.get("place", 0.0) < 1.0:
            # Street and postcode both inexact: only the place could confirm them.
            value = min(value, ACCEPT - 0.01)
            notes.append("street and postcode both inexact and no place to confirm them")
        return value, notes

    def match(self, text: str) -> AddressResult:
        """Resolve one free-text address to a BAG key, or say why not."""
        parsed = self.parse(text)
        if parsed is None:
            return AddressResult(None, 0.0, "", "no street and house number found in the text")
        found = self.candidates(parsed)
        if not found:
            if parsed.street and not any(s == parsed.street for s in self.streets):
                near = process.extractOne(parsed.street, self.streets, scorer=fuzz.ratio)
                hint = f" (nearest: {near[0]}, {near[1] / 100:.2f})" if near else ""
                return AddressResult(None, 0.0, "", f"street not in the loaded BAG{hint}")
            return AddressResult(None, 0.0, "", f"no BAG address with number {parsed.number} "
                                 "at this street or postcode")
        ranked = sorted(((*self.score(parsed, a), a) for a in found), key=lambda t: -t[0])
        best, notes, address = ranked[0]
        reason = "; ".join(notes) or "street, number, unit and postcode agree"
        if len(ranked) > 1 and best - ranked[1][0] < MARGIN:
            other = ranked[1][2].key
            return AddressResult(address.key, min(best, ACCEPT - 0.01) if best >= REVIEW else best,
                                 Judgement.UNSURE if best >= REVIEW else "",
                                 f"ambiguous: {other} fits as well ({reason})")
        if best >= ACCEPT:
            return AddressResult(address.key, best, Judgement.POSITIVE, reason)
        if best >= REVIEW:
            return AddressResult(address.key, best, Judgement.UNSURE, reason)
        return AddressResult(None, best, "", f"best candidate {address.key} scores {best:.2f}: "
                             + reason)
