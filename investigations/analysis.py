"""`speurnet analyze`: one analysis run = an ordered list of declared steps over the graph.

Every step writes its results tagged with the run (`runId`), so a page can say "computed on
<date> by <run>". STEPS below is the whole pipeline, in order (entity resolution, indicators,
networks, link prediction, scoring, notification); the run itself is recorded as an
`AnalysisRun` node with each step's figures.

Evidence contract between steps: a step that finds something about an address, person or company
writes a `Flag` node `(:Flag {key, runId, name, strength, reason, evidence})-[:FLAGS]->(subject)`
(`strength` in 0..1, `reason` one Dutch sentence, `evidence` a JSON string with the facts); the
scoring step combines the flags of a subject into its `score` and `flags` list.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from graph.db import Graph
from investigations.collab.step import notify_step
from investigations.indicators.steps import indicator_step, match_step
from investigations.links.step import predict_associates, predict_lookalikes, predict_residents
from investigations.networks.step import run as networks_step
from investigations.pipeline import Context, Progress, Step
from investigations.scoring.steps import scoring_step

# The pipeline, in the order it runs. Indicators read entity resolution's links; networks score
# from the indicators' flags; associates rank by the networks they tie to and look-alikes skip
# addresses a prediction already flagged; scoring combines every flag of the run; notify comes
# last, so this run's score changes are news.
STEPS: tuple[Step, ...] = (
    Step("match", match_step, "entiteiten koppelen (als er nieuwe loads zijn)"),
    Step("indicators", indicator_step, "indicatoren (rode vlaggen)"),
    Step("networks", networks_step,
         "samenwerkingsverbanden (Leiden, WCC), spilfiguren (betweenness, PageRank)"),
    Step("resident_links", predict_residents,
         "verborgen bewoners: personen die waarschijnlijk wonen waar ze niet staan ingeschreven"),
    Step("associate_links", predict_associates,
         "waarschijnlijke contacten tussen personen (linkvoorspelling)"),
    Step("lookalike_addresses", predict_lookalikes,
         "adressen die lijken op adressen waar een zaak een overtreding vond"),
    Step("scoring", scoring_step, "scores uit vlaggen, gewogen op zaakuitkomsten"),
    Step("notify", notify_step,
         "berichten aan wie volgt: nieuwe meldingen, zaken, vergunningen, scores"),
)


@dataclass
class RunReport:
    run_id: str
    as_of: date
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def new_run_id() -> str:
    return "run-" + datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


def analyze(graph: Graph, as_of: date | None = None, progress: Progress | None = None,
            only: list[str] | None = None, steps: Sequence[Step] = STEPS,
            **options: Any) -> RunReport:
    """Run every step of the pipeline (or the named ones) in order and record the run."""
    ctx = Context(new_run_id(), as_of or date.today(), progress or (lambda _m: None), options)
    report = RunReport(ctx.run_id, ctx.as_of)
    started = datetime.now(UTC)
    graph.write("analysis/run_started", runId=ctx.run_id, asOf=ctx.as_of, startedAt=started)
    for step in steps:
        if only and step.name not in only:
            continue
        ctx.progress(f"{step.name}: {step.description}")
        t0 = datetime.now(UTC)
        report.steps[step.name] = step.run(graph, ctx)
        report.seconds[step.name] = round((datetime.now(UTC) - t0).total_seconds(), 2)
    graph.write("analysis/run_finished", runId=ctx.run_id, finishedAt=datetime.now(UTC),
                steps=json.dumps({"figures": report.steps, "seconds": report.seconds}, default=str))
    return report
