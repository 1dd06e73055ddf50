"""Every route, walked from the OpenAPI schema: default deny, and no identities for pseudonymised
users; then schemathesis over the whole schema (no 5xx, responses that match the schema)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.routing import APIRoute

from api.security import authenticated
from tests.integration.access_setup import (  # noqa: F401  (the town fixture)
    BIRTH_DATES,
    BSNS,
    NAMES,
    Town,
    town_fixture,
)

PUBLIC = {"/health", "/login"}
SAMPLES = {"nummeraanduiding_id": "0479200000000001", "kvk_nummer": "87654321",
           "network_id": "net-1", "name": "residents_over_time", "pand_id": "0479100000000001"}
# Routes outside the schema (pages, docs, session), which must be closed as well.
HIDDEN_ROUTES = [("GET", "/"), ("GET", "/openapi.json"), ("GET", "/docs"), ("POST", "/logout"),
                 ("POST", "/session/purpose")]


def operations(town: Town) -> list[tuple[str, str, dict[str, Any]]]:
    schema = town.client.app.openapi()  # type: ignore[attr-defined]
    return [(method.upper(), path, op) for path, item in schema["paths"].items()
            for method, op in item.items()]


def fill(path: str, values: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "x"), path)


def test_every_route_but_health_needs_a_user(town: Town) -> None:
    town.client.cookies.clear()
    ops = operations(town)
    assert len(ops) >= 15
    for method, path, _ in ops:
        url = fill(path, {**SAMPLES, "key": "adres:0479200000000001",
                          "pseudonym": "pseudo:" + "0" * 20})
        response = town.client.request(method, url, json={}, follow_redirects=False,
                                       headers={"Authorization": "Bearer spn_not-a-token"})
        expected = 200 if path in PUBLIC else 401
        assert response.status_code == expected, (method, path, response.text)
        if path not in PUBLIC:
            assert town.client.request(method, url, json={}).status_code == 401, (method, path)
    for method, path in HIDDEN_ROUTES:
        response = town.client.request(method, path, follow_redirects=False)
        assert response.status_code in (401, 303), (method, path)
        if response.status_code == 303:
            assert response.headers["location"].startswith("/login")


def test_every_closed_route_depends_on_authentication(town: Town) -> None:
    """Default deny by construction: a route without the user dependency would be open."""

    def needs_user(dependant: Any) -> bool:
        return any(d.call is authenticated or needs_user(d) for d in dependant.dependencies)

    for route in town.client.app.routes:  # type: ignore[attr-defined]
        if isinstance(route, APIRoute) and route.path not in PUBLIC:
            assert needs_user(route.dependant), route.path


def _walk_as(town: Town, user: str, purpose: str, skip: tuple[str, ...] = ()) -> list[str]:
    """GET every route and run or export every investigation the user may; the texts received."""
    view = town.get(user, "/api/addresses/0479200000000001", purpose).json()
    pseudo = next(link["node"]["id"] for link in view["links"] if link["type"] == "REGISTERED_AT")
    assert pseudo.startswith("pseudo:")
    values = {**SAMPLES, "key": pseudo, "pseudonym": pseudo}
    texts = []
    for method, path, _ in operations(town):
        if path in PUBLIC or path.startswith(skip):
            continue
        url = fill(path, values)
        if method == "GET":
            query = {"source": pseudo, "target": "kvk:11112222", "q": "berg"}
            texts.append(town.get(user, url, purpose, params=query).text)
    params = {"nummeraanduiding_id": "0479200000000001", "kvk_nummer": "87654321",
              "van": pseudo, "naar": "kvk:11112222", "persoon": pseudo,
              "pand_id": "0479100000000001", "min_persons": 1, "max_m2_per_person": 100,
              "min_companies": 1, "min_dwellings": 1, "min_registrations": 1, "van_": None}
    for inv in town.get(user, "/api/investigations", purpose).json():
        given = {p["name"]: params[p["name"]] for p in inv["params"] if p["name"] in params}
        if any(p["type"] == "date" for p in inv["params"]):
            given = {k: v for k, v in given.items() if k != "van"}
        for kind in ("run", "export?format=csv", "export?format=json"):
            response = town.post(user, f"/api/investigations/{inv['name']}/{kind}", purpose,
                                 json={"params": given})
            # 422: the boundary refuses a text over a source the user's partner may not see.
            refused = response.status_code == 422 and "may not see" in response.text
            assert response.status_code in (200, 403) or refused, (inv["name"], response.text)
            texts.append(response.text)
    return texts


@pytest.mark.parametrize(("user", "purpose"), [
    ("anna", "zaak Z-2026-041"),  # analysts see pseudonyms unless they ask
    ("olga", "statistiek overbewoning per buurt"),  # a purpose that needs no identities
    ("adam", "controle van het auditlog"),  # administrators never see identities
])
def test_pseudonymised_users_receive_no_bsn_name_or_birth_date(town: Town, user: str,
                                                               purpose: str) -> None:
    texts = _walk_as(town, user, purpose, skip=("/api/pseudonyms",)) if user != "adam" else [
        town.get(user, path, purpose).text for path in ("/api/audit", "/api/audit/export")]
    joined = "\n".join(texts)
    assert len(joined) > 2000
    for secret in (*BSNS, *NAMES, *BIRTH_DATES):
        assert secret not in joined, secret


def test_reidentification_needs_the_role_and_is_logged(town: Town) -> None:
    view = town.get("anna", "/api/addresses/0479200000000001").json()
    pseudo = next(link["node"]["id"] for link in view["links"] if link["type"] == "REGISTERED_AT")
    assert town.get("olga", f"/api/pseudonyms/{pseudo}").status_code == 403
    assert town.get("anna", f"/api/pseudonyms/{pseudo}", purpose=None).status_code == 428
    found = town.get("anna", f"/api/pseudonyms/{pseudo}").json()
    assert found["key"] in ("bsn:123456782", "bsn:111222333")
    entry = town.audit()[-1]
    assert (entry["action"], entry["user"], entry["target"]) == ("reidentify", "anna", found["key"])
    # On request (X-Reidentify) an analyst sees identities, and the entry says so.
    shown = town.client.get(f"/api/persons/{found['key']}",
                            headers={**town.headers("anna"), "X-Reidentify": "true"})
    assert shown.status_code == 200 and shown.json()["pseudonymised"] is False
    assert '"reidentified": true' in town.audit()[-1]["payload"]


def test_schemathesis_finds_no_server_error_and_no_broken_response(town: Town) -> None:
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from schemathesis.checks import not_a_server_error, response_schema_conformance
    from schemathesis.errors import FailureGroup

    schema = schemathesis.openapi.from_dict(town.client.app.openapi())  # type: ignore[attr-defined]
    failures: list[str] = []
    operations_tried = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations_tried += 1

        @settings(max_examples=15, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case: Any) -> None:
            headers = {**(case.headers or {}), **town.headers("cas")}
            response = town.client.request(
                case.method, case.formatted_path, params=case.query, headers=headers,
                json=case.body if isinstance(case.body, (dict, list)) else None)
            try:
                case.validate_response(response, checks=[not_a_server_error,
                                                         response_schema_conformance])
            except FailureGroup as exc:  # collect every failing operation, then fail once
                failures.append(f"{case.method} {case.formatted_path}: {str(exc)[:300]}")

        check()
    assert operations_tried >= 15
    assert not failures, "\n".join(failures[:10])


def test_results_rank_the_same_on_pseudonyms(town: Town) -> None:
    body = {"params": {"min_companies": 1}}
    path = "/api/investigations/persons_in_risk_branches/run"
    named = town.post("cas", path.replace("persons_in_risk_branches", "residents_over_time"),
                      json={"params": {"nummeraanduiding_id": "0479200000000001"}}).json()
    pseudo = town.post("anna", path.replace("persons_in_risk_branches", "residents_over_time"),
                       json={"params": {"nummeraanduiding_id": "0479200000000001"}}).json()
    pseudonyms = town.client.app.state.access.pseudonyms  # type: ignore[attr-defined]
    assert [pseudonyms.pseudo(r["persoon"]["id"]) for r in named["rows"]] == [
        r["persoon"]["id"] for r in pseudo["rows"]]
    assert [r["van"] for r in named["rows"]] == [r["van"] for r in pseudo["rows"]]
    assert town.post("anna", path, json=body).json()["rows"][0]["aantal"] >= 1
