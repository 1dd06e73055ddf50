"""Named Cypher statements, loaded from `cypher/**/*.cypher`.

Each file holds one statement under a header of `// key: value` lines:

    // name: health/versions
    // description: Versions of Neo4j, GDS and APOC.
    RETURN ...

The name is the file's path below `cypher/` without the suffix; the header must repeat it, so a
renamed file cannot silently answer to an old name. Statements take `$parameters` only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph.settings import ROOT

CYPHER_DIR = ROOT / "cypher"
_HEADER = re.compile(r"^//\s*([a-z_]+)\s*:\s*(.*?)\s*$")


class QueryNotFound(KeyError):
    """No `.cypher` file has that name."""


@dataclass(frozen=True)
class Query:
    """One named statement and its header fields."""

    name: str
    text: str
    description: str
    meta: dict[str, str] = field(default_factory=dict)
    path: Path | None = None


def parse(path: Path, name: str) -> Query:
    """Read one `.cypher` file, checking that its header names it."""
    meta: dict[str, str] = {}
    body: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _HEADER.match(line) if not body else None
        if match:
            key, value = match.groups()
            meta[key] = f"{meta[key]} {value}" if key in meta else value
        elif body or line.strip():
            body.append(line)
    if meta.get("name") != name:
        raise ValueError(f"{path}: header says name {meta.get('name')!r}, file says {name!r}")
    if "description" not in meta:
        raise ValueError(f"{path}: header has no description")
    return Query(name, "\n".join(body).strip(), meta["description"], meta, path)


@lru_cache(maxsize=1)
def all_queries(folder: Path = CYPHER_DIR) -> dict[str, Query]:
    """Every statement below `folder`, by name."""
    found: dict[str, Query] = {}
    for path in sorted(folder.rglob("*.cypher")):
        name = path.relative_to(folder).with_suffix("").as_posix()
        found[name] = parse(path, name)
    return found


def get(name: str) -> Query:
    """The statement called `name`, e.g. `load/addresses`."""
    try:
        return all_queries()[name]
    except KeyError:
        raise QueryNotFound(name) from None
