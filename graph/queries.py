"""Named Cypher statements, loaded from `cypher/**/*.cypher` (what the product runs) and from
the folders tests and benchmarks add for their own statements (`tests/cypher`, `bench/cypher`).

Each file holds one statement under a header of `// key: value` lines:

    // name: health/versions
    // description: Versions of Neo4j, GDS and APOC.
    RETURN ...

The name is the file's path below its folder without the suffix; the header must repeat it, so a
renamed file cannot silently answer to an old name, and no two folders may hold one name.
Statements take `$parameters` only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph.settings import ROOT

CYPHER_DIR = ROOT / "cypher"
# Where `get` looks: the product's folder, then those `add_folder` added (a test or benchmark
# process adds its own; the product never sees their statements).
SEARCH_PATH: list[Path] = [CYPHER_DIR]
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


def add_folder(folder: Path) -> None:
    """Let `get` find the statements below `folder` too (tests/cypher, bench/cypher)."""
    if folder not in SEARCH_PATH:
        SEARCH_PATH.append(folder)
        _searched.cache_clear()


@lru_cache(maxsize=1)
def _searched() -> dict[str, Query]:
    found: dict[str, Query] = {}
    for folder in SEARCH_PATH:
        for name, query in all_queries(folder).items():
            if name in found:
                raise ValueError(f"{query.path}: {name} is also {found[name].path}")
            found[name] = query
    return found


def get(name: str) -> Query:
    """The statement called `name`, e.g. `load/addresses`, from the search path."""
    try:
        return _searched()[name]
    except KeyError:
        raise QueryNotFound(name) from None
