"""Aggregates kept until the graph changes: until the next load or analysis run (what
`pages/freshness` reads), or a few minutes at most, computed by one request while others wait."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from graph.db import Graph

V = TypeVar("V")


class FreshCache(Generic[V]):
    """Values per key, each valid while `pages/freshness` answers the same and `seconds` last."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._values: dict[Hashable, tuple[float, Any, V]] = {}
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}  # one computation per key

    def get(self, graph: Graph, key: Hashable, compute: Callable[[], V]) -> V:
        """The kept value of `key` for this graph, or `compute()` kept anew."""
        fresh = graph.read("pages/freshness")[0]
        key = (id(graph), key)
        with self._lock:
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:
            with self._lock:
                hit = self._values.get(key)
            if hit and hit[1] == fresh and time.monotonic() < hit[0]:
                return hit[2]
            value = compute()
            with self._lock:
                self._values[key] = (time.monotonic() + self.seconds, fresh, value)
            return value
