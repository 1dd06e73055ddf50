"""Where a cooperation network ends: the persons its companies' roles tie together (issue 20).

Modularity (Leiden) on the whole person-company-address graph joins neighbouring networks
through whatever they share: a business centre where both have a company, an accountant who
signs for both, a landlord. A case preparer needs the persons who run the companies together,
so the boundary is drawn on the roles alone:

1. Two persons are tied when both hold a role in the same company at the same time (a director
   who left years before the next one came is no tie: `by_period`); a tie counts the companies.
2. A member needs roles in at least MIN_SHARED companies that another member also runs: someone
   who signs for one company (a partner in the family business, a nominee, a bookkeeper) is
   context, not a member. This is peeled until every member qualifies.
3. A person whose removal splits the group into two parts of at least two members each is a
   hub (a facilitator shared by networks): the parts are separate networks, the hub is context
   of each of them, and the reason says so.

Each group of two or more members is a network with the companies at least two of its members
run; addresses and owners come with it as context (see `step`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

MIN_SHARED = 2  # companies a member must run together with another member
STRETCH = "#"  # separates a company key from the number of its stretch in time (see by_period)
MIN_PART = 2  # members each side of a hub must keep for the hub to split a network


@dataclass
class Group:
    """Persons tied by running companies together, the companies, and why the border is here."""

    persons: list[str]
    companies: list[str]
    hubs: list[str] = field(default_factory=list)  # persons who tie this group to another
    context: list[str] = field(default_factory=list)  # officers with one shared company
    reasons: list[str] = field(default_factory=list)


def by_period(roles: Iterable[tuple[str, str, date | None, date | None]]
              ) -> list[tuple[str, str]]:
    """(person, company) roles, a company split into one part per stretch of time in which its
    roles overlap (`kvk:1#1` for the second stretch): officers of different stretches share no
    company. A role without a start began at any time, one without an end still lasts."""
    by_company: dict[str, list[tuple[date, date, str]]] = defaultdict(list)
    for person, company, start, end in roles:
        by_company[company].append((start or date.min, end or date.max, person))
    out = []
    for company, periods in by_company.items():
        stretch, until = 0, date.min
        for start, end, person in sorted(periods):
            if start > until and until != date.min:
                stretch += 1  # this role began after every earlier one had ended
            until = max(until, end)
            out.append((person, company if stretch == 0 else f"{company}{STRETCH}{stretch}"))
    return out


def company_key(part: str) -> str:
    """The company a stretch of `by_period` belongs to."""
    return part.split(STRETCH, 1)[0]


def _officers(roles: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    by_company: dict[str, set[str]] = defaultdict(set)
    for person, company in roles:
        by_company[company].add(person)
    return by_company


def _shared(persons: set[str], officers: dict[str, set[str]]) -> dict[str, set[str]]:
    """Per person of `persons`, the companies they run with at least one other of `persons`."""
    out: dict[str, set[str]] = defaultdict(set)
    for company, people in officers.items():
        inside = people & persons
        if len(inside) >= 2:
            for p in inside:
                out[p].add(company)
    return out


def _peel(persons: set[str], officers: dict[str, set[str]]) -> tuple[set[str], set[str]]:
    """Drop persons with fewer than MIN_SHARED shared companies until none is left to drop."""
    kept, dropped = set(persons), set[str]()
    while True:
        shared = _shared(kept, officers)
        weak = {p for p in kept if len(shared.get(p, ())) < MIN_SHARED}
        if not weak:
            return kept, dropped
        kept -= weak
        dropped |= weak


def _parts(persons: set[str], officers: dict[str, set[str]]) -> list[set[str]]:
    """Connected parts of `persons`, tied by a company two of them run."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for people in officers.values():
        inside = people & persons
        for p in inside:
            neighbours[p] |= inside - {p}
    seen: set[str] = set()
    parts = []
    for start in sorted(persons):
        if start in seen:
            continue
        part, todo = set(), [start]
        while todo:
            p = todo.pop()
            if p in part:
                continue
            part.add(p)
            todo.extend(neighbours[p] - part)
        seen |= part
        parts.append(part)
    return parts


def _hub(part: set[str], officers: dict[str, set[str]]) -> tuple[str, list[set[str]]] | None:
    """The first person (by key) whose removal splits `part` into two or more pieces of at
    least MIN_PART members after peeling, with those pieces."""
    for p in sorted(part):
        rest, _ = _peel(part - {p}, officers)
        pieces = [x for x in _parts(rest, officers) if len(x) >= MIN_PART]
        if len(pieces) >= 2:
            return p, pieces
    return None


def groups(roles: Iterable[tuple[str, str]]) -> list[Group]:
    """Networks from (person, company) roles, each with its members, companies and reasons."""
    officers = _officers(roles)
    persons = {p for people in officers.values() for p in people}
    kept, weak = _peel(persons, officers)
    Pending = tuple[set[str], list[str], list[str]]  # persons, hubs cut away, reasons
    todo: list[Pending] = [(part, [], []) for part in _parts(kept, officers)]
    done: list[Pending] = []
    while todo:
        part, hubs, reasons = todo.pop()
        if len(part) < MIN_PART:
            continue
        found = _hub(part, officers)
        if found is None:
            done.append((part, hubs, reasons))
            continue
        hub, pieces = found
        why = (f"{hub} is gescheiden als verbindingspersoon: zonder deze persoon vallen "
               f"{len(pieces)} groepen van {', '.join(str(len(x)) for x in pieces)} personen "
               "uiteen die geen bedrijf samen hebben")
        todo += [(piece, [*hubs, hub], [*reasons, why]) for piece in pieces]
    out = []
    for part, hubs, reasons in done:
        shared = [c for c, people in officers.items() if len(people & part) >= 2]
        companies = sorted({company_key(c) for c in shared})
        context = sorted(p for c in shared for p in officers[c] - part if p in weak)
        out.append(Group(sorted(part), companies, sorted(set(hubs)), sorted(set(context)),
                         reasons))
    return sorted(out, key=lambda g: g.persons[0])
