"""Hidden-resident evidence weights: pure functions, no database."""

from __future__ import annotations

from datetime import date

from investigations.links import lookalike, residents

AS_OF = date(2026, 11, 1)


def signal(category: str = "adresfraude", when: date = date(2026, 5, 1)) -> dict[str, object]:
    return {"kind": "signal", "id": "MLD-1", "category": category, "date": when,
            "reliability": "hoog"}


def test_signals_outweigh_ownership_and_add_up() -> None:
    one, _ = residents.score([signal()], "brp", ["adres:1"], AS_OF)
    two, reasons = residents.score([signal(), signal()], "brp", ["adres:1"], AS_OF)
    owner, _ = residents.score([{"kind": "owner", "id": "adres:2", "owned": 1}], "brp",
                               ["adres:1"], AS_OF)
    assert two > one > owner > 0
    assert reasons[0].startswith("genoemd in melding MLD-1")
    assert reasons[-1] == "ingeschreven op adres:1"


def test_business_at_a_partners_home_or_a_letterbox_counts_little() -> None:
    sole = {"kind": "officer", "id": "kvk:1", "name": "X", "role": "eigenaar", "ended": False,
            "companiesHere": 1, "coOfficerLivesHere": False}
    partner = {**sole, "coOfficerLivesHere": True}
    letterbox = {**sole, "companiesHere": 12}
    scores = [residents.score([item], "brp", [], AS_OF)[0] for item in (sole, partner, letterbox)]
    assert scores[0] > scores[1] and scores[0] > scores[2]


def test_old_signals_and_unknown_persons_count_less() -> None:
    fresh, _ = residents.score([signal()], "brp", ["adres:1"], AS_OF)
    old, _ = residents.score([signal(when=date(2019, 1, 1))], "brp", ["adres:1"], AS_OF)
    unknown, reasons = residents.score([signal()], "melding", [], AS_OF)
    assert fresh > old and fresh > unknown
    assert reasons[-1] == "niet bekend in de BRP"


def test_lookalike_scores_unlabelled_dwellings_like_their_inspected_neighbours() -> None:
    def row(key: str, residents_: int, signals: int, result: str | None) -> dict[str, object]:
        case = {"id": f"Z-{key}", "result": result, "type": "controle"} if result else None
        return {"key": key, "floorArea": 80, "residents": residents_, "adults": residents_,
                "surnames": residents_, "arrivals": 0, "shortStays": 0, "companies": 0,
                "housingSignals": signals, "crimeSignals": 0, "ownerHoldings": 1, "kwh": 3000,
                "flags": 0.0, "lastCase": case}
    rows = [row(f"v{i}", 12, 3, "overtreding") for i in range(6)]
    rows += [row(f"n{i}", 2, 0, "geen overtreding") for i in range(6)]
    rows += [row("crowded", 11, 3, None), row("ordinary", 2, 0, None)]
    matches, figures = lookalike.score(rows)
    by_key = {m.key: m for m in matches}
    assert by_key["crowded"].score > by_key.get("ordinary", lookalike.Match("", 0, "", "", [])).score
    assert by_key["crowded"].nearest.startswith("v")
    assert figures["leaveOneOutAuc"] == 1.0
