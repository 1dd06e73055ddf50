"""Data subjects' rights and retention: re-identification, access requests, the retention purge.

Built on lawful use (access/) and the entity views (explore/), so it sits above both.

Retention (from `bronnen.yml`, per source file) counts from a fact's own end: a registration, role
or ownership from its end date, a signal from its date, a case from its end, a permit from its
last valid day. A source no longer delivered expires as a whole once its last delivery is older
than the retention period. Facts still current in a delivered source never expire.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from graph.db import Graph, Row
from graph.provenance import retention_days
from investigations.access import audit
from investigations.access.scope import Scope
from investigations.access.sources import read_sources
from investigations.errors import BadParameter, NotFound
from investigations.explore import nodes

EVERYTHING = 1_000_000  # an access request lists every link, not a page of them
SECTIONS = {"REGISTERED_AT": "registrations", "OFFICER_OF": "roles", "OWNS": "ownership",
            "HELD_BY": "permits", "ABOUT": "signals", "CONCERNS": "cases", "SAME_AS": "matches"}


def reidentify(graph: Graph, scope: Scope, pseudonym: str) -> Row:
    """The person key behind a pseudonym, for a role allowed to re-identify, logged as such."""
    scope.require("reidentify")
    scope.require_purpose("Re-identifying a pseudonym")
    key = scope.pseudonyms.resolve(graph, pseudonym)
    audit.record(graph, scope, "reidentify", key, {"pseudonym": pseudonym}, [key])
    return {"pseudonym": pseudonym, "key": key}


def person_report(graph: Graph, scope: Scope, key: str) -> Row:
    """Everything held on one person (an AVG access request): every record of the canonical
    person, registrations, roles, ownership, permits, signals, cases, notes, matches, flags, the
    app's case files and alerts, and the audit entries of who saw them."""
    real = scope.pseudonyms.resolve(graph, key) if key.startswith("pseudo:") else key
    if not real.startswith(("bsn:", "person:")):
        raise BadParameter("key", f"{key!r} is not a person key (bsn:…, person:…, pseudo:…)")
    rows = graph.read("api/entity", **nodes.lookup(real), limit=EVERYTHING, offset=0)
    if not rows:
        raise NotFound(f"no person {key}")
    row = rows[0]
    records = [nodes.node(row["labels"], row["props"])]
    records += [nodes.node(r["labels"], r["props"]) for r in row["records"]]
    report: dict[str, Any] = {"person": real, "records": records,
                              **{s: [] for s in (*SECTIONS.values(), "notes", "other")}}
    for link in row["links"]:
        other = nodes.node(link["labels"], link["props"])
        section = "notes" if other["kind"] == "Note" else SECTIONS.get(link["type"], "other")
        report[section].append({"type": link["type"], "record": link["via"], "node": other,
                                "relationship": nodes.split(link["rel"])[0],
                                "source": nodes.split(link["rel"])[1]})
    report["flags"] = row["flags"]
    # Case files and alerts of the app are no links of the entity view; an access request
    # lists them all the same (every team's).
    report.update(caseFiles=[], alerts=[])
    for held in graph.read("cases/held_on", keys=[r["id"] for r in records]):
        report[held.pop("section")].append(held)
    seen: dict[int, Row] = {}
    for record in records:
        for entry in audit.entries(graph, subject=record["id"]):
            seen[entry["seq"]] = {k: entry[k] for k in audit.COLUMNS if k != "hash"}
    report["audit"] = [seen[s] for s in sorted(seen)]
    audit.record(graph, scope, "access-request", real, {}, [r["id"] for r in records])
    return report


@dataclass
class PurgeReport:
    as_of: date
    dry_run: bool
    files: dict[str, Row] = field(default_factory=lambda: defaultdict(dict))


def purge(graph: Graph, scope: Scope, as_of: date | None = None,
          dry_run: bool = False) -> PurgeReport:
    """Remove every fact past its source's retention, and the nodes only those facts supported."""
    today = as_of or date.today()
    report = PurgeReport(today, dry_run)
    for file, info in read_sources(graph).latest.items():
        days = retention_days(info.retention)
        if days is None:
            continue
        cutoff = today - timedelta(days=days)
        delivered = info.loaded.date() if info.loaded else today
        whole = delivered < cutoff  # the partner stopped delivering long enough ago
        params = {"file": file, "cutoff": cutoff, "whole": whole}
        counts = graph.read("access/purge_count", **params)[0]
        entry = {"retention": info.retention, "cutoff": cutoff.isoformat(), "whole": whole,
                 **counts}
        if not dry_run and (counts["relationships"] or counts["nodes"] or whole):
            mark = uuid.uuid4().hex
            graph.autocommit("access/purge_mark", **params, mark=mark)
            if not whole:
                entry["nodes"] = graph.autocommit("access/purge_nodes", file=file,
                                                  cutoff=cutoff)[0]["removed"]
            entry["relationships"] = graph.autocommit("access/purge_relationships",
                                                      **params)[0]["removed"]
            entry["orphans"] = graph.autocommit("access/purge_orphans", file=file, whole=whole,
                                                mark=mark)[0]["removed"]
            graph.autocommit("access/purge_unmark", mark=mark)
        report.files[file] = entry
    if not dry_run:
        audit.record(graph, scope, "purge", None,
                     {"asOf": today.isoformat(), "files": dict(report.files)})
    return report
