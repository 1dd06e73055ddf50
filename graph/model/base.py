"""Marks and mixins every section of the model uses: which properties identify a person or
come from another source, provenance, and what scoring writes on a subject."""

from __future__ import annotations

from typing import Any, TypeVar

from neomodel import (
    ArrayProperty,
    BooleanProperty,
    DateTimeProperty,
    FloatProperty,
    IntegerProperty,
    StringProperty,
)
from neomodel.properties import Property

P = TypeVar("P", bound="Property[Any]")


def identifying(prop: P, pseudonym: bool = False) -> P:
    """Mark a property as naming a person (BSN, names, birth date, free text about someone).

    A role without identities never sees it: masking drops it from every view, and analyst
    Cypher that mentions it anywhere is refused. `pseudonym=True` marks a person key (`bsn:…`):
    shown as `pseudo:…` instead of dropped, and usable in Cypher only against a key parameter.
    """
    prop.identifying = True  # type: ignore[attr-defined]
    prop.pseudonym = pseudonym  # type: ignore[attr-defined]
    return prop


def quotes_sources(prop: P) -> P:
    """Mark text that quotes facts of the files its node or relationship lists in `sources` (a
    flag's reason, a prediction's reasons): analyst Cypher reads it only when the reader may see
    every source; shown whole, the node or relationship is withheld by those sources."""
    prop.quotes_sources = True  # type: ignore[attr-defined]
    return prop


def supplied_by(prop: P, *sources: str) -> P:
    """Mark a property that another source adds to a node (BRK's WOZ value on a BAG address):
    it is seen by whoever may see that source, not the node's own."""
    prop.sources = sources  # type: ignore[attr-defined]
    return prop


class Provenance:
    """Where a node or relationship came from (mixed into every class)."""

    source = StringProperty()  # file name as loaded, e.g. brp_inschrijvingen.csv
    loadId = StringProperty(index=True)
    rowKey = identifying(StringProperty())  # the row's key in its file: a BRP row's holds a BSN
    record = IntegerProperty()  # 1-based data record number in that file
    loadedAt = DateTimeProperty()


class Scored:
    """What scoring (cypher/scoring/apply) writes on an address, person or company."""

    score = FloatProperty()  # noisy-OR of the run's flags: 0..1, an explanation, not a verdict
    flags = ArrayProperty(StringProperty())  # the flag names, by contribution
    scoreRunId = StringProperty()  # the analysis run that computed the score
    confirmed = BooleanProperty()  # a case or an app outcome already found a violation
    openCase = BooleanProperty()  # a case concerning it is under way
