"""The closed vocabularies every layer shares, each declared once: match judgements, user roles
and the protected attributes that are never stored and never a feature.

They sit in graph/ because the loaders, the analyses and the API all use them (dependencies
point down). `StrEnum` members are their strings, so they go into Cypher parameters, JSON and
templates as they are.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Judgement(StrEnum):
    """What a `SAME_AS` link says: the same entity, perhaps (a person looks first), or not."""

    POSITIVE = "positive"
    UNSURE = "unsure"
    NEGATIVE = "negative"


# What an analyst may decide in review: `unsure` is the matcher's word, never a decision.
DECISIONS = (Judgement.POSITIVE, Judgement.NEGATIVE)


class Role(StrEnum):
    """The roles of DESIGN's lawful use; investigations/access/policy.yml grants each its rights."""

    OFFICER = "officer"
    ANALYST = "analyst"
    CASE_PREPARER = "case_preparer"
    ADMIN = "admin"
    # Council, partners and policy staff: the neighbourhood figures only, never a person.
    POLICY_ADVISOR = "policy_advisor"


ROLES: tuple[str, ...] = tuple(Role)

# Special-category data (nationality, country of birth, origin, ethnicity, religion) must never be
# stored. Matched as substrings of a name with separators removed, so `Land van herkomst` and
# `geboorte_land` are caught too; a false positive only drops a column we would ignore anyway.
PROTECTED_STEMS = (
    # nationality: nationaliteit(en), nationality, nationalities
    "nationalit",
    # country of birth and origin: geboorteland, land_van_herkomst, migratieachtergrond
    "geboorteland", "landvangeboorte", "countryofbirth", "birthcountry", "herkomst", "afkomst",
    "origin", "migratie", "migration", "allochto",
    # ethnicity: etniciteit, etnisch, ethnicity
    "etnic", "etnisch", "ethnic",
    # religion: religie, religion, geloof, godsdienst, kerkgenootschap, levensbeschouwing
    "religi", "geloof", "godsdienst", "kerkgenootschap", "levensbeschouwing",
)
# Whole words that may be stored but never name a feature or a fact a feature reads: gender is
# kept on persons for identification only; `race` as a stem would catch `trace`.
NOT_FEATURES = frozenset({"gender", "geslacht", "sex", "race"})


def is_protected(name: str) -> bool:
    """True when a column or property name hints at nationality, origin, ethnicity, religion."""
    squashed = re.sub(r"[^a-z0-9]", "", name.lower())
    return any(stem in squashed for stem in PROTECTED_STEMS)


def protected_term(text: str) -> str | None:
    """The protected word in a feature name or a fact like `Person.gender`, if any."""
    for part in re.split(r"[.\s_:]+", text.lower()):
        if part and (part in NOT_FEATURES or is_protected(part)):
            return part
    return None
