"""What an analysis step is and what it gets; the ordered steps are in investigations/analysis.py.

Kept apart from analysis.py so the areas that define step functions (indicators, networks,
links, scoring, collab) import this, and analysis.py imports them: one way, no cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.db import Graph

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Context:
    """What every step gets: the run's id, the reference date, and a way to report progress."""

    run_id: str
    as_of: date
    progress: Progress = lambda _message: None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    """One declared step: `run` returns figures worth keeping (counts, timings, model weights)."""

    name: str
    run: Callable[[Graph, Context], dict[str, Any]]
    description: str = ""
