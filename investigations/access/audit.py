"""The audit log: who saw which entity, ran which investigation, exported what, and why.

Append-only: the application has statements to add and read entries, none to change or delete
one. Each entry carries the hash of the entry before it (`prev`) and its own, an HMAC over its
canonical JSON with a key outside the database (`hash`, see audit_chain), and the chain's end is
anchored in a file beside that key, so an entry changed or removed behind the application's back
shows (`speurnet audit verify`), even when the hashes in Neo4j were recomputed. Entries are written before the response leaves: a request whose entry
cannot be written gets no data.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any, TextIO

from graph.db import Graph
from investigations.access import audit_chain
from investigations.access.audit_batch import batcher
from investigations.access.mask import disclose
from investigations.access.scope import Scope
from investigations.cells import neutralise

MAX_SUBJECTS = 1000  # person keys per entry; a bigger result is noted as truncated
PAGE = 5000
COLUMNS = ("seq", "at", "user", "role", "purpose", "action", "target", "identities", "params",
           "subjects", "hash")


def record(graph: Graph, scope: Scope, action: str, target: str | None = None,
           params: dict[str, Any] | None = None, subjects: Iterable[str] = ()) -> int:
    """Append one entry; returns its sequence number."""
    shown = sorted(set(subjects))
    at = datetime.now(UTC)
    entry: dict[str, Any] = {
        "at": at.isoformat(timespec="microseconds"),
        "user": scope.user, "role": scope.role, "purpose": scope.purpose, "action": action,
        "target": target, "params": params or {}, "identities": scope.identities,
        "reidentified": scope.reidentified, "subjects": shown[:MAX_SUBJECTS],
        "subjectsTotal": len(shown),
    }
    payload = json.dumps(entry, sort_keys=True, ensure_ascii=False, default=str)
    return batcher(graph).append(graph, {
        "at": at, "user": scope.user, "role": scope.role, "purpose": scope.purpose,
        "action": action, "target": target, "subjects": entry["subjects"], "payload": payload})


def entries(graph: Graph, since: date | None = None, user: str | None = None,
            subject: str | None = None) -> Iterator[dict[str, Any]]:
    """Every entry in order (paged, so a long log is never held at once)."""
    start = datetime.combine(since, datetime.min.time(), UTC) if since else None
    seq = 0
    while True:
        page = graph.read("access/audit_entries", fromSeq=seq + 1, since=start, user=user,
                          subject=subject, limit=PAGE)
        for row in page:
            payload = json.loads(row["payload"])
            yield {**row, "identities": payload.get("identities"),
                   "params": payload.get("params"), "reidentified": payload.get("reidentified")}
        if len(page) < PAGE:
            return
        seq = page[-1]["seq"]


def verify(graph: Graph) -> tuple[int, list[str]]:
    """Walk the chain, checking each entry's HMAC (SHA-256 before the key existed) and the end
    against the anchor file: (entries checked, problems found)."""
    home = audit_chain.home_of(graph)
    secret, anchor = audit_chain.key(home), audit_chain.read_anchor(home)
    problems: list[str] = []
    hmac_from: float = anchor.hmacFrom if anchor else 1 if secret else math.inf
    if anchor is None and secret is not None:
        problems.append(f"the anchor {audit_chain.anchor_path(home)} is missing: restore it from "
                        "the last backup")
    if secret is None and hmac_from != math.inf:
        problems.append(f"the audit key {home / audit_chain.KEY_FILE} is missing: HMACs are not "
                        "checked")
    prev, expected, count, anchored = "", 1, 0, None
    for row in entries(graph):
        count += 1
        if row["seq"] != expected:
            problems.append(f"entry {expected} is missing (next is {row['seq']})")
        if row["seq"] < hmac_from:
            digest = audit_chain.legacy(prev, row["seq"], row["payload"])
        else:
            digest = audit_chain.mac(secret, prev, row["seq"], row["payload"]) if secret \
                else row["hash"]
        if row["prev"] != prev or row["hash"] != digest:
            problems.append(f"entry {row['seq']} was changed (its HMAC does not match)")
        if anchor is not None and row["seq"] == anchor.seq:
            anchored = row["hash"]
        prev, expected = row["hash"], row["seq"] + 1
    head = graph.read("access/audit_head")[0]
    if head["seq"] != expected - 1 or head["hash"] != prev:
        problems.append(f"the log ends at {expected - 1} but its head says {head['seq']}")
    if anchor is not None and anchor.seq > expected - 1:
        problems.append(f"the log ends at entry {expected - 1} but {audit_chain.anchor_path(home)} "
                        f"says it reached {anchor.seq}: entries were removed from the end")
    elif anchor is not None and anchored != anchor.hash:
        problems.append(f"entry {anchor.seq} was changed (it is not the entry anchored in "
                        f"{audit_chain.anchor_path(home)})")
    return count, problems


def export(graph: Graph, out: TextIO, fmt: str = "csv", since: date | None = None,
           user: str | None = None,
           shown: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> int:
    """Write the log as CSV or JSON lines (`shown` masks each row for a reader without
    identities); returns the count."""
    count = 0
    writer = csv.writer(out, lineterminator="\n") if fmt == "csv" else None
    if writer:
        writer.writerow(COLUMNS)
    for row in entries(graph, since, user):
        count += 1
        values = {c: row.get(c) for c in COLUMNS}
        if shown is not None:
            masked = shown(values)
            values = {c: masked.get(c) for c in COLUMNS}
        if writer:
            writer.writerow([neutralise("|".join(v)) if isinstance(v, list) else
                             neutralise(json.dumps(v, ensure_ascii=False, default=str))
                             if isinstance(v, dict) else "" if v is None else neutralise(v)
                             for v in values.values()])
        else:
            out.write(json.dumps(values, ensure_ascii=False, default=str) + "\n")
    return count


def read(graph: Graph, scope: Scope, since: date | None, user: str | None,
         limit: int) -> list[dict[str, Any]]:
    """Entries for someone allowed to read the audit log; the reading itself is logged."""
    scope.require("audit")
    found = []
    for row in entries(graph, since, user):
        found.append({c: row.get(c) for c in COLUMNS})
        if len(found) >= limit:
            break
    record(graph, scope, "audit-read", None, {"since": since, "user": user, "limit": limit})
    # The log names persons (whom a user saw); a reader without identities sees pseudonyms.
    visible: list[dict[str, Any]] = disclose(found, scope).payload  # a list comes back as a list
    return visible


def export_as(graph: Graph, scope: Scope, out: TextIO, fmt: str, since: date | None) -> int:
    """`export` for a user allowed to read the audit log, logged as an export."""
    scope.require("audit")
    record(graph, scope, "audit-export", None, {"since": since, "format": fmt})
    return export(graph, out, fmt, since, shown=lambda row: disclose(row, scope).payload)
