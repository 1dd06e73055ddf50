"""cypher/ holds only what the product runs; the statements of tests and benchmarks live beside
them (tests/cypher, bench/cypher) and are found only by a process that adds their folder."""

from __future__ import annotations

from pathlib import Path

from graph import queries
from graph.settings import ROOT
from investigations.indicators.catalogue import INDICATORS
from loaders.mappings import MAPPINGS

PRODUCT_CODE = ("api", "investigations", "loaders", "graph")
OWN_FOLDERS = (ROOT / "tests" / "cypher", ROOT / "bench" / "cypher")


def _product_source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for folder in PRODUCT_CODE
                     for p in sorted((ROOT / folder).rglob("*.py")) if "_generated" not in p.parts)


def _run_by_product() -> set[str]:
    """Names the product runs: named in its code, or of a family it builds names for (the
    indicators' statements, one load statement per mapped source, every shipped investigation)."""
    source = _product_source()
    named = {name for name in queries.all_queries(queries.CYPHER_DIR)
             if f'"{name}"' in source or f"'{name}'" in source}
    built = {i.query for i in INDICATORS} | {f"load/{stem}" for stem in MAPPINGS}
    shipped = {name for name in queries.all_queries(queries.CYPHER_DIR)
               if name.startswith("investigations/")}
    return named | built | shipped


def test_every_statement_in_cypher_is_run_by_the_product() -> None:
    product = set(queries.all_queries(queries.CYPHER_DIR))
    assert len(product) > 100
    assert product - _run_by_product() == set()


def test_no_test_or_benchmark_statement_is_in_cypher() -> None:
    names = [Path(q.path or "").stem for q in queries.all_queries(queries.CYPHER_DIR).values()]
    assert [n for n in names if n.startswith(("test_", "bench_"))] == []
    assert not (queries.CYPHER_DIR / "checks").exists()


def test_own_statements_are_found_and_shadow_nothing() -> None:
    product = set(queries.all_queries(queries.CYPHER_DIR))
    for folder in OWN_FOLDERS:
        own = queries.all_queries(folder)
        assert own and not own.keys() & product
        assert folder in queries.SEARCH_PATH  # tests/conftest.py adds it
        for name, query in own.items():
            assert queries.get(name).path == query.path
