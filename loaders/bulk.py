"""The bulk path for a first national load: `speurnet load --bulk FOLDER`.

The folder's contract files go through the same reading, validation, shaping and reject file as
the normal load, into an in-memory graph with the load statements' MERGE semantics
(`loaders.bulk_rows`); that graph is written as `neo4j-admin database import full` CSV files and
imported into the stopped managed server, which then gets its constraints and indexes and the
`Load` log nodes. Keys and provenance are the normal load's, so later deliveries use the normal
`speurnet load` and its MERGE finds the imported nodes. Mapped lists (spreadsheets with a
`.mapping.yml`) load the normal way right after the import, under the same load id.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph import schema, server
from graph.db import Graph, Row, batched
from graph.settings import Settings
from loaders.bulk_csv import ARRAY_DELIMITER_OPTION, ImportFiles, write_import_files
from loaders.bulk_graph import Store
from loaders.bulk_rows import WRITERS, Index
from loaders.load import FileResult, LoadReport, Progress, load_file, new_load_id, plan
from loaders.mappings import MAPPINGS
from loaders.read import SourceError
from loaders.rejects import RejectWriter
from loaders.sources import read_sources, source_info

Say = Callable[[str], None]
# Rows per answer to `load_file`, as the normal load's default batch.
BATCH = 2000


class BulkRefused(RuntimeError):
    """The bulk path cannot run here (a remote server, a database that holds data)."""


@dataclass
class BulkReport(LoadReport):
    """A load report plus the bulk path's timings and what was imported."""

    seconds: dict[str, float] = field(default_factory=dict)
    nodes: int = 0
    relationships: int = 0
    loaded_normally: list[str] = field(default_factory=list)


class StoreGraph(Graph):
    """Stands in for the graph while a folder is shaped: `load_file` runs unchanged (reading,
    validation, rejects, counts) and its batches go to the in-memory `Store` instead of Neo4j;
    its load-log writes are kept to be written after the import."""

    def __init__(self, store: Store) -> None:  # no driver: nothing here reaches Neo4j
        self.store, self.index = store, Index()
        self.logs: list[dict[str, Any]] = []

    def write_batches(self, name: str, rows: Iterable[Row], **params: Any) -> Iterator[Row]:
        stem = name.removeprefix("load/")
        write = WRITERS[stem]
        base = {"source": params["source"], "loadId": params["loadId"],
                "loadedAt": params["loadedAt"]}
        for batch in batched(rows, BATCH):
            unmatched = [u for row in batch if (u := write(
                self.store, self.index, row, {**base, "rowKey": row["key"], "record": row["record"]}))]
            yield {"written": len(batch), "unmatched": unmatched}
        if stem == "bag_verblijfsobjecten":
            self.index = Index.of(self.store)  # only the BAG sets the keys later files match on

    def read(self, name: str, **params: Any) -> list[Row]:
        if name != "load/outside_addresses":
            raise NotImplementedError(name)
        return [{"outside": sum(self.store.outside.values())}]

    def write(self, name: str, **params: Any) -> list[Row]:
        if name != "load/log":
            raise NotImplementedError(name)
        self.logs.append(params)
        return []


def shape_folder(path: Path, load_id: str, rejects: RejectWriter, report: BulkReport,
                 progress: Progress | None = None) -> tuple[StoreGraph, list[Path]]:
    """Every contract file of the folder into one store, in dependency order, through the normal
    load's `load_file`; the mapped lists are returned to load the normal way after the import."""
    shaped = StoreGraph(Store())
    lists: list[Path] = []
    try:
        files, sources = plan(path), read_sources(path)
    except SourceError as exc:
        rejects.add(Path(str(exc.file)).name, 0, "*", "", exc.reason)
        report.files.append(FileResult(Path(str(exc.file)).name, "", error=exc.reason))
        return shaped, lists
    known = {p.name for p in files}
    report.skipped = sorted(p.name for p in path.iterdir() if p.is_file()
                            and p.suffix.lower() in (".csv", ".xlsx") and p.name not in known)
    for file in files:
        if file.stem.lower() not in MAPPINGS:
            lists.append(file)
            continue
        result = load_file(shaped, file, source_info(sources, file.name), load_id, rejects, progress)
        result.outside_addresses -= sum(f.outside_addresses for f in report.files)
        report.files.append(result)
    return shaped, lists


def _refuse_unless_empty(settings: Settings, force: bool) -> None:
    server.start(settings)
    with Graph.connect(settings) as graph:
        found = graph.read("load/any_node")[0]["found"]
    if found and not force:
        raise BulkRefused(f"database {settings.database!r} already holds data and a bulk import "
                          "replaces it: use the normal `speurnet load` for later deliveries, or "
                          "--force to replace it")


def bulk_load(settings: Settings, path: Path, report_dir: Path, progress: Progress | None = None,
              force: bool = False, say: Say | None = None, keep_files: bool = False) -> BulkReport:
    """Shape a folder, import it into the (emptied) managed database, then finish as a load."""
    tell = say or (lambda _: None)
    if not settings.managed:
        raise BulkRefused(f"NEO4J_URI is set ({settings.neo4j_uri}): the bulk path writes the "
                          "database files directly and needs the project's own server; use the "
                          "normal `speurnet load` against a remote server")
    path = Path(path)
    if not path.is_dir():
        raise BulkRefused(f"{path} is not a folder: the bulk path loads a whole source folder")
    _refuse_unless_empty(settings, force)
    load_id = new_load_id()
    out = report_dir / load_id
    out.mkdir(parents=True, exist_ok=True)
    report = BulkReport(load_id, str(path), reject_file=str(out / "rejects.csv"),
                        report_file=str(out / "report.json"))
    clock = time.perf_counter()
    with RejectWriter(out / "rejects.csv") as rejects:
        shaped, lists = shape_folder(path, load_id, rejects, report, progress)
        report.seconds["shape"] = round(time.perf_counter() - clock, 2)
        clock = time.perf_counter()
        files = write_import_files(shaped.store, out / "import")
        report.nodes, report.relationships = files.node_count, files.relationship_count
        shaped.store = Store()  # free the memory before the importer needs it
        report.seconds["csv"] = round(time.perf_counter() - clock, 2)
        tell(f"{files.node_count} nodes and {files.relationship_count} relationships written as "
             f"import files; importing into {settings.database!r} (the server stops meanwhile)")
        if files.nodes:  # a folder with nothing valid leaves the database as it was
            _import(settings, files, out / "import.report", report.seconds)
        clock = time.perf_counter()
        with Graph.connect(settings) as graph:
            schema.install(graph)
            for log in shaped.logs:
                graph.write("load/log", **log)
            for file in lists:
                tell(f"{file.name}: a mapped list, loaded the normal way after the import")
                result = load_file(graph, file, source_info(read_sources(path), file.name),
                                   load_id, rejects, progress)
                result.outside_addresses -= sum(f.outside_addresses for f in report.files)
                report.files.append(result)
                report.loaded_normally.append(file.name)
        report.seconds["after"] = round(time.perf_counter() - clock, 2)
    if not keep_files:
        shutil.rmtree(out / "import", ignore_errors=True)
    Path(report.report_file).write_text(report.to_json(), encoding="utf-8")
    return report


def _import(settings: Settings, files: ImportFiles, report_file: Path,
            seconds: dict[str, float]) -> None:
    """Stop the server, import, start it again (also when the import failed); timed per step."""
    clock = time.perf_counter()
    server.stop(settings)
    seconds["stop"] = round(time.perf_counter() - clock, 2)
    clock = time.perf_counter()
    try:
        server.import_full(settings, files.nodes, files.relationships,
                           array_delimiter=ARRAY_DELIMITER_OPTION, multiline=files.multiline,
                           report_file=report_file)
    finally:
        seconds["import"] = round(time.perf_counter() - clock, 2)
        clock = time.perf_counter()
        server.start(settings)
        seconds["start"] = round(time.perf_counter() - clock, 2)
