"""CLI glue for `speurnet load`: a progress bar per file and a readable summary."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from graph.db import Graph
from loaders.load import LoadReport, load
from loaders.progress import file_bars


def load_with_progress(graph: Graph, path: Path, report_dir: Path, console: Console) -> LoadReport:
    """Run a load, drawing one progress bar per file on `console` (standard error)."""
    bars, progress = file_bars(console)
    with bars:
        return load(graph, path, report_dir, progress)


def summary(report: LoadReport) -> list[str]:
    """One line per file: read / loaded / rejected, and what else the user must know."""
    lines = [f"Load {report.load_id} of {report.folder}:"]
    for f in report.files:
        line = (f"  {f.file}: read {f.read}, loaded {f.loaded}, rejected {f.rejected}, "
                f"outside the loaded area {f.outside_addresses}, address not matched {len(f.unmatched)}")
        if f.error:
            line += f"\n    NOT LOADED: {f.error}"
        if f.dropped_columns:
            line += f"\n    protected column dropped, nothing of it stored: {', '.join(f.dropped_columns)}"
        if f.unknown_columns:
            line += f"\n    unknown column ignored: {', '.join(f.unknown_columns)}"
        lines.append(line)
    if report.indexes_built:
        lines.append(f"  first load into an empty graph: {report.indexes_built} indexes built "
                     "after writing")
    return lines
