"""The way out for data: disclose (withhold, pseudonymise), write the audit entry, hand back."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from investigations.access import audit
from investigations.access.mask import disclose
from investigations.access.pseudonyms import PERSON_KEY
from investigations.access.scope import Scope
from investigations.errors import Forbidden


def release(graph: Graph, scope: Scope, payload: dict[str, Any], action: str,
            target: str | None = None, params: dict[str, Any] | None = None) -> dict[str, Any]:
    """The payload as `scope` may see it, after its audit entry is written (no entry, no data:
    an audit failure raises before anything is returned)."""
    shown = disclose(payload, scope)
    audit.record(graph, scope, action, target, params, shown.subjects)
    released: dict[str, Any] = shown.payload  # disclose hands a dict back as a dict
    return released


def resolve_key(graph: Graph, scope: Scope, key: str, name: str) -> str:
    """The real key behind what a user typed. A pseudonymised user must use pseudonyms: looking a
    person up by BSN would tell them who is in the data, which is re-identification."""
    if key.startswith("pseudo:"):
        return scope.pseudonyms.resolve(graph, key)
    if PERSON_KEY.fullmatch(key) and not scope.identities:
        raise Forbidden(f"{name}: you see persons as pseudo:… keys; a bsn:/person: key needs a "
                        "role and purpose that allow identities")
    return key
