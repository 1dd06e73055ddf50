"""The one gateway to Neo4j: the only module that imports the driver.

Reads are read-routed (`execute_read`) unless a write is asked for explicitly; writes of many rows
go in batches through `UNWIND $rows`. Results come back as plain Python values (dicts, lists,
`datetime.date`), never as driver records, so nothing above `graph/` depends on the driver.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Self

import neo4j
from neo4j import exceptions as neo4j_errors
from neo4j.time import Date, DateTime, Duration, Time

from graph import queries
from graph.settings import Settings, get_settings

# A result row, column name to plain value: open, since its columns are whatever the statement
# returns (modules with a fixed shape declare a TypedDict instead).
Row = dict[str, Any]


# The connection went away (server stopped or killed, network gone) rather than a statement failing.
LOST = (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, neo4j_errors.IncompleteCommit)


class GraphUnavailable(RuntimeError):
    """Neo4j does not answer; callers turn this into a clear message or a 503."""


class GraphRefused(GraphUnavailable):
    """Neo4j answers but refuses the credentials."""


class QueryFailed(RuntimeError):
    """Neo4j refused a statement (syntax, constraint, timeout): carries its message."""


class QueryTimedOut(QueryFailed):
    """A statement ran past the timeout its caller set (investigations)."""


@dataclass
class Answer:
    """Rows of an investigation with nodes and relationships kept apart for drawing.

    A node in a row (or inside a list or path) becomes `{"eid", "labels", "properties"}`, a
    relationship `{"eid", "type", "start", "end", "properties"}` (`eid`: the server's element id,
    for joining rows and graph inside one answer only, never shown); a path becomes
    `{"nodes": [...], "relationships": [...]}`.
    """

    columns: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    nodes: dict[str, Row] = field(default_factory=dict)
    relationships: dict[str, Row] = field(default_factory=dict)
    truncated: bool = False

    def keep(self, value: Any) -> Any:
        """Turn one driver value into plain values, remembering its nodes and relationships."""
        if isinstance(value, neo4j.graph.Node):
            node = {"eid": value.element_id, "labels": sorted(value.labels),
                    "properties": plain(dict(value.items()))}
            self.nodes[value.element_id] = node
            return node
        if isinstance(value, neo4j.graph.Relationship):
            start, end = value.start_node, value.end_node
            for n in (start, end):
                if n is not None and n.element_id not in self.nodes and n.labels:
                    self.keep(n)
            rel = {"eid": value.element_id, "type": value.type,
                   "start": start.element_id if start is not None else None,
                   "end": end.element_id if end is not None else None,
                   "properties": plain(dict(value.items()))}
            self.relationships[value.element_id] = rel
            return rel
        if isinstance(value, neo4j.graph.Path):
            return {"nodes": [self.keep(n) for n in value.nodes],
                    "relationships": [self.keep(r) for r in value.relationships]}
        if isinstance(value, dict):
            return {k: self.keep(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self.keep(v) for v in value]
        return plain(value)


_SCALARS = frozenset({str, int, float, bool})


def plain(value: Any) -> Any:
    """Turn driver values (temporal types, nodes, relationships) into plain Python values."""
    if value is None or type(value) in _SCALARS:  # most values: answered before any isinstance
        return value
    if isinstance(value, (Date, DateTime, Time)):
        return value.to_native()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, neo4j.graph.Node):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, neo4j.graph.Relationship):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def batched(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    """Cut a stream of rows into lists of at most `size`, holding one batch at a time."""
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


@contextmanager
def translated(timeout: float | None = None) -> Iterator[None]:
    """Driver errors as Speurnet's: a lost server as GraphUnavailable, a refused statement as
    QueryFailed (QueryTimedOut when a `timeout` given to the transaction ran out)."""
    try:
        yield
    except LOST as exc:
        raise GraphUnavailable(f"Neo4j does not answer: {exc}") from exc
    except neo4j_errors.Neo4jError as exc:
        if timeout is not None and "TransactionTimedOut" in (exc.code or ""):
            raise QueryTimedOut(f"stopped after {timeout:g} s") from exc
        raise QueryFailed(exc.message or str(exc)) from exc


def _refusal(settings: Settings) -> str:
    if not settings.managed:
        return f"Neo4j at {settings.uri} refused the credentials (NEO4J_USER/NEO4J_PASSWORD)"
    if settings.auth is None:
        return (f"Neo4j at {settings.uri} asks for a password and {settings.password_file} is "
                "missing: `speurnet db stop` and `speurnet db start` set a new one")
    return (f"Neo4j at {settings.uri} refused the password in {settings.password_file}: remove "
            "that file, then `speurnet db stop` and `speurnet db start` set a new one")


class Graph:
    """A connection to one Neo4j database."""

    def __init__(self, driver: neo4j.Driver, database: str, batch_size: int = 2000,
                 home: Path | None = None) -> None:
        self._driver = driver
        self.database = database
        self.batch_size = batch_size
        # The home folder of the settings it was opened with: where the audit key and anchor are.
        self.home = home
        # A read transaction this thread's reads share inside `reading()` (one page's queries).
        self._shared = threading.local()

    @classmethod
    def connect(cls, settings: Settings | None = None, check: bool = True) -> Graph:
        """Open a driver for the configured server and (by default) check that it answers."""
        settings = settings or get_settings()
        driver = neo4j.GraphDatabase.driver(
            settings.uri, auth=settings.auth, connection_timeout=settings.connect_timeout,
            max_transaction_retry_time=settings.retry_time,
            # "Property/label does not exist" on a graph not analysed yet is expected, not news.
            notifications_disabled_classifications=[
                neo4j.NotificationDisabledClassification.UNRECOGNIZED])
        graph = cls(driver, settings.database, settings.batch_size, settings.home)
        if check:
            try:
                driver.verify_connectivity()
            except (neo4j_errors.ServiceUnavailable, OSError) as exc:
                driver.close()
                raise GraphUnavailable(f"Neo4j does not answer at {settings.uri}: {exc}") from exc
            except neo4j_errors.AuthError as exc:
                driver.close()
                raise GraphRefused(_refusal(settings)) from exc
        return graph

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _run(self, text: str, params: dict[str, Any], write: bool) -> list[Row]:
        def work(tx: neo4j.ManagedTransaction) -> list[Row]:
            return [plain(record.data()) for record in tx.run(text, params)]

        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        with translated(), self._driver.session(database=self.database,
                                                default_access_mode=mode) as session:
            return session.execute_write(work) if write else session.execute_read(work)

    def read(self, name: str, **params: Any) -> list[Row]:
        """Run the named statement in a read transaction (this thread's shared one inside
        `reading()`)."""
        text = queries.get(name).text
        tx: neo4j.Transaction | None = getattr(self._shared, "tx", None)
        if tx is not None:
            try:
                return [plain(record.data()) for record in tx.run(text, params)]
            except (neo4j_errors.Neo4jError, neo4j_errors.DriverError):
                # A failed statement ends the shared transaction: the rest of the block reads on
                # its own, and this statement is tried once more that way (with the retries).
                self._end_shared()
        return self._run(text, params, write=False)

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Inside the block, this thread's `read`s share one read transaction: a page of many
        small queries pays for one session and one begin instead of one per query. Writes keep
        their own transactions; read-committed isolation lets later reads see their commits."""
        if getattr(self._shared, "tx", None) is not None:
            yield  # already inside a block on this thread
            return
        with translated():
            session = self._driver.session(database=self.database,
                                           default_access_mode=neo4j.READ_ACCESS)
            self._shared.session, self._shared.tx = session, session.begin_transaction()
        try:
            yield
        finally:
            self._end_shared()

    def _end_shared(self) -> None:
        tx, session = getattr(self._shared, "tx", None), getattr(self._shared, "session", None)
        self._shared.tx = self._shared.session = None
        try:
            if tx is not None:
                tx.close()
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError):
            pass  # nothing was written in it: a lost rollback loses nothing
        finally:
            if session is not None:
                session.close()

    def write(self, name: str, **params: Any) -> list[Row]:
        """Run the named statement in a write transaction."""
        return self._run(queries.get(name).text, params, write=True)

    def stream(self, name: str, **params: Any) -> Iterator[Row]:
        """Run the named statement in one read transaction and yield its rows as the server sends
        them (the driver fetches them in batches), so a result of any size is never held whole.
        Unlike `read` it is not retried: rows already yielded cannot be taken back."""
        text = queries.get(name).text
        with translated(), self._driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS) as session, \
                session.begin_transaction() as tx:
            for record in tx.run(text, params):
                yield plain(record.data())

    def autocommit(self, name: str, **params: Any) -> list[Row]:
        """Run the named statement as an auto-commit transaction (needed by `IN TRANSACTIONS`)."""
        text = queries.get(name).text
        with translated(), self._driver.session(database=self.database) as session:
            return [plain(r.data()) for r in session.run(text, params)]

    def schema(self, statement: str) -> None:
        """Run one schema statement generated from the model (never from user text)."""
        with translated(), self._driver.session(database=self.database) as session:
            session.run(statement).consume()

    def write_batches(self, name: str, rows: Iterable[Row], **params: Any) -> Iterator[Row]:
        """Run `UNWIND $rows ...` statement `name` per batch; yields each batch's one result row.

        The next batch is read and validated in a worker thread while Neo4j writes the current
        one, so parsing and writing overlap; the row source is only ever used by one thread at a
        time, and holds at most two batches in memory.
        """
        text = queries.get(name).text
        batches = batched(rows, self.batch_size)
        with ThreadPoolExecutor(max_workers=1) as pool:
            upcoming = pool.submit(next, batches, None)
            while (batch := upcoming.result()) is not None:
                upcoming = pool.submit(next, batches, None)
                answer = self._run(text, {**params, "rows": batch}, write=True)
                yield answer[0] if answer else {}

    def investigate(self, text: str, params: dict[str, Any], timeout: float, limit: int) -> Answer:
        """Run an investigation's text (from a `.cypher` file or a saved investigation, never
        spliced with user values) in a READ transaction with a timeout, keeping at most `limit`
        rows; nodes and relationships are collected for drawing. The caller checks the text first.
        """

        @neo4j.unit_of_work(timeout=timeout)
        def work(tx: neo4j.ManagedTransaction) -> Answer:
            answer = Answer()
            result = tx.run(text, params)
            answer.columns = list(result.keys())
            for record in result:
                if len(answer.rows) >= limit:
                    answer.truncated = True
                    break
                answer.rows.append({k: answer.keep(v)
                                    for k, v in zip(record.keys(), record.values())})
            return answer

        with translated(timeout), self._driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS,
                notifications_min_severity="OFF") as session:
            return session.execute_read(work)

    def query_type(self, text: str, params: dict[str, Any]) -> str:
        """What Neo4j's planner says a statement does (`EXPLAIN`, nothing runs): `r` read only,
        `rw`/`w` writes, `s` schema; the server's own check behind a text check."""

        def work(tx: neo4j.ManagedTransaction) -> str:
            return str(tx.run("EXPLAIN " + text, params).consume().query_type)

        with translated(), self._driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS,
                notifications_min_severity="OFF") as session:
            return session.execute_read(work)

    def versions(self) -> Row:
        """Neo4j, GDS and APOC versions (the health check)."""
        return self.read("health/versions")[0]
