"""Write rejected records to the load's reject file, one line per problem."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from loaders.validate import Reject

COLUMNS = ("file", "row", "field", "value", "reason")

# Values come from untrusted files and the reject file is opened in Excel: a cell starting with
# one of these would run as a formula, so such values get a leading apostrophe.
_FORMULA_START = ("=", "+", "@", "\t", "\r")


def _safe(value: str) -> str:
    if value.startswith(_FORMULA_START):
        return "'" + value
    # `-12` is a harmless number; `-cmd|...` is the classic formula injection.
    if value.startswith("-") and not value[1:].replace(".", "").replace(",", "").isdigit():
        return "'" + value
    return value


class RejectWriter:
    """Context manager appending rejects to a UTF-8 CSV file, flushed as it goes.

    `counts` holds the number of rejected records per file name; `problems` the number of lines.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.counts: Counter[str] = Counter()
        self.problems = 0
        self._handle: IO[str] | None = None
        self._writer: Any = None

    def __enter__(self) -> Self:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = self.path.open("w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._handle)
        self._writer.writerow(COLUMNS)
        self._handle.flush()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the file; safe to call twice."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def add(self, file: str, row: int | str, field: str, value: str, reason: str) -> None:
        """Write one problem line without counting a record (e.g. a file-level error, row `*`)."""
        self._line(file, row, field, value, reason)
        self._flush()

    def write(self, reject: Reject) -> None:
        """Write every problem of a rejected record and count the record once."""
        for problem in reject.problems:
            self._line(reject.file, reject.row, problem.field, problem.value, problem.reason)
        self.counts[reject.file] += 1
        self._flush()

    def _line(self, file: str, row: int | str, field: str, value: str, reason: str) -> None:
        if self._writer is None:
            raise RuntimeError("RejectWriter used outside its `with` block")
        self._writer.writerow((file, row, field, _safe(value), reason))
        self.problems += 1

    def _flush(self) -> None:
        # Flushed per record so a crashed load still leaves every reject it found on disk.
        if self._handle is not None:
            self._handle.flush()

    @property
    def total(self) -> int:
        """Rejected records over all files."""
        return sum(self.counts.values())
