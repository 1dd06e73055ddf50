"""Streaming CSV writers for the contract files, and the `bronnen.yml` that describes them."""

from __future__ import annotations

import csv
import random
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Self, TypeVar

import yaml

Cell = str | int | None
T = TypeVar("T")


class TableWriter:
    """Writes one contract file row by row (UTF-8, `;`, header) and numbers the records.

    Used as a context manager; `write` returns the 1-based record number, which is how the
    ground truth and the `matches` export point at a row.
    """

    def __init__(self, folder: Path, name: str, columns: Sequence[str]) -> None:
        self.name = name
        self.columns = tuple(columns)
        self.rows = 0
        # Kept open across calls on purpose: the writer itself is the context manager.
        self._file = open(folder / name, "w", encoding="utf-8", newline="")  # noqa: SIM115
        # "\n" endings: the csv module still quotes any field holding ";", '"' or a newline.
        self._csv = csv.writer(self._file, delimiter=";", lineterminator="\n")
        self._csv.writerow(self.columns)

    def write(self, row: Sequence[Cell]) -> int:
        """Append one record (None is written as an empty cell) and return its number."""
        self._csv.writerow(row)
        self.rows += 1
        return self.rows

    def record(self, number: int, kind: str) -> str:
        """The contract's record reference, e.g. `meldingen.csv#203:address`."""
        return f"{self.name}#{number}:{kind}"

    def close(self) -> None:
        """Flush and close the file."""
        self._file.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def mixed(rng: random.Random, planted: list[T], ordinary: int,
          make: Callable[[], list[T]]) -> Iterator[T]:
    """Yield the planted items at random places among `ordinary` calls of `make`.

    Spreading them keeps record numbers and ids from giving the patterns away.
    """
    slots = sorted(rng.sample(range(ordinary + len(planted)), len(planted)))
    j = 0
    for i in range(ordinary + len(planted)):
        if j < len(planted) and slots[j] == i:
            yield planted[j]
            j += 1
        else:
            yield from make()


# Who supplies each file, its access tier and its retention (DESIGN: lawful use).
SOURCES: dict[str, dict[str, str]] = {
    "bag_verblijfsobjecten.csv": {"partner": "kadaster", "tier": "open", "retention": ""},
    "brp_inschrijvingen.csv": {"partner": "gemeente", "tier": "closed", "retention": "5y"},
    "kvk_vestigingen.csv": {"partner": "kvk", "tier": "open", "retention": ""},
    "kvk_functionarissen.csv": {"partner": "kvk", "tier": "closed", "retention": "5y"},
    "vergunningen.csv": {"partner": "gemeente", "tier": "closed", "retention": "7y"},
    # The intake system gathers signals from many partners; as a file it is the municipality's.
    "meldingen.csv": {"partner": "gemeente", "tier": "closed", "retention": "2y"},
    "zaken.csv": {"partner": "gemeente", "tier": "closed", "retention": "5y"},
    "verbruik.csv": {"partner": "netbeheerder", "tier": "private", "retention": "2y"},
    "brk_eigendom.csv": {"partner": "kadaster", "tier": "closed", "retention": "5y"},
    "buurt_cijfers.csv": {"partner": "politie", "tier": "open", "retention": ""},
}


def write_sources(folder: Path) -> None:
    """Write `bronnen.yml` with one entry per generated file."""
    text = yaml.safe_dump(SOURCES, sort_keys=False, allow_unicode=True)
    (folder / "bronnen.yml").write_text(text, encoding="utf-8")
