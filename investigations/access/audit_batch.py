"""Group commit for the audit log: concurrent requests share one write transaction.

Every view writes its audit entry before answering, and all entries chain through one head node,
so under concurrent users the appends queue on that lock, one commit (and disk flush) each. Here
the first request to arrive becomes the leader and writes every entry waiting at that moment in
one transaction; the others wait for that commit. Nobody answers before their entry is
committed (no entry, no data), and a failed write fails every request in its batch.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field
from typing import Any

from graph.db import Graph
from investigations.access import audit_chain

MAX_BATCH = 200


@dataclass
class _Slot:
    entry: dict[str, Any]
    done: threading.Event = field(default_factory=threading.Event)
    lead: bool = False
    seq: int | None = None
    error: BaseException | None = None


class AuditBatcher:
    """One per Graph: collects entries and writes them in order, one transaction per batch."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: list[_Slot] = []
        self._busy = False
        # The chain's end after this batcher's last write: the next batch starts from it without
        # reading the head (a write from another process moves it; the append then reads again).
        self._head: tuple[int, str] | None = None

    def append(self, graph: Graph, entry: dict[str, Any]) -> int:
        """Write `entry` (the audit_append parameters); returns its sequence number once committed."""
        slot = _Slot(entry)
        with self._lock:
            self._pending.append(slot)
            if not self._busy:
                self._busy = slot.lead = True
        if not slot.lead:
            slot.done.wait()
        if slot.lead and slot.seq is None and slot.error is None:
            self._write(graph)
        if slot.error is not None:
            raise slot.error
        assert slot.seq is not None
        return slot.seq

    def _write(self, graph: Graph) -> None:
        with self._lock:
            batch, self._pending = self._pending[:MAX_BATCH], self._pending[MAX_BATCH:]
        try:
            seqs, self._head = audit_chain.append(graph, [s.entry for s in batch], self._head)
            for slot, seq in zip(batch, seqs, strict=True):
                slot.seq = int(seq)
        except BaseException as exc:  # noqa: BLE001  every waiting request must hear of it
            self._head = None
            for slot in batch:
                slot.error = exc
        finally:
            with self._lock:
                successor = self._pending[0] if self._pending else None
                if successor is None:
                    self._busy = False
                else:
                    successor.lead = True  # the next waiting request writes the next batch
            for slot in batch:
                slot.done.set()
            if successor is not None:
                successor.done.set()


_BATCHERS: weakref.WeakKeyDictionary[Graph, AuditBatcher] = weakref.WeakKeyDictionary()
_GUARD = threading.Lock()


def batcher(graph: Graph) -> AuditBatcher:
    with _GUARD:
        found = _BATCHERS.get(graph)
        if found is None:
            found = _BATCHERS[graph] = AuditBatcher()
        return found
