"""Canonical persons derived from SAME_AS judgements, without ever merging records.

Clusters grow by union-find over positive judgements, strongest evidence first: an analyst's
confirmations, then the machine's record -> BRP links by score, then record <-> record links.
Rules that keep precision: two BRP persons (two BSNs) never share a cluster; a negative judgement
keeps its two persons apart for good; a machine link between two records only joins clusters
that hold no BRP person (a record joins a BRP person only by its own direct link). A cluster's
canonical key is its BRP person's `bsn:` key, else its smallest `person:` key.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from graph.terms import Judgement

MACHINE = "speurnet"


class JudgementError(ValueError):
    """A judgement that cannot be made (unknown key, two BRP persons, a person with itself)."""


def is_reference(key: str) -> bool:
    """True for a BRP (registry) person key."""
    return key.startswith("bsn:")


def pair_order(a: str, b: str) -> tuple[str, str]:
    """The direction a SAME_AS pair is stored in: record -> BRP person, else lower -> higher key."""
    if a == b:
        raise JudgementError(f"{a} is the same record on both sides")
    if is_reference(a) and is_reference(b):
        raise JudgementError(f"{a} and {b} are two BRP persons with their own BSN: never one person")
    if is_reference(a):
        return b, a
    if is_reference(b):
        return a, b
    return (a, b) if a < b else (b, a)


@dataclass(frozen=True)
class Edge:
    """One stored judgement."""

    left: str
    right: str
    judgement: str
    score: float | None
    by: str | None

    @property
    def analyst(self) -> bool:
        return (self.by or MACHINE) != MACHINE


@dataclass(frozen=True)
class Resolution:
    """Where one person ended up: its canonical key and, for a record, how it got there."""

    key: str
    canonical: str
    judgement: str | None = None
    score: float | None = None
    candidate: str | None = None


class _Clusters:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}
        self.members = {k: {k} for k in self.parent}
        self.reference = {k: (k if is_reference(k) else None) for k in self.parent}
        self.apart: dict[str, set[str]] = defaultdict(set)

    def root(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def forbid(self, a: str, b: str) -> None:
        self.apart[a].add(b)
        self.apart[b].add(a)

    def can_join(self, x: str, y: str, machine_records: bool) -> bool:
        rx, ry = self.root(x), self.root(y)
        if rx == ry:
            return False
        if self.reference[rx] and self.reference[ry]:
            return False
        if machine_records and (self.reference[rx] or self.reference[ry]):
            return False
        small, large = sorted((rx, ry), key=lambda r: len(self.members[r]))
        return not any(self.apart[m] & self.members[large] for m in self.members[small])

    def join(self, x: str, y: str) -> None:
        rx, ry = self.root(x), self.root(y)
        if len(self.members[rx]) < len(self.members[ry]):
            rx, ry = ry, rx
        self.parent[ry] = rx
        self.members[rx] |= self.members.pop(ry)
        self.reference[rx] = self.reference[rx] or self.reference[ry]

    def canonical(self, key: str) -> str:
        root = self.root(key)
        return self.reference[root] or min(self.members[root])


def _order(edge: Edge) -> tuple[int, float]:
    if edge.analyst:
        rank = 0
    elif is_reference(edge.right):
        rank = 1
    else:
        rank = 2
    return rank, -(edge.score or 0.0)


def resolve(keys: Iterable[str], edges: Iterable[Edge]) -> dict[str, Resolution]:
    """Canonical key of every person, and for record persons the judgement that decided it."""
    clusters = _Clusters(keys)
    edges = [e for e in edges if e.left in clusters.parent and e.right in clusters.parent]
    for edge in edges:
        if edge.judgement == Judgement.NEGATIVE:
            clusters.forbid(edge.left, edge.right)
    linked_by: dict[str, float] = {}
    for edge in sorted((e for e in edges if e.judgement == Judgement.POSITIVE), key=_order):
        machine_records = not edge.analyst and not is_reference(edge.right)
        if clusters.can_join(edge.left, edge.right, machine_records):
            clusters.join(edge.left, edge.right)
            score = 1.0 if edge.analyst else (edge.score or 0.0)
            for side in (edge.left, edge.right):
                linked_by[side] = max(linked_by.get(side, 0.0), score)
    best: dict[str, Edge] = {}
    for edge in edges:
        for side in (edge.left, edge.right):
            current = best.get(side)
            if not is_reference(side) and (current is None or _rank(edge) > _rank(current)):
                best[side] = edge
    out: dict[str, Resolution] = {}
    for key in clusters.parent:
        canonical = clusters.canonical(key)
        if is_reference(key):
            out[key] = Resolution(key, canonical)
            continue
        decisive = best.get(key)
        other = None if decisive is None else (
            decisive.right if decisive.left == key else decisive.left)
        if key in linked_by:
            out[key] = Resolution(key, canonical, Judgement.POSITIVE, round(linked_by[key], 6), other)
        elif decisive is not None and decisive.judgement == Judgement.NEGATIVE:
            out[key] = Resolution(key, canonical, Judgement.NEGATIVE, 1.0, other)
        elif decisive is not None:
            # Unsure (or a positive that a rule held back): the record stays its own person,
            # as sure of that as the candidate is unlikely.
            doubt = round(1.0 - (decisive.score or 0.0), 6)
            out[key] = Resolution(key, canonical, Judgement.UNSURE, doubt, other)
        else:
            out[key] = Resolution(key, canonical, Judgement.POSITIVE, 1.0, None)
    return out


def _rank(edge: Edge) -> tuple[int, float]:
    # For reporting the decisive candidate: a person's rejection, then the likeliest pair.
    return (1 if edge.judgement == Judgement.NEGATIVE and edge.analyst else 0, edge.score or 0.0)
