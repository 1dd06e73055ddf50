"""Dependencies point one way (DESIGN: architecture), read from the source with `ast`, nothing
imported: investigations/ never imports loaders/ or api/, loaders/ neither investigations/ nor
api/, graph/ none of the layers above it, and the packages of investigations/ form no cycle."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(package: str) -> list[tuple[str, str]]:
    """(importing module, imported module) for every import in `package`, also those inside
    functions; a relative import is resolved against its package."""
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        module = _module(path)
        here = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(module, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = here.split(".")[:len(here.split(".")) - node.level + 1] if node.level else []
                target = ".".join([*base, *([node.module] if node.module else [])])
                # `from investigations import privacy` imports the module investigations.privacy
                found += [(module, f"{target}.{alias.name}") for alias in node.names]
                found.append((module, target))
    return found


def _top(name: str) -> str:
    return name.split(".")[0]


def unit(module: str) -> str:
    """The part of investigations/ a module belongs to: its subpackage, or itself at the top."""
    return ".".join(module.split(".")[:2])


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle found by a depth-first walk, each as the path that closes it."""
    found, state = [], {}

    def walk(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                found.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                walk(nxt, [*path, nxt])
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            walk(node, [node])
    return found


def test_the_walk_reads_imports_and_finds_a_cycle() -> None:
    # Guards the test itself: it must see the imports it checks, and a cycle when there is one.
    edges = imports("investigations")
    assert ("investigations.analysis", "investigations.pipeline") in edges
    assert ("investigations.runner.export", "investigations.cells") in edges
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def test_investigations_import_neither_loaders_nor_api() -> None:
    wrong = [(m, t) for m, t in imports("investigations") if _top(t) in {"loaders", "api"}]
    assert wrong == []


def test_graph_imports_no_layer_above_it() -> None:
    above = {"investigations", "loaders", "api"}
    assert [(m, t) for m, t in imports("graph") if _top(t) in above] == []


def test_loaders_import_neither_investigations_nor_api() -> None:
    assert [(m, t) for m, t in imports("loaders") if _top(t) in {"investigations", "api"}] == []


def test_no_cycle_between_the_packages_of_investigations() -> None:
    edges: dict[str, set[str]] = defaultdict(set)
    for module, target in imports("investigations"):
        if _top(target) == "investigations" and target.count(".") >= 1:
            a, b = unit(module), unit(target)
            if a != b and "investigations" not in (a, b):
                edges[a].add(b)
    assert edges, "no imports between packages read"
    assert cycles(edges) == []
