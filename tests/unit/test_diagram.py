"""The dossier's server-side diagram layout: inside its box, the entity in the middle, the same
drawing every time, and capped for print."""

from __future__ import annotations

from investigations.explore import diagram


def star(n: int) -> tuple[list[dict[str, str]], list[dict[str, object]]]:
    nodes = [{"id": "adres:1", "label": "Kerkstraat 1", "kind": "Address"}] + [
        {"id": f"bsn:{i}", "label": f"persoon met een heel lange naam nummer {i}", "kind": "Person"}
        for i in range(n)]
    edges = [{"source": f"bsn:{i}", "target": "adres:1", "type": "REGISTERED_AT",
              "predicted": i == 0} for i in range(n)]
    return nodes, edges


def test_layout_keeps_nodes_in_the_box_with_the_entity_in_the_middle() -> None:
    nodes, edges = star(12)
    drawn = diagram.layout(nodes, edges, "adres:1", width=900, height=620)
    center = next(n for n in drawn["nodes"] if n["center"])
    assert (center["x"], center["y"]) == (450, 310)
    assert all(0 <= n["x"] <= 900 and 0 <= n["y"] <= 620 for n in drawn["nodes"])
    assert len(drawn["edges"]) == 12 and drawn["edges"][0]["predicted"] is True
    assert all(len(n["short"]) <= diagram.LABEL_CHARS for n in drawn["nodes"])
    assert drawn == diagram.layout(nodes, edges, "adres:1", width=900, height=620)


def test_layout_is_capped_and_says_how_many_were_left_out() -> None:
    nodes, edges = star(diagram.MAX_NODES + 10)
    drawn = diagram.layout(nodes, edges, "adres:1")
    assert len(drawn["nodes"]) == diagram.MAX_NODES
    assert drawn["left_out"] == 11
    assert any(n["center"] for n in drawn["nodes"])


def test_a_lone_entity_is_drawn() -> None:
    drawn = diagram.layout([{"id": "kvk:1", "label": "BV", "kind": "Company"}], [], "kvk:1")
    assert [n["id"] for n in drawn["nodes"]] == ["kvk:1"] and drawn["edges"] == []
