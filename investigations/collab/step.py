"""The analysis step that tells watchers what changed (after scoring, so score changes of this
run are news; see investigations/analysis.py)."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from investigations.collab.news import notify_changes
from investigations.pipeline import Context


def notify_step(graph: Graph, ctx: Context) -> dict[str, Any]:
    return notify_changes(graph)
