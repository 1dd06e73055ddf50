"""The audit chain's keyed hashes and its anchor outside the database.

Each entry's hash is an HMAC-SHA256 over (previous hash, sequence number, payload) with a key
kept in the home folder (`audit.key`), so someone who can write to Neo4j but not read that file
cannot recompute a chain they changed. After every committed append the chain's end is written to
`audit-head.json` beside it (the anchor), so entries removed from the end show too. Entries
written before the key existed (plain SHA-256) are accepted up to the anchor's `hmacFrom`.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph.db import Graph
from graph.homefiles import create_secret, private_folder, replace_text
from graph.settings import get_settings
from investigations.errors import SpeurnetError

KEY_FILE = "audit.key"
ANCHOR_FILE = "audit-head.json"
# Writers in other processes that moved the head first make an append read it again; this many
# rounds of losing in a row means something is wrong, not busy.
MAX_ROUNDS = 50


class AuditBusy(SpeurnetError):
    """The audit head kept moving under an append."""


@dataclass(frozen=True)
class Anchor:
    """The end of the chain as last seen by this home: entry `seq` with `hash`."""

    seq: int
    hash: str
    hmacFrom: int  # the first entry with an HMAC; before it the older SHA-256 chain
    previous: dict[str, Any] | None = None  # the end of a log that restarted from empty


def home_of(graph: Graph) -> Path:
    return graph.home or get_settings().home


def key(home: Path, create: bool = False) -> bytes | None:
    """The audit key (created on first use when `create`), or None when there is none."""
    path = home / KEY_FILE
    if create:
        return create_secret(path, lambda: secrets.token_bytes(32))
    return path.read_bytes() if path.exists() else None


def mac(secret: bytes, prev: str, seq: int, payload: str) -> str:
    return hmac.new(secret, f"{prev}{seq}{payload}".encode(), hashlib.sha256).hexdigest()


def legacy(prev: str, seq: int, payload: str) -> str:
    """The hash of entries written before the audit key: SHA-256, anyone can recompute it."""
    return hashlib.sha256(f"{prev}{seq}{payload}".encode()).hexdigest()


def anchor_path(home: Path) -> Path:
    return home / ANCHOR_FILE


def read_anchor(home: Path) -> Anchor | None:
    try:
        data = json.loads(anchor_path(home).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return Anchor(int(data["seq"]), str(data["hash"]), int(data.get("hmacFrom", 1)),
                  data.get("previous"))


def write_anchor(home: Path, anchor: Anchor) -> None:
    replace_text(anchor_path(home), json.dumps(asdict(anchor), sort_keys=True) + "\n")


@contextmanager
def anchor_lock(home: Path) -> Iterator[None]:
    """One process at a time reads and replaces the anchor."""
    private_folder(home)
    with (home / ".audit-head.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def append(graph: Graph, entries: list[dict[str, Any]],
           head: tuple[int, str] | None = None) -> tuple[list[int], tuple[int, str]]:
    """Write `entries` (audit_append_many's fields but the chain's) in order: their numbers and
    the chain's new end. `head` is where the caller last saw the chain end (its own last append):
    tried first without reading it, since the write checks it and refuses a moved head."""
    home = home_of(graph)
    fresh = not (home / KEY_FILE).exists()
    secret = key(home, create=True)
    assert secret is not None
    for _ in range(MAX_ROUNDS):
        if head is None:
            row = graph.read("access/audit_head")[0]
            head = (int(row["seq"]), str(row["hash"]))
        start = head
        head = None  # a refused write: read the end again
        seq, prev, links = start[0], start[1], []
        for entry in entries:
            seq += 1
            digest = mac(secret, prev, seq, entry["payload"])
            links.append({**entry, "seq": seq, "prev": prev, "hash": digest})
            prev = digest
        answer = graph.write("access/audit_append_many", entries=links, fromSeq=start[0],
                             fromHash=start[1], toSeq=seq, toHash=prev)
        if answer:
            _advance(graph, home, start, Anchor(seq, prev, 1), fresh)
            return [int(s) for s in answer[0]["seqs"]], (seq, prev)
    raise AuditBusy(f"the audit log's head moved {MAX_ROUNDS} times during one append")


def _advance(graph: Graph, home: Path, start: tuple[int, str], end: Anchor, fresh: bool) -> None:
    """Move the anchor to `end` after an append from `start` committed, unless the anchor names
    a later end of this chain (another process wrote after us) or a chain the database no
    longer holds (entries removed or changed: the anchor keeps that evidence)."""
    with anchor_lock(home):
        old = read_anchor(home)
        if old is None:
            # A home's first anchor: an old log's SHA-256 entries count up to here.
            write_anchor(home, Anchor(end.seq, end.hash, start[0] + 1 if fresh else 1))
        elif start[0] == 0 and old.seq > 0:
            # The log starts again from empty (a wiped database): keep where the last one ended.
            write_anchor(home, Anchor(end.seq, end.hash, 1, {
                "seq": old.seq, "hash": old.hash, "restartedAt": datetime.now(UTC).isoformat()}))
        elif start == (old.seq, old.hash) or (start[0] > old.seq and _holds(graph, old)):
            write_anchor(home, Anchor(end.seq, end.hash, old.hmacFrom, old.previous))


def _holds(graph: Graph, anchor: Anchor) -> bool:
    rows = graph.read("access/audit_entries", fromSeq=anchor.seq, since=None, user=None,
                      subject=None, limit=1)
    return bool(rows) and rows[0]["seq"] == anchor.seq and rows[0]["hash"] == anchor.hash


def describe(home: Path) -> str:
    """One line on the anchor, for `speurnet audit verify`."""
    anchor = read_anchor(home)
    if anchor is None:
        return (f"Not anchored yet ({anchor_path(home)} is absent): entries are checked by "
                "SHA-256 only until the next entry anchors the log.")
    line = f"Anchored at entry {anchor.seq} in {anchor_path(home)}"
    if anchor.hmacFrom > 1:
        line += f"; entries before {anchor.hmacFrom} use the older SHA-256 chain"
    if anchor.previous:
        line += (f"; a log of {anchor.previous['seq']} entries was emptied and restarted at "
                 f"{anchor.previous['restartedAt']}")
    return line + "."
