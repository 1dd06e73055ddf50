"""A network's real subgraph for its network view: the member persons, companies and addresses
with the officer, establishment, registration and ownership relationships between them.

Like every entity view it leaves through `release`: relationships and members from sources the
user may not see are withheld, persons are pseudonymised where the scope says so, and the view
is written to the audit log.
"""

from __future__ import annotations

from graph.db import Graph, Row
from investigations.access.gate import release
from investigations.access.scope import Scope
from investigations.errors import BadParameter, NotFound
from investigations.explore import nodes

MAX_ID = 100  # network ids are short (`net-12`, or a run-scoped key)


def network_graph(graph: Graph, scope: Scope, network_id: str) -> Row:
    """Members (with their membership: kind, key figure, centrality) and their typed, dated
    relationships, as nodes and relationships."""
    scope.require("view")
    purpose = scope.require_purpose("Viewing a network")
    if not network_id or len(network_id) > MAX_ID:
        raise BadParameter("network_id", f"1 to {MAX_ID} characters")
    public = f"netwerk:{network_id}"
    rows = graph.read("api/network_graph", networkId=network_id)
    params = {"part": "graph"}
    if not rows:
        release(graph, scope, {}, "view", public, {**params, "found": False})
        raise NotFound(f"{public} not found")
    row = rows[0]
    found = [{**nodes.node(m["labels"], m["props"]), "member": m["member"]}
             for m in row["members"]]
    rels = [nodes.relationship(r["type"], r["start"], r["end"], r["props"], i)
            for i, r in enumerate(sorted(row["rels"], key=_order))]
    payload = {"network": f"netwerk:{row['networkId']}", "runId": row["runId"],
               "purpose": purpose, "graph": {"nodes": found, "relationships": rels}}
    return release(graph, scope, payload, "view", public, params)


def _order(rel: Row) -> tuple[str, str, str, str]:
    """A fixed order, so the same network always draws the same picture."""
    return rel["type"], rel["start"], rel["end"], str((rel["props"] or {}).get("start"))
