"""`speurnet alerts run`: run the scheduled investigations and indicators (cron it daily); new
hits become alerts for their owners' teams. `speurnet load` runs the `load` schedules itself."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from api.commands.errors import clear_errors
from graph.db import Graph
from graph.settings import get_settings
from investigations.access.policy import load_policy
from investigations.access.pseudonyms import Pseudonyms, secret
from investigations.access.sources import read_sources
from investigations.cases.schedules import FREQUENCIES, Runtime, run_due

alerts_app = typer.Typer(help="Scheduled investigations and indicators: their new hits become "
                              "alerts.", no_args_is_help=True)
err = Console(stderr=True)


def run_schedules(graph: Graph, frequency: str | None) -> list[dict[str, object]]:
    """Run the schedules of one frequency (None: all) as their owners; print one line each."""
    runtime = Runtime(load_policy(), read_sources(graph), Pseudonyms(secret(get_settings().home)))
    done = run_due(graph, runtime, frequency)
    for row in done:
        line = f"{row['id']}: {row['hits']} hits, {row['new']} new alerts"
        err.print(line + (f" (refused: {row['error']})" if row["error"] else ""),
                  highlight=False, soft_wrap=True)
    return done


@alerts_app.command("run")
@clear_errors
def run(
    frequency: Annotated[str, typer.Option(
        help="daily (for cron), load (what a load runs) or all.")] = "daily",
) -> None:
    """Run the schedules of one frequency now and write alerts for hits not seen before."""
    if frequency not in (*FREQUENCIES, "all"):
        err.print(f"[bold red]speurnet:[/] --frequency is one of {', '.join(FREQUENCIES)}, all")
        raise typer.Exit(2)
    with Graph.connect() as graph:
        done = run_schedules(graph, None if frequency == "all" else frequency)
    err.print(f"{len(done)} schedules run, {sum(int(str(r['new'])) for r in done)} new alerts.")
