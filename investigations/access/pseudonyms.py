"""Pseudonyms: `pseudo:<id>` per person key, stable, keyed with a secret kept in SPEURNET_HOME.

The id is an HMAC-SHA256 of the person key (`bsn:…` or `person:…`), so the same person has the
same pseudonym on every page, run and restart, the same analytics rank the same, and nobody without
the secret can compute it from a BSN. Going back (re-identification) needs the table of keys,
which only the server holds.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import threading
import time
from pathlib import Path

from graph.db import Graph
from investigations.errors import NotFound

SECRET_FILE = "secret.key"
PERSON_KEY = re.compile(r"\b(?:bsn:\d{9}|person:[0-9a-f]{16})\b")
PSEUDO_KEY = re.compile(r"pseudo:[0-9a-f]{20}")
# Reverse lookups re-read the person keys at most this often (a miss on an unknown pseudonym
# must not make every request scan all persons).
REFRESH_SECONDS = 30.0


def secret(home: Path) -> bytes:
    """The installation's secret (created once, readable by its owner only)."""
    path = home / SECRET_FILE
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
    return path.read_bytes()


def derive(master: bytes, purpose: str) -> bytes:
    """A key for one use (pseudonyms, session cookies), so one leak does not give the other."""
    return hmac.new(master, purpose.encode(), hashlib.sha256).digest()


class Pseudonyms:
    """Person key <-> pseudonym for one installation."""

    def __init__(self, master: bytes) -> None:
        self._key = derive(master, "pseudonym")
        self._back: dict[str, str] = {}
        self._read_at = float("-inf")
        self._lock = threading.Lock()

    def pseudo(self, key: str) -> str:
        digest = hmac.new(self._key, key.encode(), hashlib.sha256).hexdigest()[:20]
        pseudonym = f"pseudo:{digest}"
        self._back[pseudonym] = key
        return pseudonym

    def replace_keys(self, text: str) -> str:
        """Every person key inside a text (a list cell, evidence) becomes its pseudonym."""
        return PERSON_KEY.sub(lambda m: self.pseudo(m.group(0)), text)

    def resolve(self, graph: Graph, pseudonym: str) -> str:
        """The person key behind a pseudonym; NotFound when no person has it."""
        if not PSEUDO_KEY.fullmatch(pseudonym):
            raise NotFound(f"{pseudonym} is not a pseudonym")
        if pseudonym not in self._back:
            with self._lock:
                if pseudonym not in self._back and time.monotonic() - self._read_at > REFRESH_SECONDS:
                    for row in graph.read("access/person_keys"):
                        self.pseudo(row["key"])
                    self._read_at = time.monotonic()
        try:
            return self._back[pseudonym]
        except KeyError:
            raise NotFound(f"no person {pseudonym}") from None
