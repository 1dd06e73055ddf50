"""Network scoring and key figures: pure functions, no database."""

from __future__ import annotations

from datetime import date

from investigations.networks import boundary, scoring
from investigations.networks.step import candidates, key_figures


def shell_factory() -> scoring.Facts:
    """Four persons rotating through eight short-lived risk-branch companies."""
    return scoring.Facts(persons=4, companies=8, addresses=3, shortLived=7, riskBranch=8,
                         rotating=4, maxRoles=4, permits=["VG-1"], signals=["M-1"],
                         cases=["Z-1"])


def business_centre() -> scoring.Facts:
    """Twelve persons, twelve long-standing office companies at one address."""
    return scoring.Facts(persons=12, companies=12, addresses=1)


def test_shell_factory_is_suspect_and_business_centre_is_not() -> None:
    shell, _ = scoring.score(shell_factory())
    centre, parts = scoring.score(business_centre())
    assert shell >= 0.7
    assert centre < scoring.SUSPECT
    assert parts["structure"] == 0.0


def test_structure_alone_is_not_enough_for_a_high_score() -> None:
    facts = shell_factory()
    facts.permits, facts.signals, facts.cases = [], [], []
    alone, _ = scoring.score(facts)
    full, _ = scoring.score(shell_factory())
    assert scoring.SUSPECT <= alone < full


def test_member_flags_raise_the_score() -> None:
    plain = scoring.Facts(persons=3, companies=2, addresses=1)
    flagged = scoring.Facts(persons=3, companies=2, addresses=1, flags=[
        {"key": "bsn:1", "strength": 0.9}, {"key": "bsn:2", "strength": 0.8}])
    assert scoring.score(flagged)[0] > scoring.score(plain)[0] == 0.0


def test_reason_is_one_dutch_sentence_naming_the_facts() -> None:
    facts = shell_factory()
    text = scoring.reason(facts, scoring.score(facts)[1])
    assert text.startswith("Samenwerkingsverband van 4 personen en 8 bedrijven")
    assert "korter dan een jaar" in text and text.endswith(".")


def test_candidates_are_persons_running_companies_together_and_their_addresses() -> None:
    rows = [{"key": k, "kind": kind, "community": c, "component": 1} for k, kind, c in (
        ("bsn:1", "person", 1), ("bsn:2", "person", 1), ("kvk:1", "company", 1),
        ("kvk:3", "company", 1), ("adres:1", "address", 1), ("bsn:9", "person", 1),
        ("adres:9", "address", 1), ("bsn:3", "person", 2), ("bsn:4", "person", 2),
        ("adres:2", "address", 2), ("bsn:5", "person", 3), ("bsn:6", "person", 3),
        ("kvk:2", "company", 3))]
    ties = [{"source": s, "target": t, "kind": kind} for s, t, kind in (
        ("bsn:1", "kvk:1", "ROLE"), ("bsn:2", "kvk:1", "ROLE"), ("bsn:1", "kvk:3", "ROLE"),
        ("kvk:3", "bsn:2", "ROLE"), ("kvk:1", "adres:1", "ESTABLISHED"),
        # bsn:9 owns the address the company sits at, and its own home adres:9: context.
        ("bsn:9", "adres:1", "OWNS"), ("bsn:9", "adres:9", "OWNS"),
        ("bsn:3", "adres:2", "OWNS"), ("bsn:4", "adres:2", "OWNS"),
        # Two persons running one company together (a VOF) are no network.
        ("bsn:5", "kvk:2", "ROLE"), ("bsn:6", "kvk:2", "ROLE"))]
    found = candidates(rows, ties)
    assert [(c.persons, c.companies, c.addresses) for c in found] == [
        (["bsn:1", "bsn:2"], ["kvk:1", "kvk:3"], ["adres:1"])]


def _ring(name: str, persons: list[str], extra: int = 2) -> list[tuple[str, str]]:
    """Roles of a planted-style network: company j has members j and j+1."""
    m = len(persons)
    return [(persons[(j + d) % m], f"kvk:{name}{j}") for j in range(m + extra) for d in (0, 1)]


def test_boundary_splits_networks_at_a_shared_facilitator() -> None:
    roles = _ring("a", ["bsn:a1", "bsn:a2", "bsn:a3"]) + _ring("b", ["bsn:b1", "bsn:b2"])
    roles += [("bsn:hub", "kvk:a0"), ("bsn:hub", "kvk:b1"), ("bsn:hub", "kvk:office")]
    found = boundary.groups(roles)
    assert [g.persons for g in found] == [["bsn:a1", "bsn:a2", "bsn:a3"], ["bsn:b1", "bsn:b2"]]
    assert all(g.hubs == ["bsn:hub"] and "verbindingspersoon" in g.reasons[0] for g in found)


def test_boundary_leaves_a_partner_in_one_family_company_out() -> None:
    roles = _ring("a", ["bsn:a1", "bsn:a2", "bsn:a3", "bsn:a4"])
    roles += [("bsn:a1", "kvk:vof"), ("bsn:partner", "kvk:vof"), ("bsn:clerk", "kvk:a2")]
    [group] = boundary.groups(roles)
    assert group.persons == ["bsn:a1", "bsn:a2", "bsn:a3", "bsn:a4"]
    assert "kvk:vof" not in group.companies and group.context == ["bsn:clerk"]


def test_a_ring_network_has_no_hub() -> None:
    people = [f"bsn:{i}" for i in range(15)]
    [group] = boundary.groups(_ring("x", people))
    assert group.persons == sorted(people) and not group.hubs


def test_key_figures_are_the_brokers() -> None:
    central = {"bsn:1": {"betweenness": 0.0, "pageRank": 0.2},
               "bsn:2": {"betweenness": 5.0, "pageRank": 0.3},
               "bsn:3": {"betweenness": 1.0, "pageRank": 0.9}}
    assert key_figures(["bsn:1", "bsn:2", "bsn:3"], central) == ["bsn:2"]
    assert key_figures(["bsn:1", "bsn:3"], {}) == ["bsn:1"]


def test_two_companies_of_a_couple_are_no_structure() -> None:
    couple = scoring.Facts(persons=2, companies=2, addresses=2, shortLived=1, riskBranch=2,
                           rotating=2)
    assert sum(scoring.structure(couple).values()) == 0.0
    assert scoring.score(couple)[0] < scoring.SUSPECT


def test_officers_of_a_company_at_different_times_share_no_company() -> None:
    d = date
    roles = [("bsn:1", "kvk:1", d(2010, 1, 1), d(2012, 1, 1)),
             ("bsn:2", "kvk:1", d(2011, 6, 1), None),  # overlaps bsn:1
             ("bsn:3", "kvk:2", d(2015, 1, 1), d(2016, 1, 1)),
             ("bsn:4", "kvk:2", d(2018, 1, 1), None)]  # came after bsn:3 had left
    split = boundary.by_period(roles)
    assert sorted(split) == [("bsn:1", "kvk:1"), ("bsn:2", "kvk:1"), ("bsn:3", "kvk:2"),
                             ("bsn:4", "kvk:2#1")]
    assert boundary.company_key("kvk:2#1") == "kvk:2"


def test_boundary_on_periods_reports_real_company_keys() -> None:
    people = ["bsn:a", "bsn:b", "bsn:c"]
    roles = [(p, c, date(2024, 1, 1), None) for p, c in _ring("x", people)]
    roles += [("bsn:a", "kvk:old", date(2001, 1, 1), date(2002, 1, 1)),
              ("bsn:z", "kvk:old", date(2005, 1, 1), None)]
    [group] = boundary.groups(boundary.by_period(roles))
    assert group.persons == people and all("#" not in c for c in group.companies)
