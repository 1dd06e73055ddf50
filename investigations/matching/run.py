"""`speurnet match`: address matching, person matching, canonical persons, and the run record.

A run is incremental unless asked otherwise: persons touched by loads the last run did not see
are scored again (with everyone they share a blocking key with), address mentions from those
loads and every still unresolved mention are matched again; everything else keeps its judgement.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from graph.db import Graph
from graph.terms import Judgement
from investigations.matching import persons, store
from investigations.matching.addresses import AddressResult
from investigations.matching.judgements import resolve

Progress = Callable[[str], None]


@dataclass
class Unresolved:
    """An address mention left without a positive match, and why."""

    record: str
    text: str
    candidate: str | None
    reason: str


@dataclass
class MatchSummary:
    """What one run did."""

    run_id: str
    full: bool
    persons: int = 0  # person records scored again
    pairs: int = 0  # candidate pairs compared
    positive: int = 0
    unsure: int = 0
    removed: int = 0
    canonical_changed: int = 0
    addresses: int = 0  # address mentions matched in this run
    resolved: int = 0
    unresolved: list[Unresolved] = field(default_factory=list)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        """A readable summary for the command line."""
        kind = "full" if self.full else "incremental"
        out = [f"Match run {self.run_id} ({kind}, {self.seconds:.1f} s):",
               (f"  persons: {self.persons} records scored, {self.pairs} candidate pairs, "
                f"{self.positive} positive, {self.unsure} unsure, {self.removed} stale pairs "
                f"removed, {self.canonical_changed} canonical keys changed"),
               (f"  addresses: {self.addresses} mentions matched, {self.resolved} resolved, "
                f"{len(self.unresolved)} left for review")]
        out += [f"    {u.record}: {u.text!r}: {u.reason}" for u in self.unresolved]
        return out


def _now() -> datetime:
    return datetime.now(UTC)


def match_addresses(graph: Graph, new_loads: set[str] | None, run_id: str, at: datetime,
                    summary: MatchSummary) -> None:
    """Match free-text address mentions that are new, changed or still unresolved."""
    mentions = store.read_mentions(graph, new_loads)
    todo_holders = {(m.holder, m.id) for m in mentions if m.dirty or not m.resolved}
    # A company's rows are written together, so all of them are matched when one is due.
    todo = [m for m in mentions if (m.holder, m.id) in todo_holders]
    if not todo:
        return
    index = store.address_index(graph)
    results: list[tuple[store.Mention, AddressResult]] = []
    for mention in todo:
        result = index.match(mention.text)
        results.append((mention, result))
        if result.judgement == Judgement.POSITIVE:
            summary.resolved += 1
        else:
            summary.unresolved.append(Unresolved(
                f"{mention.source}#{mention.record}:address", mention.text, result.key,
                result.reason))
    summary.addresses = len(todo)
    store.write_address_results(graph, results, run_id, at)


def match_persons(graph: Graph, dirty_loads: list[str] | None, run_id: str, at: datetime,
                  summary: MatchSummary) -> None:
    """Score candidate pairs touching changed persons and store them as SAME_AS."""
    records, reference = store.read_persons(graph)
    dirty = None if dirty_loads is None else store.dirty_persons(graph, dirty_loads)
    if not records or dirty == set():
        return
    by_key = {p.key: p for p in (*reference, *records)}
    model = persons.build_model(records, reference)
    pairs = persons.candidate_pairs(records, reference, dirty)
    scored = persons.score_pairs(model, pairs, by_key)
    summary.pairs = len(pairs)
    summary.persons = len(records) if dirty is None else len(dirty & {r.key for r in records})
    summary.positive = sum(s.judgement == Judgement.POSITIVE for s in scored)
    summary.unsure = len(scored) - summary.positive
    store.write_pairs(graph, scored, run_id, at)
    touched = [r.key for r in records] if dirty is None else sorted(dirty)
    summary.removed = store.prune_pairs(graph, touched, scored)


def refresh_canonical(graph: Graph) -> int:
    """Derive canonical persons from all judgements and write what changed.

    BRP persons outside every judgement are set to themselves in Neo4j first; only the persons
    a judgement can concern are read and resolved here."""
    graph.autocommit("matching/canonical_default")
    current = store.read_person_keys(graph)
    resolutions = resolve(current, store.read_edges(graph))
    return store.write_resolutions(graph, resolutions.values(), current)


def run(graph: Graph, full: bool = False) -> MatchSummary:
    """Run entity resolution; incremental after the last run unless `full`."""
    started = time.perf_counter()
    at = _now()
    run_id = at.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    state = graph.read("matching/state")[0]
    loads = list(state["loads"])
    new_loads = [load for load in loads if load not in set(state["covered"])]
    full = full or state["lastRun"] is None
    summary = MatchSummary(run_id, full)
    # Addresses first: the address a signal is about is evidence for the person it names.
    match_addresses(graph, None if full else set(new_loads), run_id, at, summary)
    match_persons(graph, None if full else new_loads, run_id, at, summary)
    summary.canonical_changed = refresh_canonical(graph)
    summary.seconds = time.perf_counter() - started
    graph.write("matching/run_write", key=f"match:{run_id}", startedAt=at, finishedAt=_now(),
                loadIds=loads, full=full, persons=summary.persons, pairs=summary.pairs,
                positive=summary.positive, unsure=summary.unsure, addresses=summary.resolved,
                unresolved=len(summary.unresolved))
    return summary


def is_due(graph: Graph) -> bool:
    """True when a load happened that no match run has covered yet."""
    state = graph.read("matching/state")[0]
    if state["lastRun"] is None:
        return bool(state["loads"])
    return any(load not in set(state["covered"]) for load in state["loads"])


def ensure_matched(graph: Graph) -> MatchSummary | None:
    """Run matching when it has not run since the last load (for `speurnet analyze`)."""
    return run(graph) if is_due(graph) else None
