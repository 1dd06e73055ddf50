"""The Cypher boundary against a real Neo4j with planted secrets.

The town's sources are split between partners: utility use is the netbeheerder's private
source, BRK the kadaster's private one, signals the police's private one. Anna is an analyst at
the municipality: pseudonyms unless she re-identifies, and none of those three sources.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.db import Graph, QueryFailed
from graph.settings import Settings
from investigations.access import users
from investigations.access.policy import load_policy
from investigations.access.pseudonyms import Pseudonyms
from investigations.access.scope import operator_scope
from investigations.access.sources import read_sources
from investigations.runner.admission import admitted
from investigations.runner.catalog import shipped
from tests.hostile import HOSTILE
from tests.integration.access_setup import BSNS, NAMES, PASSWORD, Town, load_town
from tests.unit.test_boundary import WRITES

BRONNEN = """
meldingen.csv: {partner: politie, tier: private}
verbruik.csv: {partner: netbeheerder, tier: private}
brk_eigendom.csv: {partner: kadaster, tier: private}
bag_verblijfsobjecten.csv: {partner: gemeente, tier: open}
"""
NOTE = "geheime notitie over de Kerkstraat"
USERS = {"anna": ("analyst", "gemeente"), "cas": ("case_preparer", "gemeente"),
         "olga": ("officer", "gemeente"), "nina": ("case_preparer", "netbeheerder"),
         "kees": ("case_preparer", "kadaster")}
# Values for the required parameters of the shipped investigations, from tests/town.py.
REQUIRED = {"kvk_nummer": "87654321", "nummeraanduiding_id": "0479200000000001",
            "pand_id": "0479100000000001", "persoon": "bsn:123456782",
            "van": "adres:0479200000000001", "naar": "kvk:87654321"}


@pytest.fixture(scope="module")
def town(session_graph: Graph, settings: Settings,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Town]:
    load_town(session_graph, tmp_path_factory.mktemp("hostile") / "town", BRONNEN)
    tokens = {}
    for name, (role, partner) in USERS.items():
        users.add_user(session_graph, name, role, PASSWORD, team=f"team-{partner}",
                       partner=partner)
        tokens[name] = users.create_token(session_graph, name)
    with TestClient(create_app(settings)) as client:
        found = Town(session_graph, client, tokens)
        assert found.post("cas", "/api/entities/adres:0479200000000001/notes",
                          json={"text": NOTE}).status_code == 201
        yield found


def secrets(town: Town) -> list[str]:
    """What no hostile text may bring back: identities, credentials, a note, withheld facts."""
    found = [*BSNS, *NAMES, NOTE, "41000", "390000", "scrypt$", "spn_"]
    for name in USERS:
        found += [str(r["passwordHash"]) for r in town.graph.read("access/user_get", userName=name)
                  if r.get("passwordHash")]
    return found


def declared(params: dict[str, str]) -> list[dict[str, str]]:
    return [{"name": name, "type": kind} for name, kind in params.items()]


@pytest.mark.parametrize(("text", "params"), HOSTILE, ids=[t[:50] for t, _ in HOSTILE])
def test_no_hostile_text_is_saved_or_brings_anything_back(town: Town, text: str,
                                                          params: dict[str, str]) -> None:
    response = town.post("anna", "/api/investigations", json={
        "name": "hostile_one", "title": "x", "cypher": text, "params": declared(params)})
    assert response.status_code == 422, response.text
    body = response.text
    assert "refused in" in body
    assert not [s for s in secrets(town) if s in body]
    assert town.get("anna", "/api/investigations/hostile_one").status_code == 404


# The texts that change the graph (a GDS projection or dbms.components only read it, and only
# the boundary keeps them out).
CHANGES = [w for w in WRITES if any(k in w.upper() for k in ("CREATE ", "MERGE", "DELETE", "SET ",
                                                             "REMOVE", "APOC.CREATE"))]


@pytest.mark.parametrize("text", CHANGES)
def test_the_read_transaction_is_the_second_wall(town: Town, text: str) -> None:
    before = town.graph.read("admin/counts")
    with pytest.raises(QueryFailed):
        town.graph.investigate(text, {}, 10, 10)
    assert town.graph.read("admin/counts") == before


def _operator(graph: Graph):  # type: ignore[no-untyped-def]
    return operator_scope(load_policy(), read_sources(graph), Pseudonyms(b"k" * 32))


def _rows(graph: Graph, text: str, params: dict[str, object]) -> list[str]:
    answer = graph.investigate(text, params, 30, 1000)
    return sorted(json.dumps(r, sort_keys=True, default=str) for r in answer.rows)


def test_shipped_investigations_give_identical_rows_through_the_boundary(town: Town) -> None:
    scope = _operator(town.graph)
    compared = 0
    for inv in shipped().values():
        bound = inv.bind({p.name: REQUIRED[p.name] for p in inv.params if p.required})
        checked = admitted(scope, inv)
        assert checked.text != inv.text
        raw = _rows(town.graph, inv.text, bound)
        assert _rows(town.graph, checked.text, {**bound, **checked.literals}) == raw, inv.name
        compared += bool(raw)
    assert compared >= 6  # most of them find something in the town, so rows were compared


def test_shipped_investigations_run_for_their_roles_or_name_the_withheld_source(
        town: Town) -> None:
    by_role = {"analyst": "anna", "case_preparer": "cas", "officer": "olga"}
    reads = {"high_energy_dwellings": "verbruik", "owners_with_signals": "brk_eigendom",
             "signals_near_address": "meldingen", "bibob_refused_holders": None}
    for inv in shipped().values():
        params = {p.name: REQUIRED[p.name] for p in inv.params if p.required}
        if "persoon" in params or "van" in params:
            continue  # person keys as parameters: covered with pseudonyms below
        for role in sorted(inv.roles & set(by_role)):
            response = town.post(by_role[role], f"/api/investigations/{inv.name}/run",
                                 json={"params": params})
            source = reads.get(inv.name)
            if source:
                assert response.status_code == 422, (inv.name, role)
                assert source in json.dumps(response.json())
            else:
                assert response.status_code == 200, (inv.name, role, response.text)
    netbeheerder = town.post("nina", "/api/investigations/high_energy_dwellings/run",
                             json={"params": {"min_kwh": 30000}})
    assert netbeheerder.status_code == 200, netbeheerder.text
    assert [r["kwh"] for r in netbeheerder.json()["rows"]] == [41000.0]


def test_a_pseudonymised_analyst_runs_person_roles_on_a_pseudonym(town: Town) -> None:
    view = town.get("anna", "/api/addresses/0479200000000001").json()
    pseudo = next(link["node"]["id"] for link in view["links"] if link["type"] == "REGISTERED_AT")
    result = town.post("anna", "/api/investigations/person_roles/run",
                       json={"params": {"persoon": pseudo}})
    assert result.status_code == 200, result.text
    assert not [s for s in (*BSNS, *NAMES) if s in result.text]


def test_re_identifying_admits_identities_and_is_logged(town: Town) -> None:
    text = "MATCH (p:Person) RETURN p.fullName AS naam ORDER BY naam"
    saved = town.post("anna", "/api/investigations", json={
        "name": "namen_lijst", "title": "Namen", "cypher": text})
    assert saved.status_code == 422 and "X-Reidentify" in saved.text
    headers = {**town.headers("anna"), "X-Reidentify": "true"}
    saved = town.client.post("/api/investigations", headers=headers, json={
        "name": "namen_lijst", "title": "Namen", "cypher": text})
    assert saved.status_code in (200, 201), saved.text
    assert town.post("anna", "/api/investigations/namen_lijst/run", json={}).status_code == 422
    run = town.client.post("/api/investigations/namen_lijst/run", headers=headers, json={})
    assert run.status_code == 200
    assert "Jan van der Berg" in [r["naam"] for r in run.json()["rows"]]
    last = town.audit()[-1]
    assert last["action"] == "run" and '"reidentified": true' in str(last["payload"])


def test_nothing_withheld_is_drawn_when_its_row_is_withheld(town: Town, tmp_path: Path) -> None:
    # Signals are the police's private source: a municipal officer's run of
    # signals_near_address is refused by name rather than drawn without rows.
    response = town.post("olga", "/api/investigations/signals_near_address/run",
                         json={"params": {"nummeraanduiding_id": "0479200000000004"}})
    assert response.status_code == 422 and "meldingen" in response.text
    result = town.post("olga", "/api/investigations/residents_over_time/run",
                       json={"params": {"nummeraanduiding_id": "0479200000000001"}}).json()
    drawn = {n["id"] for n in result["graph"]["nodes"]}
    shown = {r["persoon"]["id"] for r in result["rows"]} | {r["adres"]["id"] for r in result["rows"]}
    assert drawn == shown
