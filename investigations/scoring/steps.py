"""The scoring step: calibrate weights on closed cases, then score every subject.

It combines every flag of the run, whatever step before it wrote it: indicators, networks and
link prediction alike; a name without a declared prior gets DEFAULT_WEIGHT.
"""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from investigations.pipeline import Context
from investigations.scoring.features import feature_set, priors
from investigations.scoring.model import DEFAULT_WEIGHT, Example, check_features, fit

# Flags of this many most recent runs are kept (the current one and two before it, so a page
# can show what changed); older ones are deleted.
KEEP_RUNS = 3


def scoring_step(graph: Graph, ctx: Context) -> dict[str, Any]:
    """Fit the weights on case outcomes, score addresses, persons and companies, prune old flags."""
    names = {r["name"]: r["flags"] for r in graph.read("scoring/flag_names", runId=ctx.run_id)}
    check_features(feature_set(names))
    examples = [Example(r["key"], {f["name"]: f["strength"] for f in r["flags"]}, r["violation"])
                for r in graph.read("scoring/examples", runId=ctx.run_id, asOf=ctx.as_of)]
    calibration = fit(examples, priors(), names)
    ctx.progress(f"scoring: weights from {calibration.examples} case outcomes "
                 f"({calibration.violations} violations)")
    # A subject judged a violation (by a case or an outcome recorded in the app) is confirmed.
    confirmed = [e.key for e in examples if e.violation]
    graph.autocommit("scoring/apply", runId=ctx.run_id, asOf=ctx.as_of,
                     weights=calibration.weights, defaultWeight=DEFAULT_WEIGHT,
                     confirmed=confirmed)
    pruned = graph.autocommit("scoring/prune_flags", keep=KEEP_RUNS)
    summary = {r["label"]: {k: v for k, v in r.items() if k != "label"}
               for r in graph.read("scoring/summary", runId=ctx.run_id)}
    return {**calibration.figures(), "flags": names, "subjects": summary,
            "prunedFlags": pruned[0]["deleted"] if pruned else 0}
