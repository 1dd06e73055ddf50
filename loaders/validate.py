"""The validation engine: turn the records of a source file into clean rows or rejects.

One generic loop runs every declared `SourceMapping`. A row is all or nothing: when any field,
row check or derived value fails, the whole record becomes one `Reject` listing every problem, so
nothing is ever half-loaded or silently dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from graph.terms import is_protected
from loaders.mappings import Column, SourceMapping
from loaders.read import SourceError, SourceFile

# Reject files are read by people; a runaway field (an unclosed quote) should not flood them.
MAX_VALUE_CHARS = 200


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record: the contract column (`*` for the record), value and why."""

    field: str
    value: str
    reason: str


@dataclass(frozen=True)
class Row:
    """A valid record: its number in the file, its row key and its graph properties."""

    record: int
    key: str
    values: dict[str, Any]


@dataclass(frozen=True)
class Reject:
    """A rejected record with every problem found in it."""

    file: str
    row: int
    problems: tuple[Problem, ...]

    @property
    def field(self) -> str:
        """The column of the first problem."""
        return self.problems[0].field

    @property
    def value(self) -> str:
        """The offending value of the first problem."""
        return self.problems[0].value

    @property
    def reason(self) -> str:
        """The reason of the first problem."""
        return self.problems[0].reason


@dataclass
class FileReport:
    """What happened to one file: counts and the columns dropped, ignored or absent."""

    file: str
    source: str
    read: int = 0
    valid: int = 0
    rejected: int = 0
    dropped_protected: list[str] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ColumnPlan:
    """The columns of one file sorted into used, dropped and ignored."""

    present: tuple[Column, ...]
    dropped: tuple[str, ...]
    unknown: tuple[str, ...]
    missing: tuple[str, ...]


def plan_columns(source: SourceFile, mapping: SourceMapping) -> ColumnPlan:
    """Sort the header against the mapping; raises SourceError when a required column is absent."""
    declared = set(mapping.column_names)
    # Protected columns go first, before anything else looks at them, even if a mapping declared
    # such a name by mistake.
    dropped = tuple(name for name in source.header if is_protected(name))
    kept = [name for name in source.header if name not in dropped]
    unknown = tuple(name for name in kept if name not in declared)
    present = tuple(column for column in mapping.columns if column.name in kept)
    absent = [column for column in mapping.columns if column.name not in kept]
    required = [column.name for column in absent if column.required]
    if required:
        raise SourceError(
            source.name,
            f"missing required column{'s' if len(required) > 1 else ''}: {', '.join(required)}",
        )
    return ColumnPlan(present, dropped, unknown, tuple(column.name for column in absent))


def validate_file(
    source: SourceFile,
    mapping: SourceMapping,
    report: FileReport | None = None,
    *,
    check_duplicates: bool = True,
) -> Iterator[Row | Reject]:
    """Check the header now (SourceError on a missing required column), then stream rows.

    Pass a `FileReport` to have it filled in as the rows are consumed.
    """
    plan = plan_columns(source, mapping)
    if report is None:
        report = FileReport(source.name, mapping.source)
    report.dropped_protected.extend(plan.dropped)
    report.unknown_columns.extend(plan.unknown)
    report.missing_columns.extend(plan.missing)
    return _validate(source, mapping, plan, report, check_duplicates)


def _validate(
    source: SourceFile,
    mapping: SourceMapping,
    plan: ColumnPlan,
    report: FileReport,
    check_duplicates: bool,
) -> Iterator[Row | Reject]:
    # Hashes, not keys: a million keys as strings would cost far more memory than their hashes,
    # and a 64-bit collision within one file is vanishingly unlikely.
    seen: set[int] = set()
    for number, values, structural in source:
        report.read += 1
        result = validate_record(source.name, mapping, plan.present, number, values, structural)
        if isinstance(result, Row) and check_duplicates and mapping.row_key:
            digest = hash(result.key)
            if digest in seen:
                columns = ", ".join(mapping.row_key)
                reason = f"duplicate row: an earlier record has the same {columns}"
                problem = Problem(mapping.row_key[0], result.key, reason)
                result = Reject(source.name, number, (problem,))
            seen.add(digest)
        if isinstance(result, Row):
            report.valid += 1
        else:
            report.rejected += 1
        yield result


def validate_record(
    file: str,
    mapping: SourceMapping,
    columns: tuple[Column, ...],
    number: int,
    values: dict[str, str],
    structural: str | None = None,
) -> Row | Reject:
    """Parse one record with the columns present into a Row, or a Reject listing every problem."""
    if structural is not None:
        # A shifted or cut-off record cannot be trusted column by column.
        return Reject(file, number, (Problem("*", "", structural),))
    if not any(value.strip() for value in values.values()):
        return Reject(file, number, (Problem("*", "", "empty record"),))
    props: dict[str, Any] = {}
    problems: list[Problem] = []
    for column in columns:
        raw = values.get(column.name, "")
        if not raw.strip():
            if column.required:
                problems.append(Problem(column.name, "", "required value is empty"))
            props[column.prop] = None  # empty means unknown, never zero
            continue
        try:
            props[column.prop] = column.parse(raw)
        except ValueError as exc:
            problems.append(Problem(column.name, _shorten(raw), str(exc)))
    if not problems:
        problems.extend(_check_row(mapping, props, values))
    if not problems:
        problems.extend(_derive(mapping, props, values))
    if problems:
        return Reject(file, number, tuple(problems))
    return Row(number, row_key(mapping, props, number), props)


def _check_row(
    mapping: SourceMapping, props: dict[str, Any], values: dict[str, str]
) -> list[Problem]:
    problems = []
    for check in mapping.checks:
        for name, reason in check.test(props):
            problems.append(Problem(name, _shorten(values.get(name, "")), reason))
    return problems


def _derive(mapping: SourceMapping, props: dict[str, Any], values: dict[str, str]) -> list[Problem]:
    problems = []
    for derived in mapping.derived:
        try:
            props.update(derived.compute(props))
        except (ValueError, KeyError) as exc:
            # KeyError: an optional input column is absent from this file.
            reason = f"cannot compute {derived.name}: {exc}"
            problems.append(Problem(derived.blame, _shorten(values.get(derived.blame, "")), reason))
    return problems


def row_key(mapping: SourceMapping, props: dict[str, Any], number: int) -> str:
    """The row key: normalised key-column values joined by `|`, or the record number."""
    if not mapping.row_key:
        return str(number)
    parts = (props.get(mapping.column(name).prop) for name in mapping.row_key)
    return "|".join(_key_part(part) for part in parts)


def _key_part(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _shorten(raw: str) -> str:
    return raw if len(raw) <= MAX_VALUE_CHARS else raw[: MAX_VALUE_CHARS - 1] + "…"
