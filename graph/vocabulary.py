"""Tables derived from the graph model (graph/model/), so nothing is listed twice.

- which properties identify a person, per label and relationship type (`identifying`);
- which labels, relationship types and properties a source file supplies (`sources_of`);
- which labels and types are application records (never analyst data).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from neomodel import StructuredNode, StructuredRel
from neomodel.properties import Property

from graph import model


@dataclass(frozen=True)
class Element:
    """One label or relationship type of the model and its declared properties."""

    name: str
    relationship: bool
    properties: dict[str, Property[Any]]

    def identifying(self) -> frozenset[str]:
        return frozenset(n for n, p in self.properties.items() if getattr(p, "identifying", False))

    def pseudonyms(self) -> frozenset[str]:
        return frozenset(n for n, p in self.properties.items() if getattr(p, "pseudonym", False))

    def sources(self, prop: str | None = None) -> tuple[str, ...]:
        """Source stems that supply this element (or one property of it); () when many do."""
        if prop is not None and (own := getattr(self.properties.get(prop), "sources", None)):
            return tuple(own)
        return model.SUPPLIED_BY.get(self.name, ())

    @property
    def application(self) -> bool:
        names = model.APPLICATION_TYPES if self.relationship else model.APPLICATION_LABELS
        return self.name in names


def _properties(cls: type[StructuredNode | StructuredRel]) -> dict[str, Property[Any]]:
    return dict(cls.defined_properties(aliases=False, rels=False))


@lru_cache(maxsize=1)
def elements() -> dict[str, Element]:
    """Every label and relationship type of the model, by name (a relationship type used with
    several models gets the union of their properties)."""
    found: dict[str, Element] = {}
    for cls in model.NODE_CLASSES:
        found[cls.__name__] = Element(cls.__name__, False, _properties(cls))
        for rel in cls.defined_properties(aliases=False, properties=False, rels=True).values():
            kind = rel.definition["relation_type"]
            props = _properties(rel.definition["model"] or StructuredRel)
            before = found.get(kind)
            found[kind] = Element(kind, True, {**(before.properties if before else {}), **props})
    return found


def labels() -> frozenset[str]:
    return frozenset(e.name for e in elements().values() if not e.relationship)


def types() -> frozenset[str]:
    return frozenset(e.name for e in elements().values() if e.relationship)


@lru_cache(maxsize=1)
def identifying() -> dict[str, frozenset[str]]:
    """Label or type -> its properties that identify a person (pseudonym keys included)."""
    return {name: e.identifying() for name, e in elements().items() if e.identifying()}


@lru_cache(maxsize=1)
def identifying_names() -> frozenset[str]:
    """Every property name that identifies a person on some label or type."""
    return frozenset().union(*identifying().values())


def holders(prop: str) -> list[Element]:
    """The labels and types that declare a property of this name."""
    return [e for e in elements().values() if prop in e.properties]
