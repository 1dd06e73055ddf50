"""`speurnet demo`: the main job on the embedded default, and `speurnet demo generate`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graph.settings import get_settings

demo_app = typer.Typer(help="The demo municipality: generate it, or run the whole demo.",
                       invoke_without_command=True)
err = Console(stderr=True)

DEMO_PERSONS = 10_000
DEMO_SEED = 2026


def generate_with_progress(folder: Path, persons: int, seed: int) -> None:
    from loaders.synthetic import generate

    columns = (TextColumn("generating {task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=err) as bars:
        task = bars.add_task(f"{persons} persons", total=persons)
        generate(folder, persons=persons, seed=seed,
                 progress=lambda done: bars.update(task, completed=done))
    err.print(f"Demo municipality ({persons} persons, seed {seed}) written to {folder}")


@demo_app.command("generate")
def demo_generate(
    folder: Annotated[Path, typer.Argument(help="Folder to write the source files into.")],
    persons: Annotated[int, typer.Option(min=100, max=2_000_000, help="Number of BRP persons.")] = DEMO_PERSONS,
    seed: Annotated[int, typer.Option(help="Same seed, same files.")] = DEMO_SEED,
) -> None:
    """Write a synthetic municipality (the data contract's files plus ground_truth.json)."""
    generate_with_progress(folder, persons, seed)


def demo_folder(persons: int, seed: int) -> Path:
    return get_settings().home / "demo" / f"town-{persons}-{seed}"
