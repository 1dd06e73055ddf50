"""Benchmarks: each module measures one target against a baseline run in the same process.

Their own statements (baselines, samples, labelled cases) are in `bench/cypher/`, not in the
product's `cypher/`.
"""

from graph import queries
from graph.settings import ROOT

queries.add_folder(ROOT / "bench" / "cypher")
