"""Write a `Store` as header-typed CSV files for `neo4j-admin database import full`.

One node file per label (its key property is the `:ID` of that label's id space) and one
relationship file per type and pair of end labels. Every column is typed from its values, so dates
stay dates, lists arrays and numbers long or double, as the normal load stores them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from loaders.bulk_graph import NODE_KEYS, Props, Store

# Between array elements: a control character no source value holds (checked when writing).
ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"


@dataclass
class ImportFiles:
    """The written files: (label, path) per node file, (type, path) per relationship file."""

    nodes: list[tuple[str, Path]] = field(default_factory=list)
    relationships: list[tuple[str, Path]] = field(default_factory=list)
    node_count: int = 0
    relationship_count: int = 0
    # Files with a value spanning lines: when there is one, the importer reads every file the
    # slower multi-line way (graph/server.py `import_full`).
    multiline: list[Path] = field(default_factory=list)


_NAMES: dict[type, str] = {bool: "boolean", int: "long", float: "double", datetime: "datetime",
                           date: "date", str: "string"}


def _scalar_type(value: Any) -> str:
    name = _NAMES.get(type(value))
    if name is None:
        # A subclass (most specific first: a bool is an int, a datetime a date).
        name = next((n for t, n in _NAMES.items() if isinstance(value, t)), None)
        if name is None:
            raise TypeError(f"no import type for {type(value).__name__}")
    return name


def value_type(value: Any) -> str:
    """The import header type of one value: `date`, `long`, `string[]`..."""
    if isinstance(value, list):
        kinds = {_scalar_type(v) for v in value}
        if len(kinds) != 1:
            raise TypeError(f"an array needs elements of one type, got {sorted(kinds)}")
        return kinds.pop() + "[]"
    return _scalar_type(value)


def column_types(items: Iterable[Props], where: str) -> dict[str, str]:
    """Each property's type over all items; a property holding two types is refused by name."""
    types: dict[str, str] = {}
    seen: dict[str, type] = {}  # the Python type of each column's first scalar: the fast check
    for props in items:
        for name, value in props.items():
            if seen.get(name) is type(value) and type(value) is not list:
                continue
            kind = value_type(value)
            if types.setdefault(name, kind) != kind:
                raise TypeError(f"{where}.{name} holds both {types[name]} and {kind} values")
            seen[name] = type(value)
    return types


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        if ARRAY_DELIMITER in value:
            raise ValueError(f"value {value[:40]!r} holds the array delimiter U+001F")
        return value
    return repr(value)


def _array(value: list[Any]) -> str:
    return _quoted(ARRAY_DELIMITER.join(map(_plain, value)))


def _instant(value: datetime, known: dict[datetime, str]) -> str:
    text = known.get(value)
    if text is None:
        text = known[value] = value.isoformat()  # one loadedAt per file: written once
    return text


Format = Callable[[Any], str]


def formatter(kind: str) -> Format:
    """How a non-null value of a column of this import type is written: text quoted (so an empty
    string stays one; an empty field is null), numbers, booleans and times bare."""
    if kind.endswith("[]"):
        return _array
    if kind == "string":
        return _quoted
    if kind == "datetime":
        known: dict[datetime, str] = {}
        return lambda value: _instant(value, known)
    return _plain


def _write(path: Path, header: list[str], formats: list[Format], rows: Iterable[list[Any]],
           files: ImportFiles) -> None:
    multiline = False
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(header) + "\n")
        for row in rows:
            line = ",".join("" if v is None else f(v) for f, v in zip(formats, row, strict=True))
            multiline = multiline or "\n" in line or "\r" in line
            out.write(line + "\n")
    if multiline:
        files.multiline.append(path)


def write_import_files(store: Store, folder: Path) -> ImportFiles:
    """Write every node and relationship of `store` into `folder`; return the files."""
    folder.mkdir(parents=True, exist_ok=True)
    files = ImportFiles()
    for label, nodes in sorted(store.nodes.items()):
        if not nodes:
            continue
        key = NODE_KEYS[label]
        types = column_types(nodes.values(), label)
        columns = [key, *sorted(c for c in types if c != key)]
        header = [f"{key}:ID({label})", *(f"{c}:{types[c]}" for c in columns[1:])]
        path = folder / f"nodes-{label}.csv"
        formats = [_quoted, *(formatter(types[c]) for c in columns[1:])]
        _write(path, header, formats, ([n.get(c) for c in columns] for n in nodes.values()), files)
        files.nodes.append((label, path))
        files.node_count += len(nodes)
    groups: dict[tuple[str, str, str], list[tuple[Any, Any, Props]]] = defaultdict(list)
    for (kind, (start_label, start), (end_label, end), _), props in store.rels.items():
        groups[(kind, start_label, end_label)].append((start, end, props))
    for (kind, start_label, end_label), rels in sorted(groups.items()):
        types = column_types((props for _, _, props in rels), kind)
        columns = sorted(types)
        header = [f":START_ID({start_label})", f":END_ID({end_label})",
                  *(f"{c}:{types[c]}" for c in columns)]
        path = folder / f"rels-{kind}-{start_label}-{end_label}.csv"
        formats = [_quoted, _quoted, *(formatter(types[c]) for c in columns)]
        _write(path, header, formats, ([s, e, *(p.get(c) for c in columns)] for s, e, p in rels),
               files)
        files.relationships.append((kind, path))
        files.relationship_count += len(rels)
    return files
