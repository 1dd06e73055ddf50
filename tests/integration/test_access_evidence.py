"""Values are masked by where they came from: a flag quoting a source the user may not see is
withheld with it, a pseudonymised view drops every identifying property the model declares, and
an application record is never shown as a fact.

The town of access_setup, with the utility use a private source of the grid operator
(netbeheerder), and one energy flag written the way the indicator engine writes it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph import vocabulary
from graph.db import Graph
from graph.settings import Settings
from investigations.access import users
from investigations.access.mask import disclose
from investigations.access.policy import load_policy
from investigations.access.pseudonyms import Pseudonyms
from investigations.access.scope import Scope, operator_scope
from investigations.access.sources import read_sources
from investigations.explore import nodes
from investigations.explore.views import address_view
from investigations.indicators import engine
from investigations.indicators.catalogue import BY_NAME
from tests.integration.access_setup import BRONNEN, PASSWORD, Town, load_town, make_users

ADDRESS = "0479200000000004"  # 41000 kWh in 2024 (tests/town.py)
RUN_ID = "run-evidence-test"
AS_OF = date(2025, 6, 1)
KWH = "41000"


def energy_flag(graph: Graph) -> None:
    """One energie_afwijkend flag on ADDRESS, with the sources the engine gives it (once)."""
    if graph.read("indicators/run_flags", runId=RUN_ID):
        return
    indicator = BY_NAME["energie_afwijkend"]
    sources = engine.source_files(indicator, engine.loaded_files(graph))
    row = {"subject": f"adres:{ADDRESS}", "label": "Address", "strength": 1.0,
           "facts": {"kwh": 41000.0, "year": 2024, "ratio": 16.4, "median": 2500.0,
                     "residents": 0, "history": [{"year": 2024, "kwh": 41000.0}]}}
    for _ in graph.write_batches("indicators/write_flags", engine.flag_rows(
            indicator, [row], AS_OF, sources), runId=RUN_ID, asOf=AS_OF):
        pass


@pytest.fixture(scope="module", name="town")
def town_fixture(session_graph: Graph, settings: Settings,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[Town]:
    bronnen = BRONNEN + "verbruik.csv: {partner: netbeheerder, tier: private}\n"
    load_town(session_graph, tmp_path_factory.mktemp("town") / "town", bronnen)
    tokens = make_users(session_graph)
    users.add_user(session_graph, "nina", "case_preparer", PASSWORD, team="team-netbeheerder",
                   partner="netbeheerder")
    tokens["nina"] = users.create_token(session_graph, "nina")
    with TestClient(create_app(settings)) as client:
        yield Town(session_graph, client, tokens)


def operator(graph: Graph) -> Scope:
    return operator_scope(load_policy(), read_sources(graph), Pseudonyms(b"k" * 32))


def test_a_municipal_user_gets_no_kwh_figure_and_the_flag_is_counted(town: Town) -> None:
    before = {user: town.get(user, f"/api/addresses/{ADDRESS}").json()["withheld"]
              for user in ("cas", "olga")}
    energy_flag(town.graph)
    flags = town.graph.read("indicators/run_flags", runId=RUN_ID)
    assert [(f["name"], f["subject"]) for f in flags] == [("energie_afwijkend", f"adres:{ADDRESS}")]
    assert flags[0]["sources"] == ["brp_inschrijvingen.csv", "verbruik.csv"]
    assert KWH in flags[0]["reason"] and KWH in flags[0]["evidence"]
    for user in ("cas", "olga"):
        response = town.get(user, f"/api/addresses/{ADDRESS}")
        assert response.status_code == 200
        assert KWH not in response.text and "41.000" not in response.text, user
        view = response.json()
        assert view["flags"] == [] and view["withheld"] == before[user] + 1, user
        assert "verbruik.csv" not in {s["file"] for s in view["sources"]}
        page = town.get(user, f"/adres/{ADDRESS}")
        assert page.status_code == 200 and KWH not in page.text and "41.000" not in page.text
        assert "niet getoond" in page.text
    dossier = town.get("cas", f"/dossier/adres:{ADDRESS}")
    assert dossier.status_code == 200 and KWH not in dossier.text and "niet getoond" in dossier.text


def test_the_operator_sees_the_flag_and_its_evidence(town: Town) -> None:
    energy_flag(town.graph)
    view = address_view(town.graph, operator(town.graph), ADDRESS)
    assert [f["name"] for f in view["flags"]] == ["energie_afwijkend"]
    assert json.loads(view["flags"][0]["evidence"])["facts"]["kwh"] == 41000.0
    assert view["withheld"] == 0


def test_the_grid_operator_sees_its_figures_but_not_a_flag_that_quotes_the_brp(
        town: Town) -> None:
    energy_flag(town.graph)
    # The netbeheerder sees its own private verbruik.csv, but the flag also counts the BRP's
    # residents, which the municipality does not share with it: the flag stays withheld.
    view = town.get("nina", f"/api/addresses/{ADDRESS}").json()
    assert "UtilityUse" in {link["node"]["kind"] for link in view["links"]}
    assert view["flags"] == [] and view["withheld"] >= 1


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def test_a_pseudonymised_analyst_gets_no_identifying_property_of_the_model(town: Town) -> None:
    declared = vocabulary.identifying()
    person = declared["Person"]
    pseudonyms = vocabulary.elements()["Person"].pseudonyms()
    assert {"bsn", "fullName", "birthDate"} <= person and "key" in pseudonyms
    cleared = town.get("cas", "/api/persons/bsn:123456782").json()
    shown = set(cleared["entity"]["properties"])
    assert shown & (person - pseudonyms), "the cleared view must show some, or the test is empty"
    address = town.get("anna", "/api/addresses/0479200000000001").json()
    pseudo = next(link["node"]["id"] for link in address["links"]
                  if link["type"] == "REGISTERED_AT" and link["node"]["kind"] == "Person")
    for view in (address, town.get("anna", f"/api/persons/{pseudo}").json()):
        assert view["pseudonymised"] is True
        for found in _walk(view):
            element = found.get("kind") if "properties" in found else found.get("type")
            if not isinstance(found.get("properties"), dict) or element not in declared:
                continue
            props = found["properties"]
            own = vocabulary.elements()[element]
            assert not (set(props) & (own.identifying() - own.pseudonyms())), (element, props)
            for name in set(props) & own.pseudonyms():
                assert str(props[name]).startswith("pseudo:"), (element, name)
        # The source row key (identifying everywhere): the schema keeps the field, empty.
        assert {f.get("rowKey") for f in _walk(view) if "rowKey" in f} <= {None}
        for secret in ("123456782", "Jan", "Berg", "1981-03-04"):
            assert secret not in json.dumps(view), secret


def test_an_application_node_in_a_payload_is_withheld(town: Town) -> None:
    scope = operator(town.graph)
    view = address_view(town.graph, scope, "0479200000000001")
    notification = nodes.node(["Notification"], {
        "notificationId": "n1", "toUser": "olga", "kind": "signal", "message": "nieuw",
        "factKey": "melding:M1"})
    user = nodes.node(["User"], {"name": "olga", "role": "officer", "passwordHash": "scrypt$x"})
    payload = {**view, "links": [*view["links"], {"type": "ABOUT", "node": notification}],
               "extra": [user], "records": [{"labels": ["AuditEntry"], "props": {"seq": 1}}]}
    shown = disclose(payload, scope)
    text = json.dumps(shown.payload, default=str)
    assert "n1" not in text and "scrypt" not in text and shown.payload["extra"] == []
    assert shown.payload["records"] == []
    assert shown.withheld == 3
    assert len(shown.payload["links"]) == len(view["links"])
