"""Names for the keys a page quotes: flag reasons and evidence, predictions and a network's key
figures name persons, addresses and companies by key (`bsn:…`, `adres:…`, `kvk:…`). These
rows go out with the view, through `release`, so a person is named only where the user may see
identities (a pseudonym otherwise) and a name from a closed source is withheld."""

from __future__ import annotations

import json
import re
from typing import Any, TypedDict

from graph.db import Graph
from investigations.explore import nodes

QUOTED_KEY = re.compile(r"(?:adres|bsn|person|kvk):[\w.\-]+")
MAX_NAMES = 200  # a page names at most this many quoted entities; the rest keep their key


class QuotedName(TypedDict):
    """A quoted entity as a page names it: public id, kind, label and the source it came from."""

    id: str
    kind: str
    label: str
    source: dict[str, Any] | None


def quoted_keys(value: Any) -> set[str]:
    """The keys of persons, addresses and companies anywhere in a value (texts, JSON text)."""
    return set(QUOTED_KEY.findall(json.dumps(value, default=str)))


def names_of(graph: Graph, keys: set[str]) -> list[QuotedName]:
    """id, kind, label and source of each quoted entity that exists (at most MAX_NAMES)."""
    wanted = sorted(keys)[:MAX_NAMES]
    if not wanted:
        return []
    found = [nodes.node(r["labels"], r["props"])
             for r in graph.read("pages/entity_names", keys=wanted)]
    return [{"id": n["id"], "kind": n["kind"], "label": n["label"], "source": n["source"]}
            for n in found]


def named(text: str, names: dict[str, str]) -> str:
    """Text with the keys it quotes replaced by the names given (others stay as they are)."""
    return QUOTED_KEY.sub(lambda found: names.get(found[0], found[0]), text)
