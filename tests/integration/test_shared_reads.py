"""Reads that share one transaction inside `Graph.reading()` (what an entity page does)."""

from __future__ import annotations

import threading

import pytest

from graph.db import Graph, QueryFailed


def _count(graph: Graph) -> int:
    return sum(r["count"] for r in graph.read("admin/counts") if r["kind"] == "node")


def test_reads_in_a_block_see_what_was_written_before_and_during_it(graph: Graph) -> None:
    graph.write("checks/team_add", team="team-a")
    before = _count(graph)
    with graph.reading():
        assert _count(graph) == before
        graph.write("checks/team_add", team="team-b")  # its own transaction, committed at once
        with graph.reading():  # a nested block reads in the same transaction
            assert _count(graph) == before + 1
    assert _count(graph) == before + 1


def test_a_failed_read_ends_the_shared_transaction_and_the_block_reads_on(graph: Graph) -> None:
    graph.write("checks/team_add", team="team-a")
    with graph.reading():
        with pytest.raises(QueryFailed):
            graph.read("checks/divide", by=0)
        assert _count(graph) >= 1  # read again, outside the broken transaction


def test_each_thread_has_its_own_shared_transaction(graph: Graph) -> None:
    graph.write("checks/team_add", team="team-a")
    counts: list[int] = []

    def page() -> None:
        with graph.reading():
            counts.extend(_count(graph) for _ in range(5))

    threads = [threading.Thread(target=page) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(counts) == 20 and len(set(counts)) == 1
