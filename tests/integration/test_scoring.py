"""Scores, exports, the feedback loop and the bias monitor against a real Neo4j, on a generated
2k-person municipality loaded once for the module (seed 32, not the benchmark's)."""

from __future__ import annotations

import csv
import io
import json
import math
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from graph import schema
from graph.db import Graph
from graph.settings import ROOT
from investigations import analysis, exports
from investigations.analysis import Context, RunReport, Step, analyze
from investigations.indicators import BY_NAME
from investigations.registry import load_all
from investigations.scoring.model import DEFAULT_WEIGHT
from investigations.scoring.monitor import monitor
from investigations.scoring.steps import KEEP_RUNS
from loaders.load import load
from loaders.synthetic import GroundTruth, generate
from tests.town import write_town

SUBJECT_EXPORTS = ("addresses", "persons", "companies")


@pytest.fixture(scope="module")
def town(session_graph: Graph, tmp_path_factory: pytest.TempPathFactory,
         ) -> Iterator[tuple[Path, GroundTruth]]:
    folder = tmp_path_factory.mktemp("town2k")
    truth = generate(folder, persons=2000, seed=32)
    session_graph.autocommit("admin/wipe")
    schema.install(session_graph)
    assert load(session_graph, folder, folder / "reports").ok
    load_all()
    yield folder, truth


@pytest.fixture(scope="module")
def first_run(session_graph: Graph, town: tuple[Path, GroundTruth]) -> RunReport:
    return analyze(session_graph, town[1].as_of)


def by_key(graph: Graph, what: str) -> dict[str, dict[str, Any]]:
    return {r["key"]: r for r in exports.rows(graph, what)}


def test_every_nonzero_score_has_named_reasons_with_evidence(
        session_graph: Graph, first_run: RunReport) -> None:
    for what in SUBJECT_EXPORTS:
        rows = exports.rows(session_graph, what)
        assert rows and all(0.0 <= r["score"] <= 1.0 for r in rows)
        assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
        for row in rows:
            assert (row["score"] > 0) == bool(row["flags"]), row
        for row in (r for r in rows if r["score"] > 0):
            reasons = session_graph.read("scoring/subject_flags", key=row["key"])
            assert [r["name"] for r in reasons] == row["flags"]
            assert {r["runId"] for r in reasons} == {first_run.run_id}
            for reason in reasons:
                assert reason["reason"] and json.loads(reason["evidence"])
                assert reason["contribution"] == pytest.approx(
                    reason["weight"] * reason["strength"])


def test_exports_follow_the_data_contract(first_run: RunReport, env_for: dict[str, str],
                                          tmp_path: Path,
                                          check_exports: Callable[[Path], str]) -> None:
    for what in SUBJECT_EXPORTS:
        out = subprocess.run([sys.executable, "-m", "api.cli", "export", what], env=env_for,
                             cwd=ROOT, capture_output=True, text=True, check=True)
        (tmp_path / f"{what}.csv").write_text(out.stdout, encoding="utf-8")
        header = next(csv.reader(io.StringIO(out.stdout)))
        assert header == ["key", "score", "flags", "network_id", "confirmed", "open_case"]
    assert "3 export files checked, 0 problems" in check_exports(tmp_path)


def test_confirmed_addresses_are_marked_not_presented_as_leads(
        session_graph: Graph, first_run: RunReport) -> None:
    addresses = by_key(session_graph, "addresses")
    cases = session_graph.read("scoring/case_addresses", asOf=date(2026, 11, 1))
    violated = {c["key"] for c in cases if c["result"] == "overtreding"}
    assert violated and all(addresses[k]["confirmed"] for k in violated)
    opened = {c["key"] for c in cases if c["status"] == "open"}
    assert all(addresses[k]["open_case"] for k in opened)
    assert not any(r["confirmed"] for k, r in addresses.items()
                   if k not in {c["key"] for c in cases})


def test_licensed_and_explainable_situations_do_not_score_high(
        session_graph: Graph, town: tuple[Path, GroundTruth], first_run: RunReport) -> None:
    """What the indicators say about the decoys (network and link steps are tested there)."""

    def indicator_score(key: str) -> float:
        parts = [r["contribution"] for r in session_graph.read("scoring/subject_flags", key=key)
                 if r["name"] in BY_NAME]
        return 1.0 - math.exp(-sum(parts))

    truth = town[1]
    for kind in ("student_housing", "business_centre", "large_family", "ordinary_hairdresser"):
        for item in truth.decoys[kind]:
            assert indicator_score(f"adres:{item['address']}") < 0.3, (kind, item)
    planted = [indicator_score(f"adres:{item['address']}")
               for name in ("overcrowded", "letterbox", "cannabis")
               for item in truth.patterns[name]]
    assert min(planted) > 0.5


def test_flags_of_any_step_are_combined(session_graph: Graph, town: tuple[Path, GroundTruth],
                                        first_run: RunReport) -> None:
    """A step between indicators and scoring adds a flag name scoring has no weight for."""
    target = f"adres:{town[1].decoys['large_family'][0]['address']}"

    def extra(graph: Graph, ctx: Context) -> dict[str, Any]:
        row = {"label": "Address", "subject": target, "name": "proef_bewijs", "title": "Proef",
               "strength": 1.0, "reason": "proef", "evidence": "{}"}
        return next(graph.write_batches("indicators/write_flags", [row], runId=ctx.run_id,
                                        asOf=ctx.as_of))

    at = [s.name for s in analysis.STEPS].index("scoring")
    steps = (*analysis.STEPS[:at], Step("proef", extra), *analysis.STEPS[at:])
    report = analyze(session_graph, town[1].as_of, steps=steps)
    row = by_key(session_graph, "addresses")[target]
    assert "proef_bewijs" in row["flags"]
    assert report.steps["scoring"]["weights"]["proef_bewijs"] == DEFAULT_WEIGHT
    reasons = {r["name"]: r for r in session_graph.read("scoring/subject_flags", key=target)}
    assert reasons["proef_bewijs"]["weight"] == DEFAULT_WEIGHT


def leads(graph: Graph) -> list[str]:
    """Addresses no case concerns, best first (ties by key, for a stable comparison)."""
    cased = {c["key"] for c in graph.read("scoring/case_addresses", asOf=date(2026, 11, 1))}
    rows = [r for r in exports.rows(graph, "addresses") if r["key"] not in cased and r["score"]]
    return [r["key"] for r in sorted(rows, key=lambda r: (-r["score"], r["key"]))]


def test_new_case_outcomes_recalibrate_weights_and_change_the_ranking(
        session_graph: Graph, town: tuple[Path, GroundTruth], tmp_path: Path) -> None:
    before_run = analyze(session_graph, town[1].as_of)
    before = leads(session_graph)
    weights = before_run.steps["scoring"]["weights"]
    # Inspections find violations at addresses whose only flag is a signal in a risk category.
    addresses = exports.rows(session_graph, "addresses")
    only_signal = [r["key"] for r in addresses
                   if r["flags"] == ["risicomelding"] and r["key"] in before][:15]
    assert len(only_signal) >= 10
    rows = [["zaak_id", "zaaktype", "status", "datum_start", "datum_einde", "resultaat",
             "nummeraanduiding_id", "bsn", "kvk_nummer"]]
    rows += [[f"Z-NIEUW-{n}", "controle woonfraude", "gesloten", "2026-09-01", "2026-10-01",
              "overtreding", key.removeprefix("adres:"), "", ""]
             for n, key in enumerate(only_signal)]
    assert load(session_graph, write_town(tmp_path / "zaken", {"zaken": rows}),
                tmp_path / "reports").ok
    after_run = analyze(session_graph, town[1].as_of)
    after = leads(session_graph)
    assert after_run.steps["scoring"]["weights"]["risicomelding"] > weights["risicomelding"]
    assert after_run.steps["scoring"]["examples"] > before_run.steps["scoring"]["examples"]
    # The newly inspected addresses leave the leads; the rest is re-ranked: an address with
    # only a risk signal now ranks above one it ranked below before.
    assert not set(only_signal) & set(after)
    flags = {k: r["flags"] for k, r in by_key(session_graph, "addresses").items()}
    rank_before = {k: n for n, k in enumerate(before)}
    rank_after = {k: n for n, k in enumerate(after)}
    assert any(rank_before[a] > rank_before[b] and rank_after[a] < rank_after[b]
               for a in after if "risicomelding" in flags[a]
               for b in after if "risicomelding" not in flags[b])
    confirmed = by_key(session_graph, "addresses")
    assert all(confirmed[k]["confirmed"] for k in only_signal)


def test_old_runs_flags_are_pruned(session_graph: Graph, town: tuple[Path, GroundTruth]) -> None:
    runs = [analyze(session_graph, town[1].as_of, only=["indicators", "scoring"]).run_id
            for _ in range(KEEP_RUNS + 1)]
    for run_id in runs[:1]:
        assert session_graph.read("indicators/run_flags", runId=run_id) == []
    for run_id in runs[1:]:
        assert any(r["name"] in BY_NAME
                   for r in session_graph.read("indicators/run_flags", runId=run_id))


def test_monitor_shows_no_count_below_five(session_graph: Graph, first_run: RunReport,
                                           env_for: dict[str, str]) -> None:
    report = monitor(session_graph)
    assert report.run_id and report.weights
    counts: list[int | None] = [c for per in report.distribution.values() for c in per]
    for n in report.neighbourhoods:
        counts += [n.addresses, n.flagged, n.high, n.cases, n.violations]
    for row in report.outcomes.values():
        counts += list(row.values())
    assert any(c is not None for c in counts)
    assert all(c is None or c >= 5 for c in counts)
    buurten = next(r["count"] for r in session_graph.read("admin/counts")
                   if r["name"] == "Neighbourhood")
    assert len(report.neighbourhoods) == buurten
    out = subprocess.run([sys.executable, "-m", "api.cli", "monitor", "--json"], env=env_for,
                         cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["min_count"] == 5
    text = subprocess.run([sys.executable, "-m", "api.cli", "monitor"], env=env_for, cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert "Per buurt" in text.stdout and "<5" in text.stdout

