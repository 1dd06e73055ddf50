"""Write a `Store` as header-typed CSV files for `neo4j-admin database import full`.

One node file per label (its key property is the `:ID` of that label's id space) and one
relationship file per type and pair of end labels. Every column is typed from its values, so dates
stay dates, lists arrays and numbers long or double, as the normal load stores them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
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
    # Files with a value spanning lines: only these are parsed the slower multi-line way.
    multiline: list[Path] = field(default_factory=list)


# Most specific first: a bool is an int, a datetime a date.
_TYPES: tuple[tuple[type, str], ...] = (
    (bool, "boolean"), (int, "long"), (float, "double"), (datetime, "datetime"), (date, "date"),
    (str, "string"))


def _scalar_type(value: Any) -> str:
    for kind, name in _TYPES:
        if isinstance(value, kind):
            return name
    raise TypeError(f"no import type for {type(value).__name__}")


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
    for props in items:
        for name, value in props.items():
            kind = value_type(value)
            if types.setdefault(name, kind) != kind:
                raise TypeError(f"{where}.{name} holds both {types[name]} and {kind} values")
    return types


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if ARRAY_DELIMITER in text:
        raise ValueError(f"value {text[:40]!r} holds the array delimiter U+001F")
    return text


def cell(value: Any) -> str:
    """One CSV field: empty for null, quoted text otherwise (so an empty string stays one)."""
    if value is None:
        return ""
    text = ARRAY_DELIMITER.join(map(_text, value)) if isinstance(value, list) else _text(value)
    return '"' + text.replace('"', '""') + '"'


def _write(path: Path, header: list[str], rows: Iterable[list[Any]], files: ImportFiles) -> None:
    multiline = False
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(header) + "\n")
        for row in rows:
            line = ",".join(map(cell, row))
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
        _write(path, header, ([n.get(c) for c in columns] for n in nodes.values()), files)
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
        _write(path, header, ([s, e, *(p.get(c) for c in columns)] for s, e, p in rels), files)
        files.relationships.append((kind, path))
        files.relationship_count += len(rels)
    return files
