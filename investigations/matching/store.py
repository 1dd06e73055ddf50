"""Reading matching's inputs from the graph and writing its judgements back (named Cypher only)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from graph.db import Graph, Row
from graph.terms import Judgement
from investigations.matching.addresses import AddressIndex, AddressResult, bag_address
from investigations.matching.judgements import Edge, Resolution
from investigations.matching.names import from_parts, parse_full
from investigations.matching.persons import PersonRecord, Scored


def person_record(row: Row) -> PersonRecord:
    """A graph row as a PersonRecord: name from its parts, or parsed from the full name."""
    if row.get("surname"):
        name = from_parts(row.get("firstNames"), row.get("prefix"), row.get("surname"))
    else:
        name = parse_full(row.get("fullName"))
    birth = row.get("birthDate")
    return PersonRecord(row["key"], row.get("registry") or "", name,
                        birth if isinstance(birth, date) else None,
                        frozenset(a for a in row.get("addresses") or [] if a))


def read_persons(graph: Graph) -> tuple[list[PersonRecord], list[PersonRecord]]:
    """(record persons, BRP persons)."""
    records = [person_record(r) for r in graph.read("matching/record_persons")]
    reference = [person_record(r) for r in graph.read("matching/reference_persons")]
    return records, reference


def dirty_persons(graph: Graph, load_ids: list[str]) -> set[str]:
    """Keys of persons that the given loads created or touched."""
    return {r["key"] for r in graph.read("matching/dirty_persons", loadIds=load_ids)}


def write_pairs(graph: Graph, scored: list[Scored], run_id: str, at: datetime) -> int:
    """Store machine judgements as SAME_AS; returns how many were written."""
    rows = ({"left": s.left, "right": s.right, "score": round(s.score, 6),
             "judgement": s.judgement, "reasons": list(s.reasons)} for s in scored)
    return sum(a.get("written", 0) for a in graph.write_batches(
        "matching/same_as_write", rows, runId=run_id, at=at))


def prune_pairs(graph: Graph, keys: Iterable[str], keep: Iterable[Scored]) -> int:
    """Remove machine pairs touching `keys` that are not in `keep`."""
    kept = [f"{s.left}|{s.right}" for s in keep]
    return int(graph.write("matching/same_as_prune", keys=list(keys), keep=kept)[0]["removed"])


def read_edges(graph: Graph) -> list[Edge]:
    return [Edge(r["left"], r["right"], r["judgement"] or Judgement.UNSURE, r["score"], r["by"])
            for r in graph.read("matching/same_as_edges")]


def read_person_keys(graph: Graph) -> dict[str, Row]:
    return {r["key"]: r for r in graph.read("matching/person_keys")}


def write_resolutions(graph: Graph, resolutions: Iterable[Resolution],
                      current: dict[str, Row]) -> int:
    """Write canonical keys and record resolutions that changed; returns how many."""
    rows = []
    for res in resolutions:
        now = current.get(res.key, {})
        if (now.get("canonical"), now.get("judgement"), now.get("score"), now.get("candidate")) != (
                res.canonical, res.judgement, res.score, res.candidate):
            rows.append({"key": res.key, "canonical": res.canonical, "judgement": res.judgement,
                         "score": res.score, "candidate": res.candidate})
    for _ in graph.write_batches("matching/canonical_write", rows):
        pass
    return len(rows)


def address_index(graph: Graph) -> AddressIndex:
    """The loaded BAG, indexed for address matching."""
    return AddressIndex(bag_address(r["key"], r["street"], r["number"], r["letter"],
                                    r["addition"], r["postcode"], r["city"])
                        for r in graph.read("matching/bag_addresses"))


@dataclass(frozen=True)
class Mention:
    """One free-text address in a source row that gave no BAG key."""

    holder: str  # signal or company
    id: str  # signalId or kvkNumber
    source: str
    record: int
    establishment: str  # KvK vestigingsnummer ('' when none); '' for signals
    text: str
    resolved: bool  # the loader or an earlier run already linked it
    dirty: bool  # its row came with a load matching has not seen


def read_mentions(graph: Graph, new_loads: set[str] | None) -> list[Mention]:
    """Address mentions to (re)match; `new_loads` None means every one."""
    out = []
    for row in graph.read("matching/address_mentions"):
        dirty = new_loads is None or row["loadId"] in new_loads
        for entry in row["mentions"]:
            parts = entry.split("\t")
            if row["holder"] == "signal":
                source, record, text, establishment = parts[0], parts[1], parts[2], ""
                resolved = bool(row["methods"])
            else:
                source, record, text = parts[1], parts[2], parts[3]
                establishment = parts[0].split("|")[1] if "|" in parts[0] else ""
                resolved = int(record) in (row["methods"] or [])
            out.append(Mention(row["holder"], row["id"], source, int(record), establishment,
                               text, resolved, dirty))
    return out


def write_address_results(graph: Graph, results: list[tuple[Mention, AddressResult]],
                          run_id: str, at: datetime) -> None:
    """Store address judgements per holder (a company's rows together, as one statement)."""
    signals = []
    companies: dict[str, list[Row]] = {}
    for mention, result in results:
        row = {"record": mention.record, "text": mention.text, "key": result.key,
               "score": round(result.score, 6), "judgement": result.judgement or Judgement.UNSURE,
               "reason": result.reason, "source": mention.source,
               "establishment": mention.establishment}
        if mention.holder == "signal":
            signals.append({"id": mention.id, **row})
        else:
            companies.setdefault(mention.id, []).append(row)
    for _ in graph.write_batches("matching/address_signal_write", signals, runId=run_id, at=at):
        pass
    rows = [{"id": kvk, "mentions": mentions} for kvk, mentions in companies.items()]
    for _ in graph.write_batches("matching/address_company_write", rows, runId=run_id, at=at):
        pass
