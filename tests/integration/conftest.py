"""Fixtures of the integration tests that analyse a generated town (test_links, test_networks)
and of those that check an export against the data contract.

Strategy: a module asks `analysed_town` for a town of its own size and seed; it is generated,
loaded, matched and analysed (the network and link-prediction steps) once for that module on the
session's one server. The contract checker is the shared tool every CI machine has, so when it
is missing a test fails instead of passing without the check.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph import schema
from graph.db import Graph
from graph.settings import ROOT
from investigations import analysis
from investigations.matching.run import run as run_matching
from investigations.registry import load_all
from loaders.load import load
from loaders.synthetic import GroundTruth, generate

CHECKER = ROOT.parent / "shared" / "tools" / "check_exports.py"
PREDICTION_STEPS = ["networks", "resident_links", "associate_links", "lookalike_addresses"]
Pairs = dict[tuple[str, str], float]


@dataclass(frozen=True)
class AnalysedTown:
    graph: Graph
    truth: GroundTruth
    report: analysis.RunReport
    before: dict[str, int]  # node and relationship counts after matching, before the analysis


@pytest.fixture(scope="session")
def analysed_town(session_graph: Graph, tmp_path_factory: pytest.TempPathFactory
                  ) -> Callable[[str, int, int], AnalysedTown]:
    """A factory: `analysed_town(name, persons, seed)` empties the database and builds the town."""
    def make(name: str, persons: int, seed: int) -> AnalysedTown:
        folder = tmp_path_factory.mktemp(name)
        truth = generate(folder, persons=persons, seed=seed)
        session_graph.autocommit("admin/wipe")
        session_graph.write("admin/drop_projections")
        schema.install(session_graph)
        assert load(session_graph, folder, folder / "reports").ok
        run_matching(session_graph, full=True)
        before = {r["name"]: r["count"] for r in session_graph.read("admin/counts")}
        load_all()
        report = analysis.analyze(session_graph, truth.as_of, only=PREDICTION_STEPS)
        return AnalysedTown(session_graph, truth, report, before)
    return make


@pytest.fixture(scope="session")
def check_exports() -> Callable[[Path], str]:
    """Run the data contract's checker on a folder of exports: fails on a fault, else returns
    its report."""
    assert CHECKER.is_file(), f"the data contract's checker {CHECKER} is missing"

    def check(folder: Path) -> str:
        checked = subprocess.run([sys.executable, str(CHECKER), str(folder)],
                                 capture_output=True, text=True, check=False)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        return checked.stdout
    return check


def top20(pairs: Pairs, hidden: list[tuple[str, str]]) -> int:
    """Planted pairs ranked in the top 20 (a tie at the cut counts at its mean rank)."""
    scores = list(pairs.values())
    found = 0
    for h in hidden:
        if h in pairs:
            above = sum(s > pairs[h] for s in scores)
            tied = sum(s == pairs[h] for s in scores)
            found += above + (tied + 1) / 2 <= 20
    return found


@pytest.fixture(scope="session")
def planted_in_top20() -> Callable[[Pairs, list[tuple[str, str]]], int]:
    """`top20` as a fixture, so the modules that rank predictions share one definition."""
    return top20
