"""From a request's scope to what the Cypher boundary needs: identities, hidden sources, params."""

from __future__ import annotations

import re
from pathlib import PurePath

from investigations.access.scope import Scope
from investigations.boundary.check import Admitted, Reader, admit
from investigations.runner.catalog import Investigation

_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_DIGITS = re.compile(r"\d{6,}")


def hidden_sources(scope: Scope) -> frozenset[str]:
    """Source stems (verbruik, brk_eigendom, ...) of which the user may not see some load."""
    if scope.operator:
        return frozenset()
    return frozenset(PurePath(info.file).stem for info in scope.sources.by_load.values()
                     if not scope.sees(info))


def reader(scope: Scope, inv: Investigation) -> Reader:
    return Reader(identities=scope.identities, hidden_sources=hidden_sources(scope),
                  params={p.name: p.type for p in inv.params})


def admitted(scope: Scope, inv: Investigation) -> Admitted:
    """The investigation's text as it may run for this user, or boundary.parse.Refused."""
    return admit(inv.text, reader(scope, inv))


def masked_error(message: str) -> str:
    """Neo4j's error text without the values it quotes (a name, a withheld figure, a BSN)."""
    return _DIGITS.sub("…", _QUOTED.sub("'…'", message))
