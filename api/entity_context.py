"""An entity view (investigations.explore.views) shaped for its page and dossier: facts apart
from predictions, links grouped by kind, flag evidence parsed for reading, paging, and the
elements the network view starts from.

Only plain data from a view that already left through `release` comes here, so everything shown
is masked and audited; nothing here queries the graph.
"""

from __future__ import annotations

import json
from typing import Any

from api.readable import date_text, feature_sentences, flag_title, label, named, readable
from api.web import entity_url, t

Row = dict[str, Any]
PREDICTED = "PREDICTED_LINK"
# Shown in their own places (score, flags), not in the facts table.
NOT_FACTS = frozenset({"flags", "score", "scoreRunId", "key", "label", "lookupKey"})
# Link groups in the order an officer reads them; the rest follow by name.
# Timeline events that last (drawn as bars; an open one runs until today).
PERIODS = frozenset({"REGISTERED_AT", "ESTABLISHED_AT", "OWNS", "OFFICER_OF", "HAS_MEMBER"})
# A linked node without a page shows its facts in the list, but not its own ids.
NOT_LINK_FACTS = NOT_FACTS | {"signalId", "caseId", "permitId", "pandId", "buurtcode"}
GROUP_ORDER = ("REGISTERED_AT", "ESTABLISHED_AT", "OWNS", "OFFICER_OF", "HAS_MEMBER", "HELD_BY",
               "FOR_ADDRESS", "ABOUT", "CONCERNS", "ADDRESS_MATCH", "IN_BUILDING",
               "IN_NEIGHBOURHOOD")


def entity_context(view: Row) -> Row:
    """What the entity templates read, beside the view itself."""
    links = view.get("links") or []
    names = names_of(view)
    facts = [{**link, "facts": [] if entity_url(link["node"]["id"]) else
              facts_of(link["node"], names, NOT_LINK_FACTS)}
             for link in links if link["type"] != PREDICTED]
    total = sum((view.get("linkCounts") or {}).values())
    offset, limit = view.get("offset") or 0, view.get("limit") or len(links) or 1
    flags = [{**f, "title": flag_title(str(f.get("name"))),
              "reason": named(str(f.get("reason") or ""), names),
              "evidence": readable(parse_evidence(f.get("evidence")), names)}
             for f in view.get("flags") or []]
    events = distinct_events(view.get("timeline") or [])
    return {
        "view": view,
        "entity": view["entity"],
        "title": title_of(view["entity"]),
        "facts": facts_of(view["entity"], names),
        "records": [{"id": r["id"], "label": title_of(r), "source": r.get("source"),
                     "facts": facts_of(r, names)}
                    for r in view.get("records") or []],
        "groups": group_links(facts),
        "predictions": [prediction(link, names) for link in links if link["type"] == PREDICTED],
        "flags": flags,
        "summary": summary(view["entity"], flags, facts),
        "paging": {"offset": offset, "limit": limit, "total": total,
                   "previous": max(offset - limit, 0) if offset > 0 else None,
                   "next": offset + limit if offset + limit < total else None},
        "timeline": events,
        "timeline_data": timeline_data(events),
        "elements": graph_elements(view["entity"], links),
    }


def names_of(view: Row) -> dict[str, str]:
    """Public id -> label of every entity the view shows (masked already: a pseudonymised
    user's persons are named by their pseudonym)."""
    found = {n["id"]: str(n.get("label") or n["id"]) for n in view.get("names") or []}
    for link in view.get("links") or []:
        found[link["node"]["id"]] = title_of(link["node"])
    found[view["entity"]["id"]] = title_of(view["entity"])
    return found


def summary(entity: Row, flags: list[Row], links: list[Row]) -> Row:
    """The card at the top: the score, why (the strongest flags' reasons), the open cases."""
    props = entity.get("properties") or {}
    cases = [link["node"] for link in links if link["node"]["kind"] == "Case"
             and not (link["node"].get("properties") or {}).get("end")]
    reasons = [f["reason"] for f in flags[:3] if f.get("reason")]
    if not reasons and props.get("reason"):
        reasons = [str(props["reason"])]  # a network says why in its own words
    return {"score": props.get("score"), "reasons": reasons,
            "more_reasons": max(len(flags) - 3, 0), "cases": cases,
            "open_case": bool(props.get("openCase")) or bool(cases),
            "computed": date_text(props.get("computedAt"))}


def timeline_data(events: list[Row]) -> list[Row]:
    """The timeline as the drawing script reads it: dates, a Dutch label and a page link."""
    return [{"date": e["date"][:10], "end": (e.get("end") or "")[:10] or None,
             "what": t(f"timeline.{e['what']}"), "period": e["what"] in PERIODS,
             "label": title_of(e["node"]) if e.get("node") else "",
             "url": entity_url(e["node"]["id"]) if e.get("node") else None}
            for e in events]


def title_of(node: Row) -> str:
    """A page title: the label, but a network by its id (its label is the run-scoped key)."""
    if node["kind"] == "Network":
        return str((node.get("properties") or {}).get("networkId") or node["id"])
    return str(node.get("label") or node["id"])


def facts_of(node: Row, names: dict[str, str] | None = None,
             left_out: frozenset[str] = NOT_FACTS) -> list[tuple[str, Any]]:
    """The node's own properties as (Dutch label, readable value), leaving out what is shown
    elsewhere; a network's score features as sentences with their numbers."""
    props = node.get("properties") or {}
    rows: list[tuple[str, Any]] = []
    for k, v in sorted(props.items(), key=lambda kv: label(kv[0])):
        if k in left_out or v in (None, "", []):
            continue
        if k == "features":
            shown: Any = {"sentences": feature_sentences(v)}
        elif isinstance(v, str) and (word := t(f"value.{k}.{v}")) != f"value.{k}.{v}":
            shown = word  # an enumeration's value in Dutch (a match judgement)
        else:
            shown = readable(v, names or {}, k)
        rows.append((label(k), shown))
    return rows


def label_of(area: str, key: str) -> str:
    """The Dutch text for `area.key` when there is one, else the key itself."""
    found = t(f"{area}.{key}")
    return key if found == f"{area}.{key}" else found


def distinct_events(events: list[Row]) -> list[Row]:
    """The timeline without repeats: a signal linked twice (stated and matched by its address
    text) is one event."""
    seen: set[tuple[Any, ...]] = set()
    found = []
    for event in events:
        key = (event.get("date"), (event.get("node") or {}).get("id"), event.get("end"))
        if event.get("node") is None or key not in seen:
            seen.add(key)
            found.append(event)
    return found


def group_links(links: list[Row]) -> list[Row]:
    """Links grouped by relationship type, direction and the kind of entity at the other end
    ('bewoners', 'eigenaren', 'vergunningen', ...), each group titled in Dutch."""
    groups: dict[tuple[str, str, str], list[Row]] = {}
    for link in links:
        groups.setdefault((link["type"], link["direction"], link["node"]["kind"]), []).append(link)

    def order(key: tuple[str, str, str]) -> tuple[int, str, str, str]:
        rank = GROUP_ORDER.index(key[0]) if key[0] in GROUP_ORDER else len(GROUP_ORDER)
        return rank, *key

    return [{"type": rel_type, "direction": direction, "kind": kind,
             "title": _group_title(rel_type, direction, kind),
             "slug": f"{rel_type.lower()}-{direction}-{kind.lower()}",
             "links": groups[(rel_type, direction, kind)]}
            for rel_type, direction, kind in sorted(groups, key=order)]


def _group_title(rel_type: str, direction: str, kind: str) -> str:
    for key in (f"group.{rel_type}.{direction}.{kind}", f"group.{rel_type}.{direction}",
                f"group.{rel_type}"):
        if (found := t(key)) != key:
            return found
    return rel_type


def prediction(link: Row, names: dict[str, str] | None = None) -> Row:
    """A predicted link (no source states it): kind, score, reasons, parsed evidence."""
    props = link["relationship"].get("properties") or {}
    return {"node": link["node"], "kind": props.get("kind"), "score": props.get("score"),
            "reasons": [named(str(r), names or {}) for r in props.get("reasons") or []],
            "runId": props.get("runId"),
            "computedAt": props.get("computedAt"),
            "evidence": readable(parse_evidence(props.get("evidence")), names or {})}


def parse_evidence(evidence: Any) -> Any:
    """Evidence JSON (already masked inside by `release`) as plain values for the template."""
    if isinstance(evidence, str):
        try:
            return json.loads(evidence)
        except ValueError:
            return evidence
    return evidence


def graph_elements(entity: Row, links: list[Row]) -> list[Row]:
    """Cytoscape elements for the entity and its first page of links: each node with its kind
    and page, each edge between nodes present (a link via a merged record joins the entity)."""
    nodes = {entity["id"]: _element(entity, center=True)}
    for link in links:
        nodes.setdefault(link["node"]["id"], _element(link["node"]))
    edges: dict[str, Row] = {}
    for link in links:
        rel = link["relationship"]
        start = rel["start"] if rel["start"] in nodes else entity["id"]
        end = rel["end"] if rel["end"] in nodes else entity["id"]
        edges.setdefault(rel["id"], {"data": {
            "id": rel["id"], "source": start, "target": end, "type": rel["type"],
            "label": label_of("rel", rel["type"])},
            "classes": "prediction" if rel["type"] == PREDICTED else ""})
    return list(nodes.values()) + list(edges.values())


def _element(node: Row, center: bool = False) -> Row:
    return {"data": {"id": node["id"], "label": title_of(node),
                     "kind": node["kind"], "url": entity_url(node["id"])},
            "classes": "center" if center else node["kind"]}
