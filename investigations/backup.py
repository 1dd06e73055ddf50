"""Backup and restore of what users created: the nodes with a label in `USER_LABELS`, their
relationships, and analysts' SAME_AS judgements; never the re-loadable source data.

The file is JSON lines: a header (format, version, counts), then one line per node, relationship
and judgement. A relationship to a source entity names it by its public id (`adres:…`, `bsn:…`,
`zaak:…`), so it re-attaches after the sources are loaded again, even into a fresh database.
Values keep their type: dates and datetimes are tagged, so they come back exactly.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from graph.db import Graph, Row
from graph.homefiles import atomic_writer
from graph.model import LABELS, NODE_CLASSES, USER_LABELS
from investigations.access import audit_chain
from investigations.errors import SpeurnetError
from investigations.explore.nodes import ID_PROPERTY, kind_of, public_id
from investigations.matching.run import refresh_canonical

FORMAT = "speurnet-backup"
VERSION = 1
# The key each label is merged on: its required unique property in the model.
KEYS: dict[str, str] = {
    cls.__name__: prop for cls in NODE_CLASSES
    for prop, d in cls.defined_properties(aliases=False, rels=False).items()
    if d.unique_index and d.required and cls.__name__ in USER_LABELS}
_TYPE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_TAGS = {"$date": date.fromisoformat, "$datetime": datetime.fromisoformat,
         "$time": time.fromisoformat}


class BackupError(SpeurnetError):
    """A backup file that cannot be read or restored; the message names the file and line."""


@dataclass
class RestoreReport:
    """What a restore wrote, and what it could not re-attach (named, never dropped silently)."""

    nodes: Counter[str] = field(default_factory=Counter)
    links: int = 0
    judgements: int = 0
    missing: list[str] = field(default_factory=list)
    anchor: str = ""  # what became of the audit anchor file


# --- values --------------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """A property value as JSON, temporal values tagged with their type."""
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, time):
        return {"$time": value.isoformat()}
    if isinstance(value, list):
        return [encode(v) for v in value]
    return value


def decode(value: Any) -> Any:
    """The inverse of `encode`."""
    if isinstance(value, dict) and len(value) == 1:
        tag, text = next(iter(value.items()))
        if tag in _TAGS:
            return _TAGS[tag](text)
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def _props(props: Row) -> Row:
    # `_`-properties are transient markers (the audit head's lock), not data.
    return {k: encode(v) for k, v in sorted(props.items()) if not k.startswith("_")}


# --- backup --------------------------------------------------------------------------------


def _user_label(labels: list[str]) -> str | None:
    return next((label for label in USER_LABELS if label in labels), None)


def _ref(labels: list[str], props: Row) -> Row:
    """One end of a relationship: a user-created node by its key, an entity by its public id."""
    label = _user_label(labels)
    if label is not None:
        return {"label": label, "key": {KEYS[label]: props.get(KEYS[label])}}
    kind = kind_of(labels)
    return {"label": kind, "id": public_id(kind, props)}


def _lines(graph: Graph, counts: Counter[str]) -> Iterator[Row]:
    for label in USER_LABELS:
        for row in graph.stream("backup/nodes", label=label):
            counts[label] += 1
            yield {"kind": "node", "label": label, "props": _props(row["props"])}
    for row in graph.stream("backup/links", labels=list(USER_LABELS)):
        counts["links"] += 1
        yield {"kind": "link", "type": row["type"], "out": row["out"],
               "from": _ref(row["labels"], row["props"]),
               "to": _ref(row["otherLabels"], row["otherProps"]), "props": _props(row["relProps"])}
    for row in graph.stream("backup/judgements"):
        counts["judgements"] += 1
        yield {"kind": "judgement", "left": row["left"], "right": row["right"],
               "props": _props(row["props"])}


def backup(graph: Graph, path: Path) -> Counter[str]:
    """Write everything users created to `path` (atomically: a temporary file renamed into place);
    returns the counts per label, `links` and `judgements`."""
    path = Path(path)
    counts: Counter[str] = Counter()
    folder = path.parent if str(path.parent) else Path(".")
    with tempfile.TemporaryFile("w+", encoding="utf-8") as body:
        for line in _lines(graph, counts):
            body.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
        body.seek(0)
        anchor = audit_chain.read_anchor(audit_chain.home_of(graph))
        header = {"format": FORMAT, "version": VERSION,
                  "createdAt": datetime.now(UTC).isoformat(), "counts": dict(sorted(counts.items())),
                  "auditAnchor": asdict(anchor) if anchor else None}
        with atomic_writer(folder / path.name) as out:
            out.write(json.dumps(header, ensure_ascii=False) + "\n")
            for text in body:
                out.write(text)
    return counts


# --- restore -------------------------------------------------------------------------------


def _records(path: Path) -> Iterator[tuple[int, Row]]:
    """(line number, parsed line) of a backup's body, after checking its header."""
    if not path.is_file():
        raise BackupError(f"{path}: no such backup file")
    with path.open(encoding="utf-8") as handle:
        try:
            for number, text in enumerate(handle, start=1):
                try:
                    line = json.loads(text)
                except json.JSONDecodeError as exc:
                    raise BackupError(f"{path} line {number}: not JSON ({exc.msg}): the file "
                                      "is damaged or not a Speurnet backup") from None
                if not isinstance(line, dict):
                    raise BackupError(f"{path} line {number}: not a backup record")
                if number == 1:
                    _check_header(path, line)
                yield number, line
        except UnicodeDecodeError:
            raise BackupError(f"{path}: not UTF-8 text, so not a Speurnet backup") from None


def _check_header(path: Path, header: Row) -> None:
    if header.get("format") != FORMAT:
        raise BackupError(f"{path}: not a Speurnet backup (its first line names no {FORMAT!r})")
    if header.get("version") != VERSION:
        raise BackupError(f"{path}: backup format version {header.get('version')!r}; this "
                          f"Speurnet reads version {VERSION}")


def _node_row(path: Path, number: int, line: Row) -> Row:
    label = line.get("label")
    if label not in USER_LABELS:
        raise BackupError(f"{path} line {number}: {label!r} is not a label users create")
    props = {k: decode(v) for k, v in line.get("props", {}).items()}
    if props.get(KEYS[label]) is None:
        raise BackupError(f"{path} line {number}: {label} without its key {KEYS[label]!r}")
    return {"label": label, "key": {KEYS[label]: props[KEYS[label]]}, "props": props}


def _target(path: Path, number: int, ref: Row) -> tuple[Row, str, str]:
    """({label: property}, value, name) to look one end up by, checked against the model."""
    label = ref.get("label")
    if label not in LABELS:
        raise BackupError(f"{path} line {number}: {label!r} is not a label of the model")
    if "key" in ref:
        (prop, value), = ref["key"].items()
        return {label: prop}, str(value), f"{label} {value}"
    name = str(ref.get("id"))
    if label in ID_PROPERTY:
        prop, value = ID_PROPERTY[label][1], name.partition(":")[2]
    else:
        prop, value = "key", name
    return {label: prop}, value, name


def _link_row(path: Path, number: int, line: Row) -> Row:
    if not _TYPE.match(str(line.get("type"))):
        raise BackupError(f"{path} line {number}: {line.get('type')!r} is not a relationship type")
    own = _node_row(path, number, {"label": line["from"].get("label"),
                                   "props": line["from"].get("key", {})})
    target, value, name = _target(path, number, line["to"])
    return {"n": number, "label": own["label"], "key": own["key"], "target": target,
            "value": value, "name": name, "type": line["type"], "out": bool(line.get("out")),
            "props": {k: decode(v) for k, v in line.get("props", {}).items()}}


def read(path: Path) -> tuple[Row, Counter[str]]:
    """Check a whole backup before anything is written: (header, counts found); a file cut short
    or changed by hand is refused."""
    path = Path(path)
    header: Row = {}
    found: Counter[str] = Counter()
    for number, line in _records(path):
        kind = line.get("kind")
        try:
            if number == 1:
                header = line
            elif kind == "node":
                found[_node_row(path, number, line)["label"]] += 1
            elif kind == "link":
                _link_row(path, number, line)
                found["links"] += 1
            elif kind == "judgement":
                if not (line.get("left") and line.get("right")):
                    raise BackupError(f"{path} line {number}: a judgement without its two persons")
                found["judgements"] += 1
            else:
                raise BackupError(f"{path} line {number}: unknown record kind {kind!r}")
        except (KeyError, AttributeError, TypeError, ValueError) as exc:
            if isinstance(exc, BackupError):
                raise
            raise BackupError(f"{path} line {number}: malformed {kind} record ({exc})") from None
    if not header:
        raise BackupError(f"{path}: the file is empty")
    if Counter({k: v for k, v in header.get("counts", {}).items() if v}) != found:
        raise BackupError(f"{path}: the header counts {header.get('counts')} but the file holds "
                          f"{dict(found)}: it was cut short or changed")
    return header, found


def _entry_hash(path: Path, seq: int) -> str | None:
    """The hash of the backup's audit entry `seq` (None when it holds no such entry)."""
    for _, line in _records(path):
        props = line.get("props", {})
        if line.get("label") == "AuditEntry" and props.get("seq") == seq:
            return str(props.get("hash"))
    return None


def _check_audit(graph: Graph, path: Path, anchor: Row | None) -> None:
    """Refuse to mix two audit chains (the database's log must be a start of the backup's), and
    a backup whose log does not hold the end its own anchor names."""
    if anchor and _entry_hash(path, int(anchor["seq"])) != anchor["hash"]:
        raise BackupError(f"{path}: its audit log does not hold entry {anchor['seq']} as its "
                          "header's anchor names it: the file was changed")
    head = graph.read("access/audit_head")[0]
    if head["seq"] and _entry_hash(path, head["seq"]) != head["hash"]:
        raise BackupError(f"the database already holds an audit log (up to entry {head['seq']}) "
                          f"that is not part of {path}'s: restore into a database without one")


def _restore_anchor(graph: Graph, saved: Row | None) -> str:
    """Put the backup's anchor in the home unless the home's names a later entry (then `audit
    verify` reports the entries the backup lacks, as it should)."""
    if not saved:
        return ""
    home = audit_chain.home_of(graph)
    backed = audit_chain.Anchor(int(saved["seq"]), str(saved["hash"]),
                                int(saved.get("hmacFrom", 1)), saved.get("previous"))
    with audit_chain.anchor_lock(home):
        local = audit_chain.read_anchor(home)
        if local is not None and local.seq > backed.seq:
            return (f"the audit anchor names entry {local.seq}, the backup ends at {backed.seq}: "
                    "`speurnet audit verify` reports the entries in between as removed")
        audit_chain.write_anchor(home, backed)
    return f"audit log anchored at entry {backed.seq}"


def restore(graph: Graph, path: Path) -> RestoreReport:
    """Merge a backup into the graph (restoring twice duplicates nothing); relationships whose
    entity no longer exists are listed in the report."""
    path = Path(path)
    header, _ = read(path)
    _check_audit(graph, path, header.get("auditAnchor"))
    report = RestoreReport()

    def rows(kind: str) -> Iterator[Row]:
        for number, line in _records(path):
            if number > 1 and line.get("kind") == kind:
                if kind == "node":
                    row = _node_row(path, number, line)
                    report.nodes[row["label"]] += 1
                    yield row
                elif kind == "link":
                    yield _link_row(path, number, line)
                else:
                    yield {"left": line["left"], "right": line["right"],
                           "props": {k: decode(v) for k, v in line["props"].items()}}

    for _ in graph.write_batches("backup/restore_nodes", rows("node")):
        pass
    names: dict[int, str] = {}
    for answer in graph.write_batches("backup/restore_links", _remember(rows("link"), names)):
        report.links += answer["written"]
        report.missing += [names[n] for n in answer["missing"]]
    for answer in graph.write_batches("backup/restore_judgements", rows("judgement")):
        report.judgements += answer["written"]
        report.missing += [f"SAME_AS judgement {left} = {right}: a person no longer exists"
                           for left, right in answer["missing"]]
    if report.judgements:
        refresh_canonical(graph)
    report.anchor = _restore_anchor(graph, header.get("auditAnchor"))
    return report


def _remember(links: Iterator[Row], names: dict[int, str]) -> Iterator[Row]:
    """Pass link rows on, keeping a readable name per line for the report of missing entities."""
    for row in links:
        own = next(iter(row["key"].values()))
        arrow = f"-[{row['type']}]->" if row["out"] else f"<-[{row['type']}]-"
        names[row["n"]] = f"{row['label']} {own} {arrow} {row['name']}: no longer in the graph"
        yield {k: v for k, v in row.items() if k != "name"}
