"""A predicted link quotes the facts it was predicted from, and goes where their sources go: a
municipal user for whom meldingen.csv is a private police source gets no signal category or date
from predicted-resident evidence (link, reasons or flag) on any page or API answer, and each is
counted as withheld; the operator and a police case preparer see them.

The town of access_setup plus one police signal (M4) naming Piet Jansen about Dorpsweg 5, where
he is not registered; matching ties the signal's person to his BRP record, and the resident step
predicts that he lives there.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph import schema
from graph.db import Graph
from graph.settings import Settings
from investigations.access.policy import load_policy
from investigations.access.pseudonyms import Pseudonyms
from investigations.access.scope import Scope, operator_scope
from investigations.access.sources import read_sources
from investigations.explore.views import address_view, person_view
from investigations.links import step
from investigations.matching.run import run as run_matching
from investigations.pipeline import Context
from loaders.load import load
from tests.integration.access_setup import BRONNEN, Town, make_users
from tests.town import FILES, SIGNALS, write_town

ADDRESS = "0479200000000004"  # Dorpsweg 5
PIET = "bsn:111222333"  # registered at Kerkstraat 12-2
M4 = ["M4", "politie", "adresfraude", "2025-04-02", "", ADDRESS, "", "Piet Jansen", "1990-01-01",
      "", "hoog"]
SECRETS = ("2025-04-02", "melding M4", "adresfraude")  # what the evidence quotes of M4
RUN_ID = "run-predictions-test"
AS_OF = date(2025, 6, 1)
PATHS = {"api": f"/api/addresses/{ADDRESS}", "person": f"/api/persons/{PIET}"}
BEFORE: dict[str, int] = {}  # what cas had withheld on PATHS before the prediction


@pytest.fixture(scope="module", name="town")
def town_fixture(session_graph: Graph, settings: Settings,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[Town]:
    folder = tmp_path_factory.mktemp("town") / "town"
    session_graph.autocommit("admin/wipe")
    schema.install(session_graph)
    write_town(folder, {**FILES, "meldingen": [*SIGNALS, M4]})
    (folder / "bronnen.yml").write_text(BRONNEN, encoding="utf-8")
    assert load(session_graph, folder, folder.parent / "reports").ok
    run_matching(session_graph, full=True)
    tokens = make_users(session_graph)
    with TestClient(create_app(settings)) as client:
        town = Town(session_graph, client, tokens)
        BEFORE.update({name: town.get("cas", path).json()["withheld"]
                       for name, path in PATHS.items()})
        step.predict_residents(session_graph, Context(RUN_ID, AS_OF))
        yield town


def operator(graph: Graph) -> Scope:
    return operator_scope(load_policy(), read_sources(graph), Pseudonyms(b"k" * 32))


def test_the_prediction_and_its_flags_record_the_files_they_quote(town: Town) -> None:
    links = [r for r in town.graph.read("links/export") if r["kind"] == "resident"
             and r["target"] == f"adres:{ADDRESS}"]
    assert [r["source"] for r in links] == [PIET]
    assert any("melding M4 (adresfraude, 2025-04-02)" in reason for reason in links[0]["reasons"])
    flags = town.graph.read("links/flags", runId=RUN_ID, names=["predicted_resident"])
    assert {f["subject"] for f in flags} == {PIET, f"adres:{ADDRESS}"}
    for flag in flags:
        assert flag["sources"] == ["brp_inschrijvingen.csv", "meldingen.csv"]
        assert "2025-04-02" in flag["reason"] and "2025-04-02" in flag["evidence"]


def test_a_municipal_user_gets_no_signal_fact_from_the_prediction(town: Town) -> None:
    for name, path in PATHS.items():
        response = town.get("cas", path)
        assert response.status_code == 200
        for secret in SECRETS:
            assert secret not in response.text, (path, secret)
        view = response.json()
        assert not [link for link in view["links"] if link["type"] == "PREDICTED_LINK"]
        assert "PREDICTED_LINK" not in view["linkCounts"], path  # a count would tell it exists
        assert view["flags"] == []
        # The prediction (one PREDICTED_LINK, seen from either end) and its flag.
        assert view["withheld"] == BEFORE[name] + 2, path
    for page in (f"/adres/{ADDRESS}", f"/dossier/adres:{ADDRESS}", f"/persoon/{PIET}",
                 f"/dossier/{PIET}"):
        response = town.get("cas", page)
        assert response.status_code in (200, 404), page
        for secret in SECRETS:
            assert secret not in response.text, (page, secret)


def test_the_operator_and_a_police_case_preparer_see_it(town: Town) -> None:
    view = address_view(town.graph, operator(town.graph), ADDRESS)
    predicted = [link for link in view["links"] if link["type"] == "PREDICTED_LINK"]
    assert [link["node"]["id"] for link in predicted] == [PIET]
    assert predicted[0]["relationship"]["properties"]["sources"] == [
        "brp_inschrijvingen.csv", "meldingen.csv"]
    assert "2025-04-02" in predicted[0]["relationship"]["properties"]["evidence"]
    assert [f["name"] for f in view["flags"]] == ["predicted_resident"]
    person = person_view(town.graph, operator(town.graph), PIET)
    assert "melding M4" in str(person["flags"])
    paul = town.get("paul", f"/adres/{ADDRESS}")
    assert paul.status_code == 200
    assert "melding M4" in paul.text and "2025-04-02" in paul.text
