"""`speurnet match`: run entity resolution, and review its judgements (confirm, reject, undo, list)."""

from __future__ import annotations

import getpass
import logging
from typing import Annotated

import typer
from rich.console import Console

from api.commands.errors import clear_errors
from graph.db import Graph
from graph.terms import Judgement
from investigations.matching.judgements import JudgementError

match_app = typer.Typer(
    help="Entity resolution: match addresses and persons, then confirm, reject or undo pairs.",
    invoke_without_command=True)
err = Console(stderr=True)
# Before the first run the graph has no SAME_AS or match properties yet; the server's notes on
# unknown property names are not news to the user.
logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
By = Annotated[str, typer.Option("--by", help="Who judges (default: your user name).")]


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


@match_app.callback()
@clear_errors
def match(ctx: typer.Context, full: Annotated[bool, typer.Option(
        "--full", help="Score every person again, not only those touched by new loads.")] = False,
          ) -> None:
    """Match free-text addresses to BAG keys and record persons to BRP persons and each other."""
    if ctx.invoked_subcommand is not None:
        return
    from investigations.matching import run

    with Graph.connect() as graph:
        summary = run(graph, full=full)
    for line in summary.lines():
        err.print(line, highlight=False, soft_wrap=True)


def _judge(a: str, b: str, judgement: str, by: str) -> None:
    from investigations.matching.review import judge

    with Graph.connect() as graph:
        outcome = judge(graph, a, b, judgement, by or _user())
    err.print(f"{outcome.left} - {outcome.right}: {outcome.judgement} (by {by or _user()})")
    for key, canonical in outcome.canonical.items():
        err.print(f"  {key} is now part of {canonical}", highlight=False)


@match_app.command()
@clear_errors
def confirm(a: Annotated[str, typer.Argument(help="A person key (person:... or bsn:...).")],
            b: Annotated[str, typer.Argument(help="The other person key.")],
            by: By = "") -> None:
    """Confirm that two persons are one; it stays so through reloads and re-runs."""
    _judge(a, b, Judgement.POSITIVE, by)


@match_app.command()
@clear_errors
def reject(a: Annotated[str, typer.Argument(help="A person key (person:... or bsn:...).")],
           b: Annotated[str, typer.Argument(help="The other person key.")],
           by: By = "") -> None:
    """Reject a pair: the two stay apart for good, and a merged record is restored as it was."""
    _judge(a, b, Judgement.NEGATIVE, by)


@match_app.command()
@clear_errors
def undo(a: Annotated[str, typer.Argument(help="A person key.")],
         b: Annotated[str, typer.Argument(help="The other person key.")],
         by: By = "") -> None:
    """Withdraw your judgement on a pair: the machine's judgement applies again."""
    from investigations.matching.review import undo as undo_pair

    with Graph.connect() as graph:
        outcome = undo_pair(graph, a, b, by or _user())
    now = outcome.judgement or "no judgement (matching never proposed the pair)"
    err.print(f"{outcome.left} - {outcome.right}: back to {now}")
    for key, canonical in outcome.canonical.items():
        err.print(f"  {key} is now part of {canonical}", highlight=False)


@match_app.command("list")
@clear_errors
def list_pairs(
    judgement: Annotated[str | None, typer.Option(help="positive, unsure or negative")] = None,
    key: Annotated[str | None, typer.Option(help="Only pairs with this person key.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many pairs.")] = 50,
) -> None:
    """List judged pairs, best first (default: all judgements)."""
    from investigations.matching.review import pairs

    if judgement is not None and judgement not in set(Judgement):
        raise JudgementError(f"--judgement is {', '.join(Judgement)}")
    with Graph.connect() as graph:
        found = pairs(graph, judgement, key, limit)
    for row in found:
        typer.echo(f"{row['score'] or 0:.3f}  {row['judgement']:<8}  {row['left']} "
                   f"({row['leftName']}, {row['leftBirth']})  =  {row['right']} "
                   f"({row['rightName']}, {row['rightBirth']})  by {row['by']}")
        if row["reasons"]:
            typer.echo("         " + "; ".join(row["reasons"]))
    err.print(f"{len(found)} pairs.")
