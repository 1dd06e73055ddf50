"""The neighbourhood picture on a generated town in the real Neo4j: the planted rise is a
hotspot and a steady buurt is not, no count below 5 is shown or derivable from a total, and no
page or export names a person or a dwelling.

Fixture strategy: one town of 600 persons (seed 17) is generated and loaded once for the
module (about 15 s), with an officer and a policy advisor (the role without personal data); the
real app is driven through FastAPI's TestClient with their API tokens (and a second policy
advisor at a partner that sees none of the municipality's closed sources).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph import schema
from graph.db import Graph
from graph.settings import Settings
from investigations.access import users
from investigations.neighbourhoods.picture import build
from investigations.scoring.monitor import CASE_YEARS
from loaders.load import load
from loaders.synthetic import GroundTruth, generate

PASSWORD = "wachtwoord-voor-tests"
MARKS = ("<5", "×", "–")


@dataclass
class Town:
    graph: Graph
    client: TestClient
    truth: GroundTruth
    folder: Path
    tokens: dict[str, str]

    def get(self, user: str, path: str) -> str:
        response = self.client.get(path, headers={"Authorization": f"Bearer {self.tokens[user]}",
                                                  "Accept": "text/html"})
        assert response.status_code == 200, (path, response.status_code, response.text[:300])
        return response.text

    def status(self, user: str, path: str) -> int:
        return self.client.get(path, headers={"Authorization": f"Bearer {self.tokens[user]}"}
                               ).status_code


@pytest.fixture(scope="module")
def town(session_graph: Graph, settings: Settings,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Town]:
    folder = tmp_path_factory.mktemp("buurten")
    truth = generate(folder, persons=600, seed=17)
    session_graph.autocommit("admin/wipe")
    schema.install(session_graph)
    assert load(session_graph, folder, folder / "reports").ok
    tokens = {}
    for name, role, partner in (("olga", "officer", "gemeente"),
                                ("bea", "policy_advisor", "gemeente"),
                                ("nina", "policy_advisor", "netbeheerder")):
        users.add_user(session_graph, name, role, PASSWORD, partner=partner)
        tokens[name] = users.create_token(session_graph, name)
    with TestClient(create_app(settings)) as client:
        yield Town(session_graph, client, truth, folder, tokens)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def source(town: Town, name: str) -> list[dict[str, str]]:
    """A generated source file's rows (the generator writes `;`-separated CSV)."""
    text = (town.folder / name).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_the_planted_rise_is_a_hotspot_and_the_steady_buurt_is_not(town: Town) -> None:
    rise = town.truth.patterns["neighbourhood_rise"][0]
    steady = town.truth.decoys["steady_neighbourhood"][0]
    pic = build(town.graph, town.truth.as_of, [])
    series = "drugsoverlast-politie"
    flagged = {(t.buurtcode, t.series) for t in pic.flagged()}
    assert (rise["buurtcode"], series) in flagged
    assert (steady["buurtcode"], series) not in flagged
    test = next(t for t in pic.tests if (t.buurtcode, t.series) == (rise["buurtcode"], series))
    assert test.count == rise["count"] and test.period == rise["period"]
    assert test.adjusted < 0.05 and "Poisson-toets, eenzijdig, gecorrigeerd voor" in test.text
    # The pages say it in words, with the number of tests and the chance.
    page = town.get("bea", "/buurten")
    assert f"Drugsoverlast (politie): {rise['count']} in {rise['period']}, boven" in page
    assert f"gecorrigeerd voor {pic.n_tests} toetsen" in page
    own = town.get("bea", f"/buurt/{rise['buurtcode']}")
    assert f"Drugsoverlast (politie): {rise['count']} in" in own and "kans bij toeval" in own
    assert "Drugsoverlast (politie): " not in town.get("bea", f"/buurt/{steady['buurtcode']}")


def _range(cell: str, known: int, others: list[str], total: int) -> tuple[int, int]:
    """The values a withheld cell can take, given the total and the other cells' marks: "<5"
    is 0..4, "×" at least 5 (a single sum constraint with box bounds: exact for integers)."""
    bounds = {"<5": (0, 4), "×": (5, total)}
    lo, hi = bounds[cell]
    rest = total - known
    others_lo = sum(bounds[o][0] for o in others)
    others_hi = sum(bounds[o][1] for o in others)
    return max(lo, rest - others_hi), min(hi, rest - others_lo)


def test_no_count_below_5_is_shown_or_derivable_from_the_totals(town: Town) -> None:
    page = town.get("bea", "/buurten")
    slugs = re.findall(r'<option value="([a-z0-9-]+)"', page)
    assert len(slugs) >= 10
    checked = withheld = 0
    for name in slugs:
        table = rows(town.client.get(f"/buurten.csv?cijfer={name}", headers={
            "Authorization": f"Bearer {town.tokens['bea']}"}).text)
        if any(r["buurtnaam"] == "gemiddelde" for r in table):
            continue  # an average (WOZ value): no count, shown as delivered
        for period in {r["periode"] for r in table}:
            line = [r["waarde"] for r in table if r["periode"] == period and r["buurtcode"] != "gemeente"]
            total = next(r["waarde"] for r in table if r["periode"] == period and r["buurtcode"] == "gemeente")
            for value in [*line, total]:
                assert value in MARKS or int(value) >= 5, (name, period, value)
            if total in MARKS:
                continue
            known = sum(int(v) for v in line if v not in MARKS)
            hidden = [v for v in line if v in ("<5", "×")]
            for i, cell in enumerate(hidden):
                lo, hi = _range(cell, known, hidden[:i] + hidden[i + 1:], int(total))
                assert lo < hi, (name, period, cell, lo, hi)  # more than one value possible
                withheld += 1
            checked += 1
    assert checked > 30 and withheld > 30, (checked, withheld)  # it met real withheld cells
    # Occupied dwellings are dwellings minus vacant ones: never a shown difference below 5.
    get = {name: {r["buurtcode"]: r["waarde"] for r in rows(town.client.get(
        f"/buurten.csv?cijfer={name}", headers={"Authorization": f"Bearer {town.tokens['bea']}"}
    ).text)} for name in ("woningen", "leegstand")}
    for code, dwellings in get["woningen"].items():
        vacant = get["leegstand"][code]
        if dwellings not in MARKS and vacant not in MARKS:
            assert int(dwellings) - int(vacant) >= 5, code


def counts_on_page(html: str) -> list[str]:
    """Every count cell of a page's tables (`td.num`); the town-per-buurt reference (`td.ref`, a
    total divided by the number of buurten) and averages (`td.avg`) are not counts."""
    return [c.replace("&lt;", "<") for c in re.findall(r'<td class="num">([^<]*)</td>', html)]


def test_every_count_on_the_pages_is_at_least_5_or_withheld(town: Town) -> None:
    code = town.truth.patterns["neighbourhood_rise"][0]["buurtcode"]
    overview = town.get("bea", "/buurten")
    pages = [town.get("bea", f"/buurt/{b}") for b in re.findall(r'href="/buurt/(BU\d+)"', overview)]
    for name in re.findall(r'<option value="([a-z0-9-]+)"', overview):
        pages.append(town.get("bea", f"/buurten?cijfer={name}"))
    cells = [c for page in pages for c in counts_on_page(page)]
    assert len(cells) > 2000 and code in overview
    assert [c for c in cells if c not in MARKS and int(c) < 5] == []


def test_pages_show_the_exports_numbers_and_nothing_below_5(town: Town) -> None:
    code = town.truth.patterns["neighbourhood_rise"][0]["buurtcode"]
    page = town.get("bea", f"/buurt/{code}")
    exported = rows(town.client.get(f"/buurt/{code}/cijfer.csv?cijfer=meldingen", headers={
        "Authorization": f"Bearer {town.tokens['bea']}"}).text)
    section = page.split('id="c-meldingen"')[1].split("</table>")[0]
    first = re.search(r"<tbody>\s*<tr>(.*?)</tr>", section, re.DOTALL)
    assert first is not None
    shown = re.findall(r'<td class="num">([^<]*|&lt;5)</td>', first.group(1))
    assert [s.replace("&lt;", "<") for s in shown] == [r[code] for r in exported][-len(shown):]
    for value in shown:
        assert value in ("&lt;5", "×", "–") or int(value) >= 5


def test_no_person_key_name_bsn_or_dwelling_address_on_pages_or_exports(town: Town) -> None:
    brp = source(town, "brp_inschrijvingen.csv")
    bag = source(town, "bag_verblijfsobjecten.csv")
    code = town.truth.patterns["neighbourhood_rise"][0]["buurtcode"]
    texts = [town.get("bea", "/buurten"), town.get("bea", f"/buurt/{code}")]
    for name in ("meldingen", "drugsoverlast-politie", "leegstand"):
        texts.append(town.client.get(f"/buurten.csv?cijfer={name}", headers={
            "Authorization": f"Bearer {town.tokens['bea']}"}).text)
        texts.append(town.client.get(f"/buurt/{code}/cijfer.csv?cijfer={name}", headers={
            "Authorization": f"Bearer {town.tokens['bea']}"}).text)
    shown = "\n".join(texts)
    assert not re.search(r"\b(bsn|person|pseudo|adres):", shown)
    assert not re.search(r"\b\d{9}\b|\b\d{16}\b", shown)  # no BSN, no BAG key
    full_names = {" ".join(p for p in (r["voornamen"], r["voorvoegsel"], r["geslachtsnaam"]) if p)
                  for r in brp}
    assert len(full_names) > 300 and len(shown) > 10_000  # a real check, not an empty one
    assert [n for n in full_names if n in shown] == []
    dwellings = {f"{r['openbare_ruimte']} {r['huisnummer']}" for r in bag
                 if "woonfunctie" in r["gebruiksdoel"]}
    assert [a for a in dwellings if re.search(re.escape(a) + r"\b", shown)] == []
    assert [pc for pc in {r["postcode"] for r in bag} if pc in shown] == []


def test_a_role_without_personal_data_sees_the_figures_only(town: Town) -> None:
    code = town.truth.patterns["neighbourhood_rise"][0]["buurtcode"]
    address = source(town, "bag_verblijfsobjecten.csv")[0]
    assert town.status("bea", "/buurten") == 200
    assert town.status("bea", f"/api/addresses/{address['nummeraanduiding_id']}") == 403
    assert town.status("bea", "/api/search?q=straat") == 403
    png = town.client.get(f"/buurt/{code}/grafiek.png?cijfer=drugsoverlast-politie",
                          headers={"Authorization": f"Bearer {town.tokens['bea']}"})
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    assert town.status("bea", "/buurten/grafiek.png?cijfer=meldingen") == 200
    assert town.status("bea", "/buurt/BU99999999") == 404
    assert town.status("bea", "/buurten?cijfer=bestaat-niet") == 404
    entries = town.graph.read("access/audit_entries", fromSeq=0, since=None, user="bea",
                              subject=None, limit=100000)
    targets = {(e["action"], e["target"]) for e in entries}
    assert ("view", "buurten") in targets and ("export", f"buurt:{code}") in targets


def test_figures_from_a_source_the_user_may_not_see_are_left_out(town: Town) -> None:
    """The grid operator shares no closed source with the municipality: signals, cases and the
    BRP (gemeente, closed) are not counted for its users, and not shown as zeros either."""
    def offered(user: str) -> set[str]:
        return set(re.findall(r'<option value="([a-z0-9-]+)"', town.get(user, "/buurten")))
    everything, outside = offered("bea"), offered("nina")
    assert {"meldingen", "zaken", "inschrijvingen", "leegstand"} <= everything - outside
    assert {"adressen", "drugsoverlast-politie", "risicobranche-actief"} <= outside
    assert town.status("nina", "/buurten.csv?cijfer=meldingen") == 404


def test_a_withheld_month_cannot_be_had_from_the_monitors_cases_per_buurt(town: Town) -> None:
    """The monitor shows each buurt's cases started in its last two years (when at least 5): a
    row total of the monthly cases here, so those rows are suppressed as lines too."""
    as_of = town.truth.as_of
    since = as_of - timedelta(days=365 * CASE_YEARS)
    monitor = {r["buurtcode"]: r["cases"] for r in town.graph.read(
        "scoring/monitor_neighbourhoods", high=0.5, since=since)}
    zaken = build(town.graph, as_of, []).get("zaken")
    assert zaken is not None
    window = [p for p in zaken.periods if p >= since.isoformat()[:7]]
    rows_checked = 0
    for code, cases in monitor.items():
        if cases < 5:
            continue  # the monitor shows "<5": no total to subtract from
        cells = [zaken.cell(code, p) for p in window]
        known = sum(int(v) for v, _ in cells if v is not None)
        hidden = [m for v, m in cells if v is None]
        for i, cell in enumerate(hidden):
            lo, hi = _range(cell, known, hidden[:i] + hidden[i + 1:], cases)
            assert lo < hi, (code, cell, lo, hi)
        rows_checked += 1
    assert rows_checked >= 1
