"""Progress bars and messages of `speurnet load --bulk` (the command itself is in api/cli.py)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from graph.settings import Settings
from loaders.bulk import BulkReport, bulk_load
from loaders.progress import file_bars


def bulk_with_progress(settings: Settings, path: Path, report_dir: Path, console: Console,
                       force: bool = False) -> BulkReport:
    """Run the bulk path with one bar per file while the rows are shaped, then say each step."""
    bars, progress = file_bars(console)

    def say(message: str) -> None:
        bars.stop()
        console.print(message, highlight=False, soft_wrap=True)

    with bars:
        report = bulk_load(settings, path, report_dir, progress, force=force, say=say)
    steps = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in report.seconds.items())
    console.print(f"Bulk load of {report.nodes} nodes and {report.relationships} relationships "
                  f"({steps}). Later deliveries: speurnet load FOLDER (the normal load)",
                  highlight=False, soft_wrap=True)
    return report
