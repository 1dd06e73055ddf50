"""The analysis step that tells watchers what changed (order 95: after scoring at 90, so score
changes of this run are news)."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from investigations.analysis import Context, Step, register
from investigations.collab.news import notify_changes


def notify_step(graph: Graph, ctx: Context) -> dict[str, Any]:
    return notify_changes(graph)


NOTIFY = register(Step("notify", 95, notify_step,
                       "berichten aan wie volgt: nieuwe meldingen, zaken, vergunningen, scores"))
