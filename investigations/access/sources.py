"""Which partner supplied each fact and its tier, from the load log (`Load` nodes).

Every node and relationship carries `source` (the file) and `loadId`; the `Load` of that pair
says partner, tier and retention. Facts that no file supplied (matching's SAME_AS links, analysis
results) have no load and count as derived, visible to whoever may see their subjects.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graph.db import Graph
from graph.provenance import DEFAULT_PARTNER, DEFAULT_TIER

# Seconds a read of the load log is reused: loads are rare, requests are many.
CACHE_SECONDS = 10.0


@dataclass(frozen=True)
class SourceInfo:
    file: str
    partner: str
    tier: str
    retention: str | None = None
    loaded: datetime | None = None


class SourceTable:
    """Partner and tier per (loadId, file), with the latest load of each file."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.by_load: dict[tuple[str, str], SourceInfo] = {}
        self.latest: dict[str, SourceInfo] = {}
        for r in rows:  # ordered by finishedAt, so the last one per file is the latest
            info = SourceInfo(r["file"], r["partner"] or DEFAULT_PARTNER,
                              r["tier"] or DEFAULT_TIER, r["retention"], r["finishedAt"])
            self.by_load[(r["loadId"], r["file"])] = info
            self.latest[r["file"]] = info

    def info(self, file: str | None, load_id: str | None) -> SourceInfo | None:
        """The source of a fact; None for derived facts (no file supplied them)."""
        if not file:
            return None
        found = self.by_load.get((load_id or "", file)) or self.latest.get(file)
        if found is None and file.lower().endswith((".csv", ".xlsx")):
            # A file whose load log is missing (a load that crashed): the contract's default.
            return SourceInfo(file, DEFAULT_PARTNER, DEFAULT_TIER)
        return found


def read_sources(graph: Graph) -> SourceTable:
    return SourceTable(graph.read("access/sources"))


class SourceCache:
    """The load log, re-read at most every CACHE_SECONDS (one per app, so a new app reads anew)."""

    def __init__(self, seconds: float = CACHE_SECONDS) -> None:
        self.seconds = seconds
        self._at = float("-inf")
        self._table = SourceTable([])

    def get(self, graph: Graph) -> SourceTable:
        now = time.monotonic()
        if now - self._at >= self.seconds:
            self._table, self._at = read_sources(graph), now
        return self._table
