"""The network view's API (/api/networks/{id}/graph) on the real Neo4j with the hand-made town and
its hand-made network net-1: members with their membership and the dated officer role between
them (stated by the KvK record, drawn from the BRP person it was matched to), pseudonyms for an
analyst, 404 for an unknown network."""

from __future__ import annotations

import pytest

from investigations.matching.run import run as run_matching
from tests.integration.access_setup import BSNS, NAMES, Town, town_fixture  # noqa: F401

GRAPH = "/api/networks/net-1/graph"


@pytest.fixture(scope="module")
def network(town: Town) -> Town:
    run_matching(town.graph, full=True)
    town.graph.write("api/test_network")
    return town


def test_members_and_their_dated_officer_role(network: Town) -> None:
    view = network.get("cas", GRAPH).json()
    nodes = {n["id"]: n for n in view["graph"]["nodes"]}
    assert set(nodes) == {"bsn:123456782", "kvk:87654321"}
    assert nodes["bsn:123456782"]["member"]["kind"] == "person"
    assert nodes["kvk:87654321"]["member"]["kind"] == "company"
    roles = [r for r in view["graph"]["relationships"] if r["type"] == "OFFICER_OF"]
    assert [(r["start"], r["end"], r["properties"]["role"], r["properties"]["start"])
            for r in roles] == [("bsn:123456782", "kvk:87654321", "bestuurder", "2018-02-01")]
    assert roles[0]["source"]["file"] == "kvk_functionarissen.csv"
    assert view["network"] == "netwerk:net-1" and view["pseudonymised"] is False


def test_an_analyst_gets_pseudonyms_and_no_identity(network: Town) -> None:
    response = network.get("anna", GRAPH)
    view = response.json()
    persons = [n for n in view["graph"]["nodes"] if n["kind"] == "Person"]
    assert persons and all(n["id"].startswith("pseudo:") for n in persons)
    assert all(n["label"] == n["id"] for n in persons)
    assert {r["start"] for r in view["graph"]["relationships"]} == {persons[0]["id"]}
    for secret in (*BSNS, *NAMES):
        assert secret not in response.text


def test_an_unknown_network_is_404_and_a_purpose_is_needed(network: Town) -> None:
    assert network.get("cas", "/api/networks/net-404/graph").status_code == 404
    assert network.get("cas", GRAPH, purpose=None).status_code in (400, 403, 428)
