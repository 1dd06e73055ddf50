"""An in-memory graph with the normal load's MERGE semantics, for the bulk path.

The load statements (cypher/load/*.cypher) create a node or relationship once per key, set some
properties only on creation, and write the others (with fresh provenance) only when one of them
differs. `Store` does the same in Python, so a folder shaped here becomes the very graph the
statements would have written, ready to be written as `neo4j-admin database import` files.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

Props = dict[str, Any]
# A node by label and the value of its key property, e.g. ("Address", "0999200208453260").
Ref = tuple[str, Any]
# A relationship by type, both ends and the values of its key properties (in statement order).
RelKey = tuple[str, Ref, Ref, tuple[Any, ...]]

# The key property of every label the load statements merge on.
NODE_KEYS = {
    "Address": "nummeraanduidingId", "Building": "pandId", "Neighbourhood": "buurtcode",
    "Person": "key", "Company": "kvkNumber", "Permit": "permitId", "Signal": "signalId",
    "Case": "caseId", "UtilityUse": "key", "NeighbourhoodFigure": "key",
}


def differs(props: Props, new: Props) -> bool:
    """The statements' test: any value that differs, a missing value counting as null."""
    return any(props.get(k) != v for k, v in new.items())


def apply(props: Props, new: Props) -> None:
    """`SET n += new`: a null value removes the property."""
    for k, v in new.items():
        if v is None:
            props.pop(k, None)
        else:
            props[k] = v


def given(values: Props) -> Props:
    """`ON CREATE SET` of possibly-null values: a null sets nothing."""
    return {k: v for k, v in values.items() if v is not None}


@dataclass
class Store:
    """Nodes per label and key; relationships per type, ends and key properties."""

    nodes: dict[str, dict[Any, Props]] = field(default_factory=lambda: defaultdict(dict))
    rels: dict[RelKey, Props] = field(default_factory=dict)
    # Addresses created as outside the loaded area, per source file.
    outside: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def node(self, label: str, key: Any, prov: Props, on_create: Props | None = None) -> Props:
        """MERGE (n:label {key}) ON CREATE SET on_create, provenance."""
        found = self.nodes[label].get(key)
        if found is None:
            found = {NODE_KEYS[label]: key, **given(on_create or {}), **prov}
            self.nodes[label][key] = found
            if label == "Address" and found.get("outsideArea"):
                self.outside[prov["source"]] += 1
        return found

    def find(self, label: str, key: Any) -> Props | None:
        return self.nodes[label].get(key)

    def upsert(self, label: str, key: Any, prov: Props, props: Props,
               on_create: Props | None = None) -> Props:
        """A merged node whose `props` are written, with provenance, only when one differs."""
        found = self.node(label, key, prov, on_create)
        update(found, props, prov)
        return found

    def address(self, nid: str, prov: Props) -> Props:
        """An address by BAG key; a key outside the loaded BAG becomes an `outsideArea` address."""
        return self.node("Address", nid, prov, {"key": "adres:" + nid, "outsideArea": True})

    def company(self, kvk: str, prov: Props) -> Props:
        """A company by KvK number, known only by reference until its own row arrives."""
        return self.node("Company", kvk, prov, {"key": "kvk:" + kvk, "referenceOnly": True})

    def reference_person(self, bsn: str, prov: Props) -> Props:
        """A person named by BSN in another registry than the BRP."""
        return self.node("Person", "bsn:" + bsn, prov, {"bsn": bsn, "registry": "reference"})

    def rel(self, kind: str, start: Ref, end: Ref, prov: Props, keys: Props | None = None,
            on_create: Props | None = None) -> Props:
        """MERGE (start)-[r:kind {keys}]->(end) ON CREATE SET on_create, provenance."""
        keys = keys or {}
        ident = (kind, start, end, tuple(keys.values()))
        found = self.rels.get(ident)
        if found is None:
            found = {**given(keys), **given(on_create or {}), **prov}
            self.rels[ident] = found
        return found


def update(found: Props, props: Props, prov: Props) -> bool:
    """Write `props` and provenance when any value differs; True when it did."""
    if differs(found, props):
        apply(found, props)
        found.update(prov)
        return True
    return False


def ref(label: str, props: Props) -> Ref:
    """The reference of a stored node."""
    return (label, props[NODE_KEYS[label]])
