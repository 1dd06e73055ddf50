"""Entity routes, neighbourhood, paths and search against the real Neo4j with the hand-made town."""

from __future__ import annotations

import json
from dataclasses import replace

from fastapi.testclient import TestClient

from api.app import create_app
from graph.settings import Settings
from tests.integration.access_setup import Town, town_fixture  # noqa: F401  (the town fixture)

ADDRESS = "/api/addresses/0479200000000001"


def test_address_view_has_facts_links_timeline_and_sources(town: Town) -> None:
    response = town.get("cas", ADDRESS)
    assert response.status_code == 200
    view = response.json()
    assert view["entity"]["id"] == "adres:0479200000000001"
    assert view["entity"]["label"] == "Kerkstraat 12-2, 1501AB Zaandam"
    assert view["entity"]["source"]["file"] == "bag_verblijfsobjecten.csv"
    assert view["linkCounts"]["REGISTERED_AT"] == 2
    residents = {link["node"]["id"] for link in view["links"] if link["type"] == "REGISTERED_AT"}
    assert residents == {"bsn:123456782", "bsn:111222333"}
    assert [e["date"] for e in view["timeline"]] == sorted(
        (e["date"] for e in view["timeline"]), reverse=True)
    assert {"brp_inschrijvingen.csv", "zaken.csv"} <= {s["file"] for s in view["sources"]}
    assert view["purpose"] == "zaak Z-2026-041"
    assert view["pseudonymised"] is False


def test_links_are_paged(town: Town) -> None:
    # paul (police) sees every source of this address, so pages are full
    first = town.get("paul", f"{ADDRESS}?limit=2&offset=0").json()
    second = town.get("paul", f"{ADDRESS}?limit=2&offset=2").json()
    assert len(first["links"]) == 2
    ids = {link["relationship"]["id"] for link in first["links"]}
    assert not ids & {link["relationship"]["id"] for link in second["links"]}


def test_person_view_with_registrations_and_case(town: Town) -> None:
    view = town.get("cas", "/api/persons/bsn:123456782").json()
    assert view["entity"]["properties"]["fullName"] == "Jan van der Berg"
    assert view["linkCounts"] == {"REGISTERED_AT": 2, "CONCERNS": 1}
    assert any(e["what"] == "CONCERNS" and e["date"] == "2025-05-10" for e in view["timeline"])


def test_company_view(town: Town) -> None:
    view = town.get("olga", "/api/companies/87654321").json()
    assert view["entity"]["label"] == "Beheer BV"
    assert {link["type"] for link in view["links"]} >= {"ESTABLISHED_AT", "OFFICER_OF", "OWNS"}


def test_unknown_keys_are_404_naming_the_key(town: Town) -> None:
    for path, key in [("/api/addresses/0479209999999999", "adres:0479209999999999"),
                      ("/api/companies/99999999", "kvk:99999999"),
                      ("/api/persons/bsn:000000000", "bsn:000000000"),
                      ("/api/networks/n-404", "netwerk:n-404")]:
        response = town.get("cas", path)
        assert response.status_code == 404
        assert key in response.json()["detail"]


def test_bad_parameters_are_422_naming_them(town: Town) -> None:
    response = town.get("cas", "/api/addresses/12345")
    assert response.status_code == 422
    assert "nummeraanduiding_id" in json.dumps(response.json())
    response = town.get("cas", f"{ADDRESS}?limit=0")
    assert response.status_code == 422
    assert "limit" in json.dumps(response.json())
    response = town.get("cas", "/api/persons/adres:0479200000000001")
    assert response.status_code == 422
    assert "key" in json.dumps(response.json())
    response = town.get("cas", "/api/neighbourhood/nothing:1")
    assert response.status_code == 422


def test_network_view_of_a_hand_made_network_with_flags(town: Town) -> None:
    town.graph.write("api/test_network")
    view = town.get("cas", "/api/networks/net-1").json()
    assert view["entity"]["kind"] == "Network"
    assert {link["node"]["id"] for link in view["links"]} == {"bsn:123456782", "kvk:87654321"}
    assert [f["name"] for f in view["flags"]] == ["network_size"]  # only the latest run's flag
    assert view["flags"][0]["reason"] == "Netwerk van 2 leden"


def test_neighbourhood_expands_two_hops_with_paging(town: Town) -> None:
    whole = town.get("cas", "/api/neighbourhood/adres:0479200000000001?depth=2&limit=500").json()
    ids = {n["id"] for n in whole["graph"]["nodes"]}
    assert {"adres:0479200000000001", "bsn:123456782", "adres:0363200000000009"} <= ids
    assert not any(n["kind"] == "Neighbourhood" for n in whole["graph"]["nodes"])
    assert max(n["distance"] for n in whole["graph"]["nodes"]) == 2
    page = town.get("cas", "/api/neighbourhood/adres:0479200000000001?depth=2&limit=3").json()
    assert len(page["graph"]["nodes"]) == 3 and page["hasMore"] is True
    rest = town.get("cas", "/api/neighbourhood/adres:0479200000000001?depth=2&limit=500&offset=3")
    assert len(rest.json()["graph"]["nodes"]) == len(ids) - 3


def test_shortest_path(town: Town) -> None:
    found = town.get("cas", "/api/paths?source=bsn:123456782&target=kvk:11112222").json()
    assert found["length"] == 3
    assert found["graph"]["nodes"][0]["id"] == "bsn:123456782"
    assert len(found["graph"]["relationships"]) == 3
    short = town.get("cas", "/api/paths?source=bsn:123456782&target=kvk:11112222&max_length=2")
    assert short.json()["length"] is None


def test_search_escapes_lucene_syntax(town: Town) -> None:
    hits = town.get("olga", "/api/search?q=kerkstr").json()["hits"]
    assert {h["id"] for h in hits} == {"adres:0479200000000001", "adres:0479200000000002"}
    for nasty in ['kerk"', "(berg", "a:b OR *", "\\", "AND", "~~ ^2 [x TO y]", "12-2"]:
        response = town.get("olga", "/api/search", params={"q": nasty})
        assert response.status_code in (200, 422), nasty
    assert town.get("olga", "/api/search?q=berg&kind=person").json()["hits"]
    assert town.get("olga", "/api/search?q=berg&kind=planet").status_code == 422


def test_outage_is_503_with_a_message(settings: Settings, town: Town) -> None:
    gone = replace(settings, neo4j_uri="bolt://127.0.0.1:1", bolt_port=1)
    with TestClient(create_app(gone)) as client:
        response = client.get(ADDRESS, headers=town.headers("cas"))
    assert response.status_code == 503
    assert "Neo4j" in response.json()["detail"]
    assert "Traceback" not in response.text
