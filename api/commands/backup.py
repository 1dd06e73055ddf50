"""`speurnet backup FILE` and `speurnet restore FILE`: what users created, kept apart from sources."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from api.commands.access import operator
from api.commands.errors import clear_errors
from graph.db import Graph
from investigations import backup as store
from investigations.access import audit

err = Console(stderr=True)
File = Annotated[Path, typer.Argument(help="The backup file (JSON lines).")]


@clear_errors
def backup(file: File) -> None:
    """Write users, teams, tokens, the audit log, saved investigations, notes, watch lists,
    notifications, outcomes and analysts' match judgements to FILE (atomically)."""
    started = time.monotonic()
    with Graph.connect() as graph:
        # Logged first, so the backup holds its own entry and the chain stays whole.
        audit.record(graph, operator(graph, "backup"), "backup", str(file.name))
        counts = store.backup(graph, file)
    kept = ", ".join(f"{n} {what}" for what, n in sorted(counts.items())) or "nothing"
    err.print(f"Backup {file}: {kept} ({file.stat().st_size:,} bytes, "
              f"{time.monotonic() - started:.1f} s).", highlight=False, soft_wrap=True)


@clear_errors
def restore(file: File) -> None:
    """Merge a backup into the graph after the sources were loaded (restoring twice adds nothing);
    exits 1 when a relationship's entity no longer exists (each one is named)."""
    started = time.monotonic()
    with Graph.connect() as graph:
        report = store.restore(graph, file)
    nodes = ", ".join(f"{n} {label}" for label, n in sorted(report.nodes.items())) or "no nodes"
    err.print(f"Restored from {file}: {nodes}, {report.links} relationships, {report.judgements} "
              f"judgements ({time.monotonic() - started:.1f} s).", highlight=False, soft_wrap=True)
    if report.anchor:
        err.print(f"  {report.anchor}", highlight=False, soft_wrap=True)
    for line in report.missing:
        err.print(f"  not re-attached: {line}", highlight=False, soft_wrap=True)
    if report.missing:
        err.print(f"{len(report.missing)} relationships name entities that are not in the graph "
                  "(load the sources first?)")
        raise typer.Exit(1)
