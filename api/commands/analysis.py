"""`speurnet monitor`: the bias monitor of the scores (aggregates only, small counts suppressed)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from api.commands.errors import clear_errors
from graph.db import Graph

err = Console(stderr=True)


def _n(value: object, small: str = "-") -> str:
    """A suppressed count reads as "<5" (`small`), a figure derived from one as "-"."""
    return small if value is None else str(value)


@clear_errors
def monitor(
    as_json: Annotated[bool, typer.Option("--json", help="Write the report as JSON.")] = False,
    min_count: Annotated[int, typer.Option(
        "--min-count", help="Suppress every count below this.")] = 5,
) -> None:
    """Score distributions per neighbourhood and against case outcomes, to see bias and drift."""
    from investigations.scoring.monitor import monitor as build

    with Graph.connect() as graph:
        report = build(graph, min_count=min_count)
    if as_json:
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    # Piped output gets room for the widest table instead of the 80 columns of a dumb terminal.
    out = Console(width=None if sys.stdout.isatty() else 140)
    small = f"<{report.min_count}"
    out.print(f"Analyse {report.run_id or '(nog geen)'} per {report.as_of or '-'}; "
              f"{small}: aantal onder {report.min_count}, onderdrukt; -: niet te tonen.")
    dist = Table("", *report.bands, title="Verdeling van scores")
    for label, counts in sorted(report.distribution.items()):
        dist.add_row(label, *(_n(c, small) for c in counts))
    out.print(dist)
    buurten = Table("buurt", "naam", "adressen", "score > 0", f"score >= {report.high}",
                    "aandeel", "gem. score", f"zaken ({report.case_years} jr)", "overtreding",
                    "opvallend", title="Per buurt (CBS)")
    for n in report.neighbourhoods:
        buurten.add_row(n.buurtcode, n.name or "", _n(n.addresses, small), _n(n.flagged, small),
                        _n(n.high, small), _n(n.high_share), _n(n.mean_score),
                        _n(n.cases, small), _n(n.violations, small), "ja" if n.standout else "")
    out.print(buurten)
    outcomes = Table("score", "overtreding", "geen overtreding", "onbekend", "open",
                     "trefkans", title="Score tegen uitkomst van de laatste zaak")
    for b, row in report.outcomes.items():
        outcomes.add_row(b, *(_n(v, small) for v in row.values()), _n(report.hit_rate.get(b)))
    out.print(outcomes)
