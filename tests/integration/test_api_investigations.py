"""Investigations through the API: list, run, export, save; read-only, roles, limits, purpose."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from tests.integration.access_setup import Town, town_fixture  # noqa: F401  (the town fixture)

RESIDENTS = {"params": {"nummeraanduiding_id": "0479200000000001"}}


def counts(town: Town) -> list[dict[str, object]]:
    return [r for r in town.graph.read("admin/counts") if r["name"] not in ("AuditEntry",
                                                                            "AuditHead")]


def test_at_least_ten_shipped_investigations_with_forms(town: Town) -> None:
    listed = town.get("anna", "/api/investigations").json()
    shipped = [i for i in listed if i["owner"] is None]
    assert len(shipped) >= 10
    one = town.get("olga", "/api/investigations/signals_near_address").json()
    assert [p["name"] for p in one["params"]] == ["nummeraanduiding_id", "straal", "van", "tot"]
    assert one["params"][1] == {"name": "straal", "type": "integer", "default": 250,
                                "required": False, "description": "straal in meters"}
    assert town.get("olga", "/api/investigations/nope_nope").status_code == 404


def test_run_returns_rows_and_a_graph(town: Town) -> None:
    result = town.post("cas", "/api/investigations/residents_over_time/run", json=RESIDENTS).json()
    assert result["columns"] == ["persoon", "inschrijving", "adres", "van", "tot", "soort"]
    assert [r["persoon"]["id"] for r in result["rows"]] == ["bsn:111222333", "bsn:123456782"]
    ids = {n["id"] for n in result["graph"]["nodes"]}
    assert ids == {"bsn:111222333", "bsn:123456782", "adres:0479200000000001"}
    assert {r["type"] for r in result["graph"]["relationships"]} == {"REGISTERED_AT"}
    assert all(r["start"] in ids and r["end"] in ids for r in result["graph"]["relationships"])


def test_paths_investigation_with_pseudonym_parameter(town: Town) -> None:
    view = town.get("anna", "/api/addresses/0479200000000001").json()
    pseudo = next(link["node"]["id"] for link in view["links"] if link["type"] == "REGISTERED_AT")
    result = town.post("anna", "/api/investigations/shortest_paths/run",
                       json={"params": {"van": pseudo, "naar": "kvk:87654321"}}).json()
    assert result["rows"] and result["rows"][0]["pad"]["nodes"][0]["id"] == pseudo


def test_an_officer_cannot_run_an_analyst_only_investigation(town: Town) -> None:
    response = town.post("olga", "/api/investigations/persons_in_risk_branches/run", json={})
    assert response.status_code == 403
    assert "analyst" in response.json()["detail"]
    assert town.post("anna", "/api/investigations/persons_in_risk_branches/run",
                     json={"params": {"min_companies": 1}}).status_code == 200


def test_purpose_is_required_for_persons_and_exports(town: Town) -> None:
    assert town.post("olga", "/api/investigations/residents_over_time/run", purpose=None,
                     json=RESIDENTS).status_code == 428
    # No persons in the result: no purpose needed to run, but always for an export.
    assert town.post("olga", "/api/investigations/overcrowded_addresses/run", purpose=None,
                     json={}).status_code == 200
    assert town.post("olga", "/api/investigations/overcrowded_addresses/export", purpose=None,
                     json={}).status_code == 428


def test_bad_parameters_are_422_naming_them(town: Town) -> None:
    for params, name in [({"straal": "ver"}, "straal"), ({"van": "gisteren"}, "van"),
                         ({"bogus": 1}, "bogus"), ({}, "nummeraanduiding_id")]:
        body = {"params": {"nummeraanduiding_id": "0479200000000001", **params}}
        if name == "nummeraanduiding_id":
            body = {"params": {}}
        response = town.post("olga", "/api/investigations/signals_near_address/run", json=body)
        assert response.status_code == 422, params
        assert name in json.dumps(response.json())


def test_row_limit_truncates(town: Town) -> None:
    result = town.post("cas", "/api/investigations/residents_over_time/run",
                       json={**RESIDENTS, "limit": 1}).json()
    assert len(result["rows"]) == 1 and result["truncated"] is True


def test_exports_csv_json_xlsx_with_formulas_neutralised(town: Town) -> None:
    body = {"params": {"nummeraanduiding_id": "0479200000000004", "straal": 5000}}
    path = "/api/investigations/signals_near_address/export"
    # paul (police) sees the private signals; give one a formula-like category first
    town.graph.write("api/test_formula_signal")
    text = town.post("paul", f"{path}?format=csv", json=body).text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["melding", "adres", "afstand", "datum", "categorie"]
    assert "'=HYPERLINK(\"http://x\")" in [r[4] for r in rows[1:]]
    data = town.post("paul", f"{path}?format=json", json=body).json()
    assert {d["categorie"] for d in data} >= {"'=HYPERLINK(\"http://x\")"}
    response = town.post("paul", f"{path}?format=xlsx", json=body)
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "'=HYPERLINK(\"http://x\")" in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)
    assert town.post("paul", f"{path}?format=pdf", json=body).status_code == 422


WRITES = [
    "CREATE (n:Evil) RETURN n",
    "MATCH (n) DETACH DELETE n",
    "MATCH (a:Address) SET a.label = 'x' RETURN a",
    "mErGe (n:Evil {x: 1}) RETURN n",
    "MATCH (n:Person) REMOVE n.bsn RETURN n",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CALL apoc.create.node(['Evil'], {}) YIELD node RETURN node",
    "CALL db.createLabel('Evil')",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS RETURN 1",
    "RETURN apoc.cypher.runFirstColumnSingle('CREATE (n:Evil) RETURN n', {})",
    "MATCH (n) WHERE n.x = '// not a comment' CREATE (m:Evil) RETURN m",
    "MATCH (n) /* hidden */ CREATE /* in */ (m:Evil) RETURN m",
    "MATCH (n) RETURN n // harmless\nUNION MATCH (n) SET n.x = 1 RETURN n",
    "FOREACH (x IN [1] | CREATE (:Evil))",
]


@pytest.mark.parametrize("cypher", WRITES)
def test_saving_a_writing_investigation_is_refused_and_the_graph_unchanged(
        town: Town, cypher: str) -> None:
    before = counts(town)
    response = town.post("anna", "/api/investigations",
                         json={"name": "evil_one", "title": "x", "cypher": cypher})
    assert response.status_code == 422
    assert "refused in" in json.dumps(response.json())
    assert counts(town) == before
    assert town.get("anna", "/api/investigations/evil_one").status_code == 404


def test_save_run_share_and_delete_own_investigation(town: Town) -> None:
    body = {"name": "mijn_kerkstraat", "title": "Kerkstraat", "visibility": "team",
            "cypher": "// adressen aan een straat, 'CREATE' in a string is fine\n"
                      "MATCH (a:Address {street: $straat}) RETURN a AS adres ORDER BY a.key",
            "params": [{"name": "straat", "type": "string", "default": "Kerkstraat"}]}
    assert town.post("olga", "/api/investigations", json=body).status_code == 403  # no Cypher
    saved = town.post("anna", "/api/investigations", json=body)
    assert saved.status_code == 201, saved.text
    result = town.post("anna", "/api/investigations/mijn_kerkstraat/run", json={}).json()
    assert [r["adres"]["id"] for r in result["rows"]] == ["adres:0479200000000001",
                                                          "adres:0479200000000002"]
    # shared with anna's team only: another team does not even see it, and a team member of
    # another role than the investigation's roles (analyst, by default) may not run it
    assert town.get("paul", "/api/investigations/mijn_kerkstraat").status_code == 404
    assert town.get("cas", "/api/investigations/mijn_kerkstraat").status_code == 403
    assert town.post("anna", "/api/investigations", json={**body, "name": "shortest_paths"}
                     ).status_code == 409
    assert town.client.delete("/api/investigations/mijn_kerkstraat",
                              headers=town.headers("anna")).status_code == 204
    assert town.get("anna", "/api/investigations/mijn_kerkstraat").status_code == 404


def test_every_run_leaves_an_audit_entry_with_its_purpose(town: Town) -> None:
    town.post("olga", "/api/investigations/residents_over_time/run", json=RESIDENTS,
              purpose="zaak Z-77")
    entry = town.audit()[-1]
    assert (entry["action"], entry["target"], entry["user"], entry["purpose"]) == (
        "run", "residents_over_time", "olga", "zaak Z-77")
    assert '"nummeraanduiding_id": "0479200000000001"' in entry["payload"]
    assert set(entry["subjects"]) == {"bsn:111222333", "bsn:123456782"}
