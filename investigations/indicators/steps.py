"""The analysis steps of this area: entity resolution, then the indicators (the first two of the
pipeline in investigations/analysis.py)."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from investigations import matching
from investigations.indicators import engine
from investigations.pipeline import Context


def match_step(graph: Graph, ctx: Context) -> dict[str, Any]:
    """Run entity resolution when a load came since its last run (indicators read its links)."""
    summary = matching.ensure_matched(graph)
    if summary is None:
        return {"skipped": "up to date"}
    return {"run": summary.run_id, "positive": summary.positive, "unsure": summary.unsure,
            "addresses": summary.addresses}


def indicator_step(graph: Graph, ctx: Context) -> dict[str, Any]:
    """Run every declared indicator and write its flags for this run."""
    figures = engine.run(graph, ctx.run_id, ctx.as_of)
    ctx.progress(f"indicators: {sum(figures.values())} flags")
    return figures
