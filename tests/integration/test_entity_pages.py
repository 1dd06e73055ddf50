"""Entity pages and the dossier as HTML (and PDF), against the real Neo4j with the hand-made town,
matched and analysed once for the module so flags and predicted links exist."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.db import Graph
from graph.settings import Settings
from investigations.analysis import analyze
from investigations.matching.run import run as run_matching
from tests.integration.access_setup import (
    BIRTH_DATES,
    BSNS,
    NAMES,
    PURPOSE,
    Town,
    load_town,
    make_users,
)

ADDRESS = "/adres/0479200000000001"
HTML = {"Accept": "text/html"}


@pytest.fixture(scope="module", name="town")
def analysed_town(session_graph: Graph, settings: Settings,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[Town]:
    """The town with entity resolution and one analysis run (flags, predicted links), a
    hand-made network, its users, and a client of a fresh app."""
    load_town(session_graph, tmp_path_factory.mktemp("town") / "town")
    run_matching(session_graph, full=True)
    analyze(session_graph, date(2026, 6, 1))
    session_graph.write("api/test_network")
    tokens = make_users(session_graph)
    with TestClient(create_app(settings)) as client:
        yield Town(session_graph, client, tokens)


def get(town: Town, user: str, path: str, purpose: str | None = PURPOSE):  # type: ignore[no-untyped-def]
    return town.client.get(path, headers={**town.headers(user, purpose), **HTML})


def test_each_page_answers_for_a_known_key(town: Town) -> None:
    pages = {ADDRESS: "Kerkstraat 12-2, 1501AB Zaandam", "/persoon/bsn:123456782":
             "Jan van der Berg", "/bedrijf/87654321": "Beheer BV", "/netwerk/net-1": "net-1"}
    for path, label in pages.items():
        response = get(town, "cas", path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        assert f"<h1>{label}</h1>" in response.text
        assert 'class="graph-view"' in response.text and 'aria-label="Netwerk rond' in response.text
        assert "/static/vendor/cytoscape.min.js" in response.text
        assert "/dossier/" in response.text  # the Dossier button


def test_an_address_shows_facts_with_sources_links_by_kind_timeline_and_flags(town: Town) -> None:
    html = get(town, "paul", ADDRESS).text
    assert "Bron: bag_verblijfsobjecten.csv, van gemeente (open)" in html
    for group in ("Bewoners (BRP-inschrijvingen)", "Eigenaren", "Meldingen", "Zaken"):
        assert group in html
    # every linked entity with a page links to it
    for url in ("/persoon/bsn:123456782", "/persoon/bsn:111222333", "/bedrijf/87654321"):
        assert f'href="{url}"' in html
    assert '<ol class="timeline">' in html and "2025-05-10" in html
    assert "risicomelding" in html and "1 melding(en): overbewoning" in html
    assert "Peildatum" in html  # the flag's evidence, read out


def test_signal_text_is_shown_escaped(town: Town) -> None:
    html = get(town, "paul", ADDRESS).text  # the police see their own private signal
    assert "&lt;script&gt;alert(1)&lt;/script&gt; veel fietsen" in html
    assert "<script>alert(1)" not in html
    dossier = get(town, "paul", "/dossier/adres:0479200000000001").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dossier and "<script>alert" not in dossier


def test_predicted_links_are_marked_as_predictions_not_facts(town: Town) -> None:
    html = get(town, "cas", "/adres/0479200000000002").text
    assert "Voorspelde verbanden" in html
    assert 'class="badge prediction-badge">voorspelling<' in html
    assert "mogelijke bewoner" in html and "score 0.35" in html
    predicted, _graph = html.split('id="h-predictions"')[1].split('id="h-graph"')
    assert 'href="/persoon/bsn:123456782"' in predicted
    # the predicted resident is no resident among the facts
    assert "Bewoners (BRP-inschrijvingen)" not in html.split('id="h-links"')[1]


def test_links_are_paged_for_high_degree_addresses(town: Town) -> None:
    first = get(town, "paul", f"{ADDRESS}?limit=2").text
    assert "Verbanden 1 tot en met 2 van" in first
    assert 'rel="next" href="?offset=2&amp;limit=2"' in first
    second = get(town, "paul", f"{ADDRESS}?limit=2&offset=2").text
    assert 'rel="prev" href="?offset=0&amp;limit=2"' in second


def test_unknown_keys_answer_a_404_page_naming_the_key(town: Town) -> None:
    for path, key in [("/adres/0479209999999999", "adres:0479209999999999"),
                      ("/bedrijf/99999999", "kvk:99999999"),
                      ("/persoon/bsn:000000000", "bsn:000000000"),
                      ("/netwerk/n-404", "netwerk:n-404"),
                      ("/dossier/kvk:99999999", "kvk:99999999")]:
        response = get(town, "cas", path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html")
        assert key in response.text and 'role="alert"' in response.text
    assert get(town, "cas", "/adres/12345").status_code == 422
    assert get(town, "cas", "/dossier/planet:1").status_code == 422


def test_a_person_page_and_dossier_without_a_purpose_ask_for_one(town: Town) -> None:
    for path in ("/persoon/bsn:123456782", "/dossier/bsn:123456782", "/dossier/bsn:123456782.pdf"):
        response = get(town, "cas", path, purpose=None)
        assert response.status_code == 428, path
        assert "Voor deze pagina is een doel nodig" in response.text


def test_roles_without_identities_see_pseudonyms_only(town: Town) -> None:
    address = get(town, "anna", ADDRESS).text
    pseudonyms = sorted({part.split('"')[0] for part in address.split('href="/persoon/')[1:]})
    assert pseudonyms and all(p.startswith("pseudo:") for p in pseudonyms)
    pages = [address, get(town, "anna", "/adres/0479200000000002").text,
             get(town, "anna", f"/persoon/{pseudonyms[0]}").text,
             get(town, "anna", f"/dossier/{pseudonyms[0]}").text,
             get(town, "anna", "/bedrijf/87654321").text]
    for html in pages:
        assert "Personen worden getoond als pseudoniem" in html
        for secret in (*BSNS, *NAMES, *BIRTH_DATES):
            assert secret not in html
    # and a bsn: key is refused to them, not resolved
    assert get(town, "anna", "/persoon/bsn:123456782").status_code == 403


def test_flag_evidence_names_persons_by_pseudonym_for_those_without_identities(
        town: Town) -> None:
    cas = get(town, "cas", "/netwerk/net-1").text
    assert "Netwerk van 2 leden" in cas and 'href="/persoon/bsn:123456782">Jan van der Berg<' in cas
    anna = get(town, "anna", "/netwerk/net-1").text
    assert "Netwerk van 2 leden" in anna and "123456782" not in anna
    evidence = anna.split('<dl class="evidence">')[1].split("</dl>")[0]
    assert 'href="/persoon/pseudo:' in evidence and 'href="/bedrijf/87654321"' in evidence


def test_the_dossier_shows_diagram_facts_timeline_flags_and_purpose(town: Town) -> None:
    response = get(town, "cas", "/dossier/bsn:123456782")
    assert response.status_code == 200
    html = response.text
    assert '<svg class="diagram"' in html and "<circle" in html and "<script" not in html.split(
        "<main")[1]  # no script needed: the diagram is drawn on the server
    assert f'<dd class="dossier-purpose">{PURPOSE}</dd>' in html
    assert "<dd>cas</dd>" in html
    assert "Bron: brp_inschrijvingen.csv" in html and '<ol class="timeline">' in html
    assert "Gebruikte bronnen" in html
    for key in ("kvk:87654321", "netwerk:net-1", "adres:0479200000000001"):
        assert get(town, "cas", f"/dossier/{key}").status_code == 200, key
    entries = [e for e in town.audit() if e["target"] == "bsn:123456782" and e["user"] == "cas"]
    assert entries and entries[-1]["purpose"] == PURPOSE and entries[-1]["action"] == "view"


def test_the_dossier_as_pdf(town: Town) -> None:
    response = get(town, "cas", "/dossier/kvk:87654321.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="dossier-kvk-87654321.pdf"' in response.headers["content-disposition"]
