"""What an indicator is: a declared object (name, Dutch title and reason, thresholds with their
reasons, the facts it reads, the evidence it returns), run by one engine (`engine.py`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graph import vocabulary

SUBJECTS = ("Address", "Person", "Company")

# Thresholds are plain values a Cypher parameter can carry.
Value = int | float | str | tuple[str, ...] | Mapping[str, Any]


@dataclass(frozen=True)
class Threshold:
    """One tunable value of an indicator and why it has that value."""

    value: Value
    why: str


@dataclass(frozen=True)
class Indicator:
    """A red flag, declared as data.

    The engine runs `cypher/indicators/<name>.cypher` with `$asOf` and the thresholds as
    parameters; the statement returns one row per subject: `subject` (key), `label`, `strength`
    (0..1) and `facts` (a map). `reason` is a Dutch sentence filled from the facts; the facts,
    with the thresholds, are the flag's evidence.
    """

    name: str  # the flag name in exports and scores: stable, snake_case, Dutch
    title: str  # short Dutch title for pages
    description: str  # what it means and why it matters (Dutch)
    subjects: tuple[str, ...]  # labels it can flag: Address, Person, Company
    reason: str  # str.format template over the facts, e.g. "{persons} personen op {area} m²"
    weight: float  # prior weight in the score, before case outcomes calibrate it
    uses: tuple[str, ...]  # graph facts it reads, "Label.property": audited for protected data
    evidence: tuple[str, ...]  # the fact names each row carries
    thresholds: Mapping[str, Threshold] = field(default_factory=dict)
    explained_by: str = ""  # lawful situations it deliberately leaves alone

    def stems(self) -> tuple[str, ...]:
        """The data-contract sources (file stems) whose facts `uses` reads, from the model's
        `SUPPLIED_BY`: its flags' evidence quotes them. A label many sources state (Person,
        Address, Company) adds none of its own; its facts are withheld per node."""
        found: list[str] = []
        shared: list[tuple[str, ...]] = []  # types several sources supply (FOR_ADDRESS)
        for use in self.uses:
            name, _, prop = use.partition(".")
            element = vocabulary.elements().get(name)
            if element is None:
                raise ValueError(f"{self.name} uses {use}: no such label or type in the model")
            stems = element.sources(prop or None)
            if len(stems) > 1:
                shared.append(stems)
            found += [s for s in stems if len(stems) == 1 and s not in found]
        for stems in shared:  # the supplier of the label read at its end, else every supplier
            found += [s for s in stems if s not in found and not set(stems) & set(found)]
        return tuple(found)

    @property
    def query(self) -> str:
        """The named Cypher statement that finds this indicator's subjects."""
        return f"indicators/{self.name}"

    def params(self) -> dict[str, Any]:
        """The thresholds as Cypher parameters (tuples become lists, mappings dicts)."""
        out: dict[str, Any] = {}
        for key, threshold in self.thresholds.items():
            value = threshold.value
            if isinstance(value, tuple):
                out[key] = list(value)
            elif isinstance(value, Mapping):
                out[key] = dict(value)
            else:
                out[key] = value
        return out


class _Facts(dict[str, Any]):
    """Facts for a reason template: lists read as "a, b, c", a missing fact as "?"."""

    def __missing__(self, key: str) -> str:
        return "?"


def _shown(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value[:5]) + (" …" if len(value) > 5 else "")
    if isinstance(value, float):  # Dutch decimal comma: 11,8 m²
        return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return value


def reason(indicator: Indicator, facts: Mapping[str, Any]) -> str:
    """The indicator's Dutch reason sentence for one subject."""
    return indicator.reason.format_map(_Facts({k: _shown(v) for k, v in facts.items()}))
