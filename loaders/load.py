"""Load a source folder (or one file) into the graph: read, validate, shape, write in batches.

Each file streams through validation into `UNWIND $rows` batches, so memory stays flat however
large the file. Bad rows go to the load's reject file; a file that cannot be read at all is
reported and the other files still load.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph import schema
from graph.db import Graph
from loaders.lists import mapping_path, read_spec
from loaders.mappings import LOAD_ORDER, MAPPINGS
from loaders.read import SourceError, SourceFile, find_source_files, open_source
from loaders.rejects import RejectWriter
from loaders.shape import shape
from loaders.sources import SourceInfo, read_sources, source_info
from loaders.validate import FileReport, Reject, Row, validate_file

Progress = Callable[[str, int, int | None], None]  # file name, rows done, rows in total


@dataclass
class FileResult:
    """The outcome of one file."""

    file: str
    source: str
    read: int = 0
    loaded: int = 0
    rejected: int = 0
    outside_addresses: int = 0
    unmatched: list[dict[str, Any]] = field(default_factory=list)
    dropped_columns: list[str] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0


@dataclass
class LoadReport:
    """The outcome of a load: per file, plus where the reject file and report are."""

    load_id: str
    folder: str
    files: list[FileResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    reject_file: str = ""
    report_file: str = ""
    indexes_built: int = 0  # a first load builds its secondary indexes after writing

    @property
    def ok(self) -> bool:
        """False when any row was rejected, a file failed, or a protected column was dropped."""
        return not any(f.rejected or f.error or f.dropped_columns for f in self.files)

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "ok": self.ok}, indent=2, ensure_ascii=False, default=str)


def new_load_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


def plan(path: Path) -> list[Path]:
    """The files to load: a folder's contract files in dependency order, then its mapped lists
    (spreadsheets with a `.mapping.yml`), or the one file given."""
    if path.is_file():
        stem = path.stem.lower()
        if stem not in MAPPINGS and not mapping_path(path).is_file():
            raise SourceError(path, f"no mapping for {path.name}: expected one of "
                              f"{', '.join(LOAD_ORDER)}, or a {mapping_path(path).name} beside it")
        return [path]
    if not path.is_dir():
        raise SourceError(path, "no such file or folder")
    found = find_source_files(path)
    lists = [file for stem, file in sorted(found.items())
             if stem not in MAPPINGS and mapping_path(file).is_file()]
    return [found[stem] for stem in LOAD_ORDER if stem in found] + lists


def count_records(path: Path) -> int | None:
    """A quick upper bound on the records of a CSV (its lines minus the header), for progress bars."""
    if path.suffix.lower() != ".csv":
        return None
    with path.open("rb") as handle:
        return max(sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b"")) - 1, 0)


def _valid_rows(rows: Iterator[Row | Reject], stem: str, rejects: RejectWriter,
                result: FileResult, tick: Callable[[], None], is_list: bool) -> Iterator[dict[str, Any]]:
    for item in rows:
        result.read += 1
        tick()
        if isinstance(item, Reject):
            rejects.write(item)
            result.rejected += 1
            continue
        yield shape(stem, item.record, item.key, item.values, is_list)


def load_file(graph: Graph, path: Path, info: SourceInfo, load_id: str, rejects: RejectWriter,
              progress: Progress | None = None) -> FileResult:
    """Load one source file; never raises for bad content, reports it instead."""
    stem = path.stem.lower()
    started = datetime.now(UTC)
    extra: dict[str, Any] = {}
    try:
        if stem in MAPPINGS:
            mapping, statement = MAPPINGS[stem], f"load/{stem}"
        else:
            spec = read_spec(path)
            mapping, statement = spec.mapping, "load/list"
            extra = {"listKey": f"lijst:{stem}", "listName": spec.name, "kind": spec.kind}
        result = FileResult(path.name, mapping.source)
        source: SourceFile = open_source(path)  # refuses an oversized file before it is read
        total = count_records(path)
        report = FileReport(source.name, mapping.source)
        rows = validate_file(source, mapping, report)
    except SourceError as exc:
        result = FileResult(path.name, stem, error=exc.reason)
        rejects.add(path.name, 0, "*", "", exc.reason)
        return result
    result.dropped_columns = list(report.dropped_protected)
    result.unknown_columns = list(report.unknown_columns)

    def tick() -> None:
        if progress and result.read % 500 == 0:
            progress(path.name, result.read, total)

    params = {"source": path.name, "loadId": load_id, "loadedAt": started, **extra}
    valid = _valid_rows(rows, stem, rejects, result, tick, is_list=bool(extra))
    try:
        for answer in graph.write_batches(statement, valid, **params):
            result.loaded += answer["written"]
            result.unmatched.extend(answer["unmatched"])
    except SourceError as exc:
        result.error = exc.reason
        rejects.add(path.name, result.read, "*", "", exc.reason)
    if progress:
        progress(path.name, result.read, result.read)
    result.outside_addresses = graph.read("load/outside_addresses", loadId=load_id)[0]["outside"]
    result.seconds = round((datetime.now(UTC) - started).total_seconds(), 2)
    graph.write("load/log", loadId=load_id, file=path.name, folder=str(path.parent),
                partner=info.partner, tier=info.tier, retention=info.retention,
                startedAt=started, finishedAt=datetime.now(UTC), read=result.read,
                loaded=result.loaded, rejected=result.rejected, dropped=result.dropped_columns)
    return result


def load(graph: Graph, path: Path, report_dir: Path, progress: Progress | None = None) -> LoadReport:
    """Load a folder of source files (dependency order) or one file; write rejects and a report.

    Into an empty graph (a first load) the indexes the load does not read are dropped first and
    built once at the end (`schema.defer_indexes`), which writes about 1.5 times as fast."""
    path = Path(path)
    load_id = new_load_id()
    out = report_dir / load_id
    out.mkdir(parents=True, exist_ok=True)
    report = LoadReport(load_id, str(path), reject_file=str(out / "rejects.csv"),
                        report_file=str(out / "report.json"))
    folder = path if path.is_dir() else path.parent
    with RejectWriter(out / "rejects.csv") as rejects:
        try:
            files = plan(path)
            sources = read_sources(folder)
        except SourceError as exc:
            rejects.add(Path(str(exc.file)).name, 0, "*", "", exc.reason)
            report.files.append(FileResult(Path(str(exc.file)).name, "", error=exc.reason))
            files, sources = [], {}
        if path.is_dir():
            known = {p.name for p in files}
            report.skipped = sorted(p.name for p in path.iterdir() if p.is_file()
                                    and p.suffix.lower() in (".csv", ".xlsx") and p.name not in known)
        deferred = schema.defer_indexes(graph) if files and graph.read(
            "load/first_load")[0]["first"] else []
        try:
            for file in files:
                result = load_file(graph, file, source_info(sources, file.name), load_id,
                                   rejects, progress)
                # The count is per load so far; each file gets only the outside addresses it added.
                result.outside_addresses -= sum(f.outside_addresses for f in report.files)
                report.files.append(result)
        finally:
            if deferred:  # also after a failure: the graph never stays without its indexes
                label = f"indexen opbouwen ({len(deferred)})"
                if progress:
                    progress(label, 0, 1)
                schema.install(graph)
                report.indexes_built = len(deferred)
                if progress:
                    progress(label, 1, 1)
    Path(report.report_file).write_text(report.to_json(), encoding="utf-8")
    return report
