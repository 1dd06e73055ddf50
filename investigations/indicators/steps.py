"""The analysis steps of this area: entity resolution first (order 10), then the indicators (20).

Orders 30-80 are left to network and link-prediction steps; scoring runs at 90.
"""

from __future__ import annotations

import importlib
from typing import Any

from graph.db import Graph
from investigations.analysis import Context, Step, register
from investigations.indicators import engine


def match_step(graph: Graph, ctx: Context) -> dict[str, Any]:
    """Run entity resolution when a load came since its last run (indicators read its links)."""
    try:
        matching = importlib.import_module("investigations.matching")
    except ImportError:
        return {"skipped": "no entity resolution installed"}
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


MATCH = register(Step("match", 10, match_step, "entiteiten koppelen (als er nieuwe loads zijn)"))
INDICATORS = register(Step("indicators", 20, indicator_step, "indicatoren (rode vlaggen)"))
