"""The entity a watch, note or outcome is about: addressed by public id, checked to exist and to
be visible to the user, and described in words for notification messages."""

from __future__ import annotations

from dataclasses import dataclass

from graph.db import Graph, Row
from investigations.access.gate import resolve_key
from investigations.access.scope import Scope
from investigations.errors import BadParameter, NotFound
from investigations.explore import nodes

# What can be watched, annotated and given an outcome (a pseudonym resolves to bsn: or person:).
PREFIXES = ("adres", "bsn", "person", "kvk", "netwerk")
NOUNS = {"Address": "adres", "Person": "persoon", "Company": "bedrijf", "Network": "netwerk"}


@dataclass(frozen=True)
class Entity:
    """One address, person, company or network as collaboration records point at it."""

    key: str  # the node's `key` (a network's is `<runId>|<networkId>`)
    public_id: str  # adres:…, bsn:…/person:…, kvk:…, netwerk:<networkId>
    kind: str
    label: str

    def node(self) -> Row:
        """As a node reference in responses (masking turns a person's id and label to a pseudonym)."""
        return {"id": self.public_id, "kind": self.kind, "label": self.label}

    def words(self) -> str:
        """How a message names it. A person by key only: a stored message is never masked for
        names, while a key in it is turned into the reader's pseudonym."""
        noun = NOUNS.get(self.kind, "entiteit")
        if self.kind in ("Person", "Network") or self.label in ("", self.public_id):
            return f"{noun} {self.public_id}"
        return f"{noun} {self.label} ({self.public_id})"


def from_row(row: Row) -> Entity:
    """An entity from a row with `key`, `networkId`, `labels` and `label` (collab queries)."""
    kind = nodes.kind_of(row.get("labels") or [])
    public = f"netwerk:{row['networkId']}" if kind == "Network" else str(row["key"])
    return Entity(str(row["key"]), public, kind, str(row.get("label") or public))


def resolve(graph: Graph, scope: Scope, public_id: str, name: str = "key") -> Entity:
    """The entity behind a public id, or NotFound when it does not exist or its source is not
    open to the user (the same answer, so a refusal tells nothing)."""
    real = resolve_key(graph, scope, public_id.strip(), name)
    prefix = real.partition(":")[0]
    if prefix not in PREFIXES:
        raise BadParameter(name, f"{public_id!r} is not an address, person, company or network "
                                 "key (adres:…, bsn:…, person:…, pseudo:…, kvk:…, netwerk:…)")
    params = nodes.lookup(real, name)
    rows = graph.read("collab/entity", key=params["key"], networkId=params["networkId"])
    if not rows or not scope.sees(scope.sources.info(rows[0]["source"], rows[0]["loadId"])):
        raise NotFound(f"{public_id} not found")
    return from_row(rows[0])
