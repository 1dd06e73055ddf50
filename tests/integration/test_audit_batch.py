"""Group commit of audit entries: concurrent requests share transactions, the chain stays whole."""

from __future__ import annotations

import threading

from graph.db import Graph
from investigations.access import audit
from investigations.access.policy import load_policy
from investigations.access.pseudonyms import Pseudonyms
from investigations.access.scope import operator_scope
from investigations.access.sources import SourceTable


def test_concurrent_appends_get_one_order_and_a_chain_that_verifies(graph: Graph) -> None:
    scope = operator_scope(load_policy(), SourceTable([]), Pseudonyms(b"k" * 32), "test")
    seqs: list[int] = []
    lock = threading.Lock()

    def work(worker: int) -> None:
        for i in range(25):
            seq = audit.record(graph, scope, "view", f"adres:{worker:08d}{i:08d}")
            with lock:
                seqs.append(seq)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(seqs) == list(range(1, 201))  # every request got its own committed number
    checked, problems = audit.verify(graph)
    assert checked == 200 and problems == []
    targets = [e["target"] for e in audit.entries(graph)]
    assert len(set(targets)) == 200


def test_two_writers_that_remember_the_chain_end_still_make_one_chain(session_graph: Graph,
                                                                        graph: Graph) -> None:
    # Each connection's batcher starts its next append from the end it wrote last, without
    # reading it; when the other connection wrote in between, the append must notice and reread.
    scope = operator_scope(load_policy(), SourceTable([]), Pseudonyms(b"k" * 32), "test")
    other = Graph(session_graph._driver, session_graph.database, home=session_graph.home)
    seqs = [audit.record(g, scope, "view", f"adres:{i:016d}")
            for i in range(12) for g in ((graph, other) if i % 3 else (graph, graph))]
    assert seqs == list(range(1, 25))
    checked, problems = audit.verify(graph)
    assert checked == 24 and problems == []
