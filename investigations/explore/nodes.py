"""Nodes and relationships as the API shows them: a public id, a kind, a label, properties and
where the fact came from. Never Neo4j's internal ids (they change and say nothing)."""

from __future__ import annotations

import hashlib

from graph import model
from graph.db import Row
from investigations.errors import BadParameter

# Public id prefix -> (label, key property), for the labels that have a page; and label ->
# (prefix, property) for those whose stored value lacks its prefix. Both from the model.
PREFIXES: dict[str, tuple[str, str]] = {
    prefix: (label, pid.prop) for label, pid in model.PUBLIC_IDS.items() if pid.page
    for prefix in pid.prefixes}
ID_PROPERTY = {label: (pid.prefixes[0], pid.prop) for label, pid in model.PUBLIC_IDS.items()
               if not pid.in_value}
PROVENANCE = ("source", "loadId", "rowKey", "record", "loadedAt")
# Order of preference when a node has several labels.
KINDS = tuple(model.PUBLIC_IDS)
LOOKUP_PARAMS = tuple(dict.fromkeys(prop for _, prop in PREFIXES.values()))


def lookup(public_id: str, name: str = "key") -> Row:
    """Parameters for `api/entity`-style lookups: exactly one of them set, the rest None."""
    prefix, _, rest = public_id.partition(":")
    if prefix not in PREFIXES or not rest:
        known = ", ".join(f"{p}:" for p in PREFIXES)
        raise BadParameter(name, f"{public_id!r} is not a key like adres:…, bsn:…, kvk:… ({known})")
    params: Row = dict.fromkeys(LOOKUP_PARAMS)
    prop = PREFIXES[prefix][1]
    params[prop if prop != "key" else "key"] = public_id if prop == "key" else rest
    return params


def kind_of(labels: list[str]) -> str:
    return next((k for k in KINDS if k in labels), labels[0] if labels else "Node")


def public_id(kind: str, props: Row, fallback: str = "") -> str:
    if kind in ID_PROPERTY:
        prefix, prop = ID_PROPERTY[kind]
        value = props.get(prop) or props.get("key") or props.get("id")
        if value is not None:
            return f"{prefix}:{value}"
    if isinstance(props.get("key"), str):
        return str(props["key"])
    # No key of its own: an opaque stable-per-answer id, never the internal id itself.
    return "node:" + hashlib.sha1(fallback.encode()).hexdigest()[:12]


def label_of(kind: str, props: Row) -> str:
    """A short human label (a Person's name; masking replaces it for pseudonymised users)."""
    if kind == "Person":
        return str(props.get("fullName") or props.get("key") or "")
    if kind == "Address":
        return str(props.get("label") or props.get("key") or "")
    if kind == "Signal":
        return f"melding {props.get('category') or ''} {props.get('date') or ''}".strip()
    if kind == "Case":
        return f"zaak {props.get('caseType') or props.get('caseId') or ''}".strip()
    if kind == "Permit":
        return f"{props.get('kind') or 'vergunning'} ({props.get('status') or '?'})"
    for prop in ("name", "label", "pandId", "buurtcode", "key"):
        if props.get(prop):
            return str(props[prop])
    return kind


def split(props: Row) -> tuple[Row, Row | None]:
    """(properties without provenance, the provenance as a `source` dict or None)."""
    own = {k: v for k, v in props.items() if k not in PROVENANCE and not k.startswith("_")}
    if not props.get("source"):
        return own, None
    source = {"file": props.get("source"), "loadId": props.get("loadId"),
              "record": props.get("record"), "loadedAt": props.get("loadedAt"),
              "rowKey": props.get("rowKey")}
    return own, source


def node(labels: list[str], props: Row, fallback: str = "") -> Row:
    kind = kind_of(labels)
    own, source = split(props)
    return {"id": public_id(kind, props, fallback), "kind": kind, "label": label_of(kind, props),
            "properties": own, "source": source}


def relationship(rel_type: str, start: str, end: str, props: Row, index: int = 0) -> Row:
    own, source = split(props)
    suffix = f"#{index}" if index else ""
    return {"id": f"{start}-{rel_type}-{end}{suffix}", "type": rel_type, "start": start,
            "end": end, "properties": own, "source": source}
