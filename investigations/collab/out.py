"""The way out for collaboration data: every answer is masked like any other view; it is written
to the audit log when it shows a person with identity, or always when the caller says so (notes and
outcomes are read under a purpose, so reading them is logged like viewing an entity)."""

from __future__ import annotations

import uuid
from typing import Any, overload

from graph.db import Graph
from investigations.access import audit
from investigations.access.mask import disclose
from investigations.access.scope import Scope
from investigations.errors import BadParameter

TEXT_MAX = 4000  # characters in a note or outcome text: a page of text, not a document store


@overload
def shown(graph: Graph, scope: Scope, payload: dict[str, Any], action: str,
          target: str | None = None, params: dict[str, Any] | None = None,
          always: bool = False) -> dict[str, Any]: ...
@overload
def shown(graph: Graph, scope: Scope, payload: list[Any], action: str,
          target: str | None = None, params: dict[str, Any] | None = None,
          always: bool = False) -> list[Any]: ...
def shown(graph: Graph, scope: Scope, payload: dict[str, Any] | list[Any], action: str,
          target: str | None = None, params: dict[str, Any] | None = None,
          always: bool = False) -> Any:
    """The payload as `scope` may see it; audited first when it must be."""
    out = disclose(payload, scope)
    if always or out.subjects:
        audit.record(graph, scope, action, target, params, out.subjects)
    return out.payload


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:16]}"


def check_text(name: str, text: str, required: bool = True) -> str:
    """Free text as typed (never trimmed or escaped: pages escape it), within TEXT_MAX."""
    if required and not text.strip():
        raise BadParameter(name, "vul een tekst in (leeg is niet toegestaan)")
    if len(text) > TEXT_MAX:
        raise BadParameter(name, f"hoogstens {TEXT_MAX} tekens (dit zijn er {len(text)})")
    return text
