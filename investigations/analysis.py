"""`speurnet analyze`: one analysis run = an ordered list of declared steps over the graph.

Every step writes its results tagged with the run (`runId`), so a page can say "computed on
<date> by <run>". Areas add their steps to STEPS (indicators, networks, link prediction, scoring);
the run itself is recorded as an `AnalysisRun` node with each step's figures.

Evidence contract between steps: a step that finds something about an address, person or company
writes a `Flag` node `(:Flag {key, runId, name, strength, reason, evidence})-[:FLAGS]->(subject)`
(`strength` in 0..1, `reason` one Dutch sentence, `evidence` a JSON string with the facts); the
scoring step combines the flags of a subject into its `score` and `flags` list.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
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
    order: int
    run: Callable[[Graph, Context], dict[str, Any]]
    description: str = ""


STEPS: list[Step] = []


def register(step: Step) -> Step:
    """Add a step (replacing one of the same name) and keep the list in order."""
    STEPS[:] = [s for s in STEPS if s.name != step.name] + [step]
    STEPS.sort(key=lambda s: s.order)
    return step


@dataclass
class RunReport:
    run_id: str
    as_of: date
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def new_run_id() -> str:
    return "run-" + datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


def analyze(graph: Graph, as_of: date | None = None, progress: Progress | None = None,
            only: list[str] | None = None, **options: Any) -> RunReport:
    """Run every registered step (or the named ones) in order and record the run."""
    from investigations.registry import load_all

    load_all()
    ctx = Context(new_run_id(), as_of or date.today(), progress or (lambda _m: None), options)
    report = RunReport(ctx.run_id, ctx.as_of)
    started = datetime.now(UTC)
    graph.write("analysis/run_started", runId=ctx.run_id, asOf=ctx.as_of, startedAt=started)
    for step in STEPS:
        if only and step.name not in only:
            continue
        ctx.progress(f"{step.name}: {step.description}")
        t0 = datetime.now(UTC)
        report.steps[step.name] = step.run(graph, ctx)
        report.seconds[step.name] = round((datetime.now(UTC) - t0).total_seconds(), 2)
    graph.write("analysis/run_finished", runId=ctx.run_id, finishedAt=datetime.now(UTC),
                steps=json.dumps({"figures": report.steps, "seconds": report.seconds}, default=str))
    return report
