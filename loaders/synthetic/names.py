"""Dutch name pools (from Faker nl_NL) and the spelling variants under which people reappear."""

from __future__ import annotations

import random
import re
import zlib
from datetime import date

from faker.providers.person.nl_NL import Provider as _Names

# Longest first, so "van der" wins over "van".
PREFIXES = (
    "van der", "van den", "van de", "van 't", "van het", "in 't", "op de", "uit de", "in de",
    "van", "de", "den", "ter", "te", "het",
)
_SIMPLE = re.compile(r"[A-Z][a-zà-ÿ']+(-[A-Z][a-zà-ÿ]+)?")

# Faker nl_NL has few "ter"/"in 't" names; these keep every common voorvoegsel represented.
_EXTRA_SURNAMES = (
    ("ter", "Horst"), ("ter", "Haar"), ("ter", "Beek"), ("te", "Riele"), ("van den", "Berg"),
    ("van der", "Berg"), ("in 't", "Veld"), ("van 't", "Hof"), ("op de", "Beek"),
    ("den", "Hartog"), ("van der", "Heijden"), ("van den", "Heuvel"), ("de", "Vries"),
    ("de", "Jong"), ("van", "Dijk"), ("van der", "Meer"), ("ter", "Steege"), ("van de", "Ven"),
)
TRADITIONAL_MALE = (
    "Jan", "Johannes", "Cornelis", "Pieter", "Hendrik", "Willem", "Gerrit", "Jacobus",
    "Adrianus", "Petrus", "Wilhelmus", "Dirk", "Klaas", "Theodorus", "Franciscus", "Antonius",
    "Gerardus", "Marinus", "Albert", "Henk", "Kees", "Joost", "Peter", "Erik", "Michiel",
    "Ronald", "Frank", "Richard", "Marco", "Patrick", "Jeroen", "Martijn", "Dennis", "Ahmed",
)
TRADITIONAL_FEMALE = (
    "Maria", "Johanna", "Anna", "Cornelia", "Wilhelmina", "Elisabeth", "Hendrika", "Catharina",
    "Geertruida", "Adriana", "Petronella", "Jacoba", "Aaltje", "Grietje", "Margaretha", "Ingrid",
    "Monique", "Sandra", "Linda", "Esther", "Marieke", "Petra", "Annemarie", "Wilma", "Karin",
    "Mirjam", "Saskia", "Yvonne", "Ellen", "Marjolein", "Ria", "Truus", "Fatima",
)


def _split(name: str) -> tuple[str, str] | None:
    """Split a Faker surname into (voorvoegsel, geslachtsnaam); None for exotic entries."""
    prefix = ""
    for candidate in PREFIXES:
        if name.startswith(candidate + " "):
            prefix, name = candidate, name[len(candidate) + 1 :]
            break
    return (prefix, name) if _SIMPLE.fullmatch(name) else None


def _surnames() -> tuple[tuple[str, str], ...]:
    """Faker's surnames split into parts, de-duplicated in a fixed order, plus the extras."""
    seen: dict[tuple[str, str], None] = {}
    for raw in _Names.last_names:
        parts = _split(raw)
        if parts:
            seen[parts] = None
    for parts in _EXTRA_SURNAMES:
        seen[parts] = None
    return tuple(seen)


SURNAMES = _surnames()
MODERN_MALE: tuple[str, ...] = tuple(_Names.first_names_male)
MODERN_FEMALE: tuple[str, ...] = tuple(_Names.first_names_female)


def given_names(rng: random.Random, female: bool, birth_year: int) -> str:
    """One to three given names, old-fashioned for older people as in the real BRP."""
    traditional_share = 0.85 if birth_year < 1970 else 0.45 if birth_year < 1990 else 0.08
    count = rng.choices((1, 2, 3), (50, 38, 12))[0]
    names: list[str] = []
    while len(names) < count:
        pool: tuple[str, ...]
        if rng.random() < traditional_share:
            pool = TRADITIONAL_FEMALE if female else TRADITIONAL_MALE
        else:
            pool = MODERN_FEMALE if female else MODERN_MALE
        name = pool[rng.randrange(len(pool))]
        if name not in names:
            names.append(name)
    return " ".join(names)


def full_name(given: str, prefix: str, surname: str) -> str:
    """Name as written in a signal: given names, voorvoegsel, geslachtsnaam (empty parts left out)."""
    return " ".join(part for part in (given, prefix, surname) if part)


SIGNAL_FORMS = ("surname_first", "salutation_initials", "capitals")


def signal_form(rng: random.Random, given: str, prefix: str, surname: str, female: bool
                ) -> tuple[str, str]:
    """(form, text): a name as a caller or intake clerk writes it in a large town's signals:
    surname first (`De Vries, Jan` or `Vries, Jan de`), a salutation with initials
    (`mevr. J.M. de Vries`), or in capitals."""
    form = SIGNAL_FORMS[rng.randrange(len(SIGNAL_FORMS))]
    if form == "surname_first":
        if prefix and rng.random() < 0.5:
            return form, f"{surname}, {given} {prefix}"
        return form, f"{(prefix[:1].upper() + prefix[1:] + ' ') if prefix else ''}{surname}, {given}"
    if form == "salutation_initials":
        title = rng.choice(("mevr.", "mw.", "Mevrouw")) if female else rng.choice(
            ("dhr.", "Dhr.", "de heer"))
        initials = "".join(f"{g[0]}." for g in given.split())
        return form, full_name(f"{title} {initials}", prefix, surname)
    return form, full_name(given, prefix, surname).upper()


def normalised(given: str, prefix: str, surname: str) -> str:
    """Lower-case full name with single spaces: the officer_persons count key."""
    return " ".join(f"{given} {prefix} {surname}".lower().split())


def _typo(rng: random.Random, word: str) -> str:
    """A plausible keying error in a surname: swapped, dropped or doubled letter, ij/y."""
    for _ in range(20):
        op = rng.randrange(4)
        if op == 0 and "ij" in word:
            out = word.replace("ij", "y", 1)
        elif op == 1 and len(word) > 3:
            i = rng.randrange(1, len(word) - 1)
            out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif op == 2 and len(word) > 4:
            i = rng.randrange(1, len(word))
            out = word[:i] + word[i + 1 :]
        else:
            i = rng.randrange(1, len(word))
            out = word[:i] + word[i] + word[i:]
        if out != word and out[0].isupper():
            return out
    return word + "e"


def _transposed(rng: random.Random, birth: date, limit: date) -> date | None:
    """The birth date with two adjacent digits swapped, if that gives another valid past date."""
    digits = birth.strftime("%Y%m%d")
    positions = list(range(2, 7))
    rng.shuffle(positions)
    for i in positions:
        if digits[i] == digits[i + 1]:
            continue
        swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
        try:
            out = date(int(swapped[:4]), int(swapped[4:6]), int(swapped[6:]))
        except ValueError:
            continue
        if out < limit:
            return out
    return None


def variant(
    rng: random.Random, given: str, prefix: str, surname: str, birth: date, limit: date
) -> tuple[str, str, str, str, date]:
    """Return (kind, given, prefix, surname, birth) written differently from the BRP.

    Kinds: initials, vd_abbreviation, swapped_given_names, first_given_name_only, typo and
    birth_date_transposed, drawn among those that apply to this name; a typo always applies.
    """
    kinds = ["initials", "typo", "birth_date_transposed"]
    if prefix in ("van der", "van den", "van de"):
        kinds.append("vd_abbreviation")
    if " " in given:
        kinds += ["swapped_given_names", "first_given_name_only"]
    kind = kinds[rng.randrange(len(kinds))]
    if kind == "initials":
        return kind, "".join(f"{g[0]}." for g in given.split()), prefix, surname, birth
    if kind == "vd_abbreviation":
        return kind, given, rng.choice(("vd", "v.d.", "v/d")), surname, birth
    if kind == "swapped_given_names":
        parts = given.split()
        return kind, " ".join(parts[1:] + parts[:1]), prefix, surname, birth
    if kind == "first_given_name_only":
        return kind, given.split()[0], prefix, surname, birth
    if kind == "birth_date_transposed":
        moved = _transposed(rng, birth, limit)
        if moved is not None:
            return kind, given, prefix, surname, moved
    return "typo", given, prefix, _typo(rng, surname), birth


# Share of the rows naming a person with a voorvoegsel that write it otherwise than the BRP:
# joined to the surname, abbreviated or moved behind it. Clerks and callers do this often, more
# often than the other variants, and on top of the name-variant quota (drawn from a generator of
# its own, so the other phases' draws stay as they were).
VOORVOEGSEL_SHARE = 0.3
_SHORT = {"van": ("v.", "V.", "v"), "van der": ("V.d.", "v.d", "vd.", "V/d", "v. d."),
          "van den": ("V.d.", "v.d", "vd.", "V/d", "v. d."), "van de": ("V.d.", "v.d", "vd.")}


def voorvoegsel_variant(rng: random.Random, given: str, prefix: str, surname: str,
                        free_text: bool) -> tuple[str, str, str, str]:
    """Return (form, given, prefix, surname) with the voorvoegsel written differently.

    Forms: `joined` (`Vandijk`, `VanderBerg`), `abbreviated` (`v. Dijk`, `V.d. Berg`, only for
    the `van` family) and `moved` behind the surname (`Meer, van der`; in free text the given
    names follow: `Meer, van der, Jan`, `Meer van der, Jan`, `Meer, Jan van der`).
    """
    forms = ["joined", "moved", *(["abbreviated"] if prefix in _SHORT else [])]
    form = forms[rng.randrange(len(forms))]
    # One spelling per person within a form: KvK keys a person by name and birth date, and
    # `DeVos` and `Devos` (or `v.` and `V.`) are one key, so two spellings of one person in
    # one file would make every reload rewrite the record. The draws stay as they were.
    same = zlib.crc32(f"{given}|{prefix}|{surname}".encode())
    if form == "joined":
        lead = "".join(prefix.replace("'", "").split()).capitalize()
        rng.random()
        return form, given, "", lead + (surname if same % 2 else surname.lower())
    if form == "abbreviated":
        rng.choice(_SHORT[prefix])
        return form, given, _SHORT[prefix][same % len(_SHORT[prefix])], surname
    if not free_text:
        return form, given, "", f"{surname}, {prefix}"
    written = rng.choice((f"{surname}, {prefix}, {given}", f"{surname} {prefix}, {given}",
                          f"{surname}, {given} {prefix}"))
    return form, "", "", written
