"""A network diagram laid out on the server (networkx), for pages that must print without
JavaScript: the dossier's inline SVG, in its HTML and its PDF."""

from __future__ import annotations

import math

import networkx as nx

from graph.db import Row

MAX_NODES = 80  # beyond this a printed diagram is a hairball; the tables list every link
LABEL_CHARS = 28


def layout(nodes: list[Row], edges: list[Row], center: str, width: int = 900,
           height: int = 620, margin: int = 70) -> Row:
    """Positions for `nodes` ({id, label, kind}) and `edges` ({source, target, type, predicted})
    in a width x height box: a seeded spring layout (the same dossier draws the same way), the
    center entity pinned in the middle. Keeps the center and the first MAX_NODES - 1 others."""
    kept = [n for n in nodes if n["id"] == center] + [n for n in nodes if n["id"] != center]
    kept = kept[:MAX_NODES]
    ids = {n["id"] for n in kept}
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    shown = [e for e in edges if e["source"] in ids and e["target"] in ids
             and e["source"] != e["target"]]
    graph.add_edges_from((e["source"], e["target"]) for e in shown)
    fixed = [center] if center in ids else None
    start = {n: (math.cos(i), math.sin(i)) for i, n in enumerate(sorted(ids))}
    if center in ids:
        start[center] = (0.0, 0.0)
    k = 1.8 / math.sqrt(max(len(ids), 1))
    pos = nx.spring_layout(graph, pos=start, fixed=fixed, seed=7, k=k, iterations=80) \
        if len(ids) > 1 else {n: (0.0, 0.0) for n in ids}
    span_x = max((abs(p[0]) for p in pos.values()), default=1.0) or 1.0
    span_y = max((abs(p[1]) for p in pos.values()), default=1.0) or 1.0

    def place(node_id: str) -> tuple[float, float]:
        x, y = pos[node_id]
        return (round(width / 2 + x / span_x * (width / 2 - margin), 1),
                round(height / 2 + y / span_y * (height / 2 - margin / 2), 1))

    placed = [{**n, "x": place(n["id"])[0], "y": place(n["id"])[1],
               "short": _short(n.get("label") or n["id"]), "center": n["id"] == center}
              for n in kept]
    lines = [{**e, "x1": place(e["source"])[0], "y1": place(e["source"])[1],
              "x2": place(e["target"])[0], "y2": place(e["target"])[1]} for e in shown]
    return {"width": width, "height": height, "nodes": placed, "edges": lines,
            "left_out": max(len(nodes) - len(kept), 0)}


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1] + "…"
