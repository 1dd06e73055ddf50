"""Per-file progress bars for a long load, shared by the normal and the bulk path."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)


def file_bars(console: Console) -> tuple[Progress, Callable[[str, int, int | None], None]]:
    """Progress bars on `console`, one per file, and the load's progress callback that draws
    them (the normal load in api/loading.py and the bulk path in loaders/bulk_cli.py)."""
    bars = Progress(TextColumn("{task.description:<28}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=console, transient=False)
    tasks: dict[str, TaskID] = {}

    def progress(file: str, done: int, total: int | None) -> None:
        if file not in tasks:
            tasks[file] = bars.add_task(file, total=total)
        bars.update(tasks[file], completed=done, total=max(total or 0, done) or None)

    return bars, progress
