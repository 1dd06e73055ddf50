"""`speurnet export <what>`: the data contract's exports, each a declared query and its columns.

An export is a named Cypher statement whose rows carry exactly the contract's columns (lists
become `|`-separated cells in CSV). Rows are ranked by score, highest first, unless the export is
declared unranked (`matches`). Areas register their exports here (see EXPORTS).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from graph.db import Graph


@dataclass(frozen=True)
class Export:
    """One export: its name, its columns in order, and the statement that yields its rows."""

    name: str
    columns: tuple[str, ...]
    query: str
    ranked: bool = True
    description: str = ""


EXPORTS: dict[str, Export] = {}


class UnknownExport(KeyError):
    """No export of that name."""


def register(export: Export) -> Export:
    EXPORTS[export.name] = export
    return export


def rows(graph: Graph, name: str, **params: Any) -> list[dict[str, Any]]:
    """The export's rows, ranked by score (highest first) when the export is ranked."""
    try:
        export = EXPORTS[name]
    except KeyError:
        raise UnknownExport(name) from None
    found = graph.read(export.query, **params)
    if export.ranked:
        found.sort(key=lambda r: -(r.get("score") or 0.0))
    return [{c: r.get(c) for c in export.columns} for r in found]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "|".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def write_csv(columns: Iterable[str], found: Iterable[dict[str, Any]], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    cols = list(columns)
    writer.writerow(cols)
    for row in found:
        writer.writerow([_cell(row.get(c)) for c in cols])


def write(graph: Graph, name: str, fmt: str, out: TextIO, **params: Any) -> int:
    """Write export `name` as `csv` or `json` to `out`; returns the number of rows."""
    found = rows(graph, name, **params)
    if fmt == "json":
        json.dump(found, out, ensure_ascii=False, default=str)
        out.write("\n")
    else:
        write_csv(EXPORTS[name].columns, found, out)
    return len(found)


def iter_names() -> Iterator[str]:
    yield from sorted(EXPORTS)
