"""The `speurnet` command: one group, one short command per verb, each calling a library function."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from api.commands.demo import DEMO_PERSONS, DEMO_SEED, demo_app, demo_folder, generate_with_progress
from api.commands.errors import clear_errors
from graph import server
from graph.db import Graph
from graph.settings import get_settings

app = typer.Typer(help="Speurnet: graph investigations for municipalities and RIEC partners.",
                  no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="The Neo4j server: start, stop, status, install, init.", no_args_is_help=True)
app.add_typer(db_app, name="db")
# Area command groups (api/commands/<area>.py) are registered below this line.
from api.commands.access import audit_app, privacy_app, token_app, user_app
from api.commands.alerts import alerts_app, run_schedules
from api.commands.analysis import monitor
from api.commands.backup import backup, restore
from api.commands.match import match_app

app.add_typer(match_app, name="match")
app.command("monitor")(monitor)
app.command("backup")(backup)
app.command("restore")(restore)
app.add_typer(demo_app, name="demo")
app.add_typer(user_app, name="user")
app.add_typer(token_app, name="token")
app.add_typer(audit_app, name="audit")
app.add_typer(privacy_app, name="privacy")
app.add_typer(alerts_app, name="alerts")
err = Console(stderr=True)

@db_app.command("install")
@clear_errors
def db_install() -> None:
    """Resolve Neo4j, GDS and APOC jars with Maven (once)."""
    server.install(quiet=False)
    err.print("Neo4j, GDS and APOC jars are in place.")


@db_app.command("start")
@clear_errors
def db_start() -> None:
    """Start the project's own Neo4j (no-op when it already runs)."""
    before = server.status()
    status = server.start()
    word = "already running" if before.running else "started"
    err.print(f"Neo4j {word} on {status.uri} (pid {status.pid}, data in {status.home / 'data'})")


@db_app.command("stop")
@clear_errors
def db_stop() -> None:
    """Stop the project's own Neo4j."""
    stopped = server.stop()
    err.print("Neo4j stopped." if stopped else "Neo4j was not running.")


@db_app.command("status")
@clear_errors
def db_status() -> None:
    """Say whether Neo4j runs and which versions answer."""
    settings = get_settings()
    if settings.managed:
        status = server.status(settings)
        if not status.running:
            err.print("Neo4j is not running (start it with: speurnet db start)")
            raise typer.Exit(3)
        err.print(f"Neo4j runs on {status.uri} (pid {status.pid})")
    with Graph.connect(settings) as graph:
        v = graph.versions()
    typer.echo(f"neo4j {v['neo4j']} ({v['edition']}), gds {v['gds']}, apoc {v['apoc']}")


@db_app.command("init")
@clear_errors
def db_init() -> None:
    """Install the model's constraints and indexes (idempotent)."""
    from graph import schema

    with Graph.connect() as graph:
        count = schema.install(graph)
    err.print(f"{count} constraints and indexes in place.")


@app.command()
@clear_errors
def load(
    path: Annotated[Path, typer.Argument(help="A source folder, or one source file.")],
    report_dir: Annotated[Path | None, typer.Option(
        help="Where rejects and the report go (default: SPEURNET_HOME/loads).")] = None,
    bulk: Annotated[bool, typer.Option(
        "--bulk", help="First national load: neo4j-admin import of a whole folder into the "
        "project's own (empty) database; later deliveries use the normal load.")] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="With --bulk: replace a database that already holds data.")] = False,
) -> None:
    """Load source files into the graph; exits 1 when any row was rejected or a file failed."""
    from api.loading import load_with_progress, summary
    from graph import schema
    from investigations.collab import notify_changes
    from loaders.bulk import BulkRefused
    from loaders.bulk_cli import bulk_with_progress
    from loaders.load import LoadReport

    settings = get_settings()
    if force and not bulk:
        err.print("[bold red]speurnet:[/] --force only goes with --bulk")
        raise typer.Exit(2)
    report: LoadReport
    if bulk:
        try:
            report = bulk_with_progress(settings, path, report_dir or settings.home / "loads",
                                        err, force)
        except BulkRefused as exc:
            err.print(f"[bold red]speurnet:[/] {exc}", highlight=False, soft_wrap=True)
            raise typer.Exit(2) from None
    else:
        with Graph.connect(settings) as graph:
            schema.install(graph)
            report = load_with_progress(graph, path, report_dir or settings.home / "loads", err)
    with Graph.connect(settings) as graph:
        # Watchers hear of new signals, cases and permits now, not only at the next analysis.
        told = notify_changes(graph)
        # Scheduled investigations and indicators run on the delivery just loaded.
        run_schedules(graph, "load")
    for line in summary(report):
        err.print(line, highlight=False, soft_wrap=True)
    if told["notifications"]:
        err.print(f"{told['notifications']} notifications for watch lists")
    for skipped in report.skipped:
        err.print(f"skipped {skipped}: not a source of the data contract (a list needs a .mapping.yml)")
    err.print(f"Rejected rows: {report.reject_file}\nReport: {report.report_file}")
    if not report.ok:
        raise typer.Exit(1)


@app.command()
@clear_errors
def analyze(
    as_of: Annotated[str | None, typer.Option("--as-of", help="Reference date YYYY-MM-DD (default: today).")] = None,
) -> None:
    """Run the analysis steps (matching first when needed, indicators, networks, scoring)."""
    from datetime import date

    from investigations.analysis import analyze as run_analysis

    try:
        when = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        err.print(f"[bold red]speurnet:[/] --as-of {as_of!r} is not a date like 2026-11-01")
        raise typer.Exit(2) from None
    with Graph.connect() as graph:
        report = run_analysis(graph, when, progress=lambda m: err.print(f"  {m}", highlight=False))
    for name, seconds in report.seconds.items():
        err.print(f"{name}: {seconds:.1f}s {report.steps[name]}", highlight=False, soft_wrap=True)
    err.print(f"Analysis {report.run_id} (as of {report.as_of}) done.")


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"


@app.command()
@clear_errors
def export(
    what: Annotated[str, typer.Argument(help="addresses, persons, companies, networks, links, matches")],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv (default) or json")] = ExportFormat.csv,
) -> None:
    """Write an export of the data contract to standard output (messages go to standard error)."""
    from investigations import exports
    from investigations.registry import load_all

    load_all()
    if what not in exports.EXPORTS:
        known = ", ".join(exports.iter_names()) or "none yet"
        err.print(f"[bold red]speurnet:[/] no export called {what!r} (known: {known})")
        raise typer.Exit(2)
    with Graph.connect() as graph:
        count = exports.write(graph, what, fmt.value, sys.stdout)
    err.print(f"{count} rows exported ({what}, {fmt.value}).")


@app.command()
@clear_errors
def serve(host: str = typer.Option("127.0.0.1", help="Address to listen on."),
          port: int = typer.Option(8000, help="Port to listen on."),
          workers: int = typer.Option(1, min=1, help="Worker processes: about one per core "
                                      "when many users work at once.")) -> None:
    """Serve the web pages and the API."""
    import uvicorn

    from api.app import create_app

    if workers == 1:
        uvicorn.run(create_app(), host=host, port=port, log_level="info")
    else:  # each worker process builds its own app (and driver) from the factory
        uvicorn.run("api.app:create_app", factory=True, host=host, port=port, workers=workers,
                    log_level="info")


def ensure_database() -> None:
    """Start the managed server when Speurnet runs its own; check an external one answers."""
    settings = get_settings()
    if settings.managed:
        status = server.start(settings)
        err.print(f"Neo4j runs on {status.uri}")
    else:
        Graph.connect(settings).close()
        err.print(f"Using Neo4j at {settings.uri}")


@demo_app.callback()
@clear_errors
def demo(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to serve on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8000,
    persons: Annotated[int, typer.Option(help="Size of the demo municipality.")] = DEMO_PERSONS,
    seed: Annotated[int, typer.Option(help="Seed of the demo municipality.")] = DEMO_SEED,
    fresh: Annotated[bool, typer.Option(help="Empty the database and load the demo again.")] = False,
) -> None:
    """Start Neo4j, generate and load the demo municipality (once), and serve on http://HOST:PORT."""
    if ctx.invoked_subcommand is not None:
        return
    from graph import schema

    ensure_database()
    folder = demo_folder(persons, seed)
    if not (folder / "ground_truth.json").exists():
        generate_with_progress(folder, persons, seed)
    with Graph.connect() as graph:
        schema.install(graph)
        if fresh:
            graph.autocommit("admin/wipe")
        if fresh or not graph.read("demo/loaded", folder=str(folder))[0]["loaded"]:
            from api.loading import load_with_progress, summary

            report = load_with_progress(graph, folder, get_settings().home / "loads", err)
            for line in summary(report):
                err.print(line, highlight=False, soft_wrap=True)
        else:
            err.print(f"Demo municipality already loaded from {folder} (--fresh loads it again)")
        if fresh or not graph.read("analysis/latest_run"):
            from investigations.analysis import analyze as run_analysis

            run = run_analysis(graph, progress=lambda m: err.print(f"  {m}", highlight=False))
            err.print(f"Analysis {run.run_id} done ({sum(run.seconds.values()):.0f} s).")
        from api.commands.access import print_demo_users

        print_demo_users(graph, f"http://{host}:{port}")
    err.print(f"Speurnet on http://{host}:{port}  (stop: Ctrl-C; the database: speurnet db stop)")
    serve(host=host, port=port, workers=1)


def main() -> None:
    app(prog_name="speurnet")


if __name__ == "__main__":
    main()
