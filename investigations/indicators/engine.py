"""The one engine that runs declared indicators and writes their flags (the analysis step)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import PurePath
from typing import Any

from graph.db import Graph, Row
from investigations.indicators.catalogue import INDICATORS
from investigations.indicators.model import SUBJECTS, Indicator, reason


def find(graph: Graph, indicator: Indicator, as_of: date) -> list[Row]:
    """The indicator's rows (`subject`, `label`, `strength`, `facts`), one per subject."""
    best: dict[tuple[str, str], Row] = {}
    for row in graph.read(indicator.query, asOf=as_of, **indicator.params()):
        if row["label"] not in indicator.subjects or row["label"] not in SUBJECTS:
            raise ValueError(f"{indicator.name} returned a {row['label']} subject")
        strength = float(row["strength"])
        if not 0.0 < strength <= 1.0:
            continue  # a zero-strength row is no evidence, and the contract keeps strength in 0..1
        key = (row["label"], row["subject"])
        # A statement should give one row per subject; if it does not, the strongest one counts.
        if key not in best or strength > best[key]["strength"]:
            best[key] = {**row, "strength": strength}
    return list(best.values())


def loaded_files(graph: Graph) -> dict[str, list[str]]:
    """Source stem -> the file names the load log holds for it (`verbruik` -> verbruik.csv)."""
    found: dict[str, list[str]] = {}
    for row in graph.read("access/sources"):
        names = found.setdefault(PurePath(row["file"]).stem, [])
        if row["file"] not in names:
            names.append(row["file"])
    return found


def source_files(indicator: Indicator, files: Mapping[str, list[str]]) -> list[str]:
    """The loaded files whose facts the indicator's evidence shows (its flags' `sources`)."""
    return sorted({name for stem in indicator.stems() for name in files.get(stem, [])})


def flag_rows(indicator: Indicator, rows: Iterable[Row], as_of: date,
              sources: list[str] | None = None) -> Iterator[Row]:
    """Rows for `indicators/write_flags`: the reason sentence, the evidence as JSON and the
    source files it quotes."""
    thresholds = indicator.params()
    for row in rows:
        facts = row["facts"] or {}
        evidence = {"indicator": indicator.name, "asOf": as_of, "facts": facts,
                    "thresholds": thresholds}
        yield {"label": row["label"], "subject": row["subject"], "name": indicator.name,
               "title": indicator.title, "strength": round(row["strength"], 4),
               "reason": reason(indicator, facts),
               "evidence": json.dumps(evidence, ensure_ascii=False, default=str, sort_keys=True),
               "sources": sources or []}


def run(graph: Graph, run_id: str, as_of: date,
        indicators: Iterable[Indicator] = INDICATORS) -> dict[str, Any]:
    """Run every indicator and write its flags; returns the number of flags per indicator."""
    figures: dict[str, Any] = {}
    files = loaded_files(graph)
    for indicator in indicators:
        found = find(graph, indicator, as_of)
        rows = flag_rows(indicator, found, as_of, source_files(indicator, files))
        written = sum(answer.get("written", 0) for answer in graph.write_batches(
            "indicators/write_flags", rows, runId=run_id, asOf=as_of))
        figures[indicator.name] = written
    return figures
