"""How many of each planted pattern and decoy, and the people and places that cross files.

The single-address patterns are placed by the town and peopled by `people`; this module picks
who and where for the patterns that span files (landlords, hidden residents, officer networks),
so that every later writer adds its rows for the same people and addresses.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any

from .ids import CompanyNumbers
from .people import Population
from .town import BIJEENKOMST, INDUSTRIE, WINKEL, WOON_WINKEL, Town
from .truth import GroundTruth

# From this size on a town gets one cooperation network per 1,500 persons in varied shapes (2-15
# members, facilitators shared between networks, shared business addresses, family businesses
# beside a network) and the harder free-text address forms; smaller towns (tests, the demo) keep
# the two or three chain-shaped networks they always had, so their files stay as they were.
VARIED_FROM = 20_000
NETWORK_SIZES = (2, 3, 4, 5, 6, 7, 8, 10, 12, 15)
NETWORK_SIZE_WEIGHTS = (8, 16, 18, 16, 12, 8, 8, 6, 4, 4)


@dataclass(frozen=True)
class Quotas:
    """Instances of each pattern and decoy: a few at 1k persons, then proportional to size."""

    overcrowded: int
    room_rental: int
    letterbox: int
    networks: int
    cannabis: int
    hidden: int
    name_variants: int
    landlords: int
    student: int
    business_centre: int
    large_family: int
    hairdresser: int
    varied: bool = False  # many networks of varied shapes (large towns), see `_varied_networks`

    @classmethod
    def for_persons(cls, persons: int) -> Quotas:
        """Scale the quotas: one instance per `per` persons, but never below `least`."""

        def q(per: int, least: int) -> int:
            """One per `per` persons, at least `least`."""
            return max(least, round(persons / per))

        # One overcrowded, room-rental and cannabis dwelling per 800 persons and a letterbox per
        # 1,500: at 10k persons that leaves 30+ suspect addresses no case has labelled yet for
        # detection to be measured on, while the ordinary town stays the large majority.
        room = q(800, 3)
        varied = persons >= VARIED_FROM
        return cls(overcrowded=q(800, 3), room_rental=room, letterbox=q(1500, 3),
                   networks=q(1500, 2) if varied else q(5000, 2), cannabis=q(800, 3),
                   hidden=q(500, 5),
                   name_variants=q(250, 8), landlords=max(2, math.ceil(room / 2)),
                   student=q(3000, 2), business_centre=q(5000, 2), large_family=q(2000, 3),
                   hairdresser=q(10_000, 2), varied=varied)

    def specials(self) -> list[str]:
        """One role per object the town must build for a pattern or decoy."""
        return (["overcrowded"] * self.overcrowded + ["room_rental"] * self.room_rental
                + ["letterbox"] * self.letterbox + ["cannabis"] * self.cannabis
                + ["large_family"] * self.large_family + ["student"] * self.student
                + ["business_centre"] * self.business_centre + ["hairdresser"] * self.hairdresser)

    def special_persons(self) -> int:
        """Expected persons in planted groups, to size the ordinary housing stock."""
        return round(self.overcrowded * 17 + self.room_rental * 7.5 + self.student * 14
                     + self.large_family * 9 + self.letterbox * 0.4 + self.cannabis * 0.9
                     + self.hidden_outside())

    def hidden_outside(self) -> int:
        """Hidden residents who are registered outside the town (the rest live elsewhere in it)."""
        return max(1, round(self.hidden * 0.3))


@dataclass
class Landlord:
    """An owner of several dwellings, some rented out per room without a permit."""

    owner: str  # "bsn:..." or "kvk:..."
    person: int  # the natural person: the owner, or the BV's director
    kvk: str
    addresses: list[int]
    item: dict[str, Any]


@dataclass
class Hidden:
    """A person living at `address` without being registered there."""

    person: int
    address: int
    kinds: list[str]  # evidence to plant: signal, officer, owner
    item: dict[str, Any]


@dataclass
class Network:
    """A small group of officers of many short-lived risk-branch companies."""

    members: list[int]
    addresses: list[int]
    companies: int
    item: dict[str, Any]
    # Persons who are no member but hold one role in one of its companies (an accountant, a
    # nominee shared between networks), and members who also run a family business at home.
    facilitators: list[int] = field(default_factory=list)
    family: list[tuple[int, int]] = field(default_factory=list)  # (member, partner)


@dataclass
class Plan:
    """Cross-file choices shared by the company, ownership, signal and case writers."""

    landlords: list[Landlord] = field(default_factory=list)
    hidden: list[Hidden] = field(default_factory=list)
    networks: list[Network] = field(default_factory=list)
    owner: dict[int, str] = field(default_factory=dict)  # BRK owner forced per address
    reserved: set[int] = field(default_factory=set)  # kept out of random picks


def plan_patterns(rng: random.Random, town: Town, pop: Population, quotas: Quotas,
                  numbers: CompanyNumbers, truth: GroundTruth, today: int) -> Plan:
    """Choose the landlords, hidden residents and officer networks and record them as truth."""
    plan = Plan(reserved=set(town.role))
    homes = town.ordinary_homes()
    _landlords(rng, town, pop, quotas, numbers, truth, today, plan, homes)
    _hidden(rng, town, pop, quotas, truth, today, plan, homes)
    if quotas.varied:
        _varied_networks(rng, town, pop, quotas, truth, today, plan)
    else:
        _networks(rng, town, pop, quotas, truth, today, plan)
    return plan


def _free_home(rng: random.Random, homes: list[int], plan: Plan, occupied: bool,
               pop: Population) -> int:
    """A random ordinary dwelling not yet used by a pattern."""
    for _ in range(1000):
        a = homes[rng.randrange(len(homes))]
        if a not in plan.reserved and a not in plan.owner and (pop.residents[a] or not occupied):
            return a
    raise RuntimeError("town too small for the planted patterns")


def _landlords(rng: random.Random, town: Town, pop: Population, quotas: Quotas,
               numbers: CompanyNumbers, truth: GroundTruth, today: int, plan: Plan,
               homes: list[int]) -> None:
    """Give every room-rental dwelling a landlord who owns 3-10 dwellings in all."""
    rooms = list(town.special["room_rental"])
    rng.shuffle(rooms)
    count = min(quotas.landlords, len(rooms))
    for k in range(count):
        person = pop.random_adult(rng, today, 35, 70)
        pop.special[person] = 1
        kvk = numbers.kvk() if rng.random() < 0.4 else ""
        owner = f"kvk:{kvk}" if kvk else f"bsn:{pop.bsn_text(person)}"
        own_rooms = rooms[k::count]
        addresses = own_rooms + [
            _free_home(rng, homes, plan, False, pop)
            # At most 9, so that a share in the landlord's own home keeps the total at most 10.
            for _ in range(rng.randint(max(3, len(own_rooms) + 1), 9) - len(own_rooms))
        ]
        for a in addresses:
            plan.owner[a] = owner
            plan.reserved.add(a)
        for a in own_rooms:
            pop.items[a]["owner"] = owner
        item = {"owner": owner, "addresses": [town.key(a) for a in addresses],
                "room_rental_addresses": [town.key(a) for a in own_rooms]}
        if kvk:
            item["director_bsn"] = pop.bsn_text(person)
        truth.pattern("multi_owner", item)
        plan.landlords.append(Landlord(owner, person, kvk, addresses, item))


def _hidden(rng: random.Random, town: Town, pop: Population, quotas: Quotas,
            truth: GroundTruth, today: int, plan: Plan, homes: list[int]) -> None:
    """Pair persons registered elsewhere with the address where they really live."""
    crowded = town.special["overcrowded"] + town.special["room_rental"]
    persons = list(pop.hidden_outside)
    while len(persons) < quotas.hidden:
        p = pop.random_adult(rng, today, 25, 60)
        pop.special[p] = 1
        persons.append(p)
    for p in persons:
        if crowded and rng.random() < 0.25:
            a, regular = crowded[rng.randrange(len(crowded))], False
        else:
            a, regular = _free_home(rng, homes, plan, True, pop), True
        if a in (pop.home[p], pop.prev[p]):
            a, regular = _free_home(rng, homes, plan, True, pop), True
        kinds = [kind for kind, share in (("signal", 0.75), ("officer", 0.35), ("owner", 0.25))
                 if rng.random() < share and (kind != "owner" or regular)]
        kinds = kinds or ["signal"]
        if "owner" in kinds:
            plan.owner[a] = f"bsn:{pop.bsn_text(p)}"
        plan.reserved.add(a)
        registered = town.key(pop.home[p]) if pop.home[p] >= 0 else pop.hidden_outside[p]
        item = truth.pattern("hidden_residents", {
            "bsn": pop.bsn_text(p), "address": town.key(a), "registered_at": registered,
            "evidence": [],
        })
        plan.hidden.append(Hidden(p, a, kinds, item))


def _networks(rng: random.Random, town: Town, pop: Population, quotas: Quotas,
              truth: GroundTruth, today: int, plan: Plan) -> None:
    """Pick members and shared addresses of each officer network."""
    shops = [a for a in town.with_use(WINKEL, BIJEENKOMST, INDUSTRIE, WOON_WINKEL)
             if a not in plan.reserved]
    for _ in range(quotas.networks):
        members: list[int] = []
        size = rng.randint(3, 6)
        while len(members) < size:
            p = pop.random_adult(rng, today, 22, 60)
            pop.special[p] = 1
            members.append(p)
        addresses = [shops[rng.randrange(len(shops))] for _ in range(rng.randint(2, 3))]
        if rng.random() < 0.5:  # a member's home doubles as a company address
            addresses.append(pop.home[members[0]])
        addresses = list(dict.fromkeys(addresses))
        plan.reserved.update(addresses)
        item = truth.pattern("officer_networks", {
            "bsns": [pop.bsn_text(p) for p in members], "kvks": [],
            "addresses": [town.key(a) for a in addresses],
        })
        companies = rng.randint(max(5, size + 2), 12)
        plan.networks.append(Network(members, addresses, companies, item))


def _varied_networks(rng: random.Random, town: Town, pop: Population, quotas: Quotas,
                     truth: GroundTruth, today: int, plan: Plan) -> None:
    """Networks of 2-15 members in the shapes a large town shows, each shape in the truth:

    - `shared_address`: one company address is also used by the previous network;
    - `business_centre`: one company sits in a business centre among its ordinary tenants;
    - `member_home`: a member's home doubles as a company address;
    - `family`: a member also runs an ordinary long-standing company with their partner;
    - `facilitator`: a person outside the network (a bookkeeper or nominee director) holds one
      role in one company of each of two or three networks (a decoy: not a member).
    """
    shops = [a for a in town.with_use(WINKEL, BIJEENKOMST, INDUSTRIE, WOON_WINKEL)
             if a not in plan.reserved]
    centres = town.special["business_centre"]
    for n in range(quotas.networks):
        size = rng.choices(NETWORK_SIZES, NETWORK_SIZE_WEIGHTS)[0]
        members: list[int] = []
        while len(members) < size:
            p = pop.random_adult(rng, today, 22, 60)
            pop.special[p] = 1
            members.append(p)
        shape: list[str] = []
        addresses = [shops[rng.randrange(len(shops))]
                     for _ in range(rng.randint(2, 3 + size // 4))]
        if plan.networks and rng.random() < 0.2:
            addresses[0] = plan.networks[-1].addresses[-1]
            shape.append("shared_address")
        if centres and rng.random() < 0.2:
            addresses.append(centres[rng.randrange(len(centres))])
            shape.append("business_centre")
        if rng.random() < 0.4 and pop.home[members[0]] >= 0:
            addresses.append(pop.home[members[0]])
            shape.append("member_home")
        addresses = list(dict.fromkeys(addresses))
        plan.reserved.update(addresses)
        net = Network(members, addresses, rng.randint(max(4, size + 2), max(8, 2 * size)), {})
        if rng.random() < 0.3:
            net.family = [(m, partner_of(pop, m)) for m in members[:2] if partner_of(pop, m) >= 0]
            for _, partner in net.family:
                pop.special[partner] = 1  # stays out of later random picks
            if net.family:
                shape.append("family")
        net.item = truth.pattern("officer_networks", {
            "bsns": [pop.bsn_text(p) for p in members], "kvks": [],
            "addresses": [town.key(a) for a in addresses], "shape": shape,
        })
        plan.networks.append(net)
    nets = plan.networks
    for _ in range(len(nets) // 6 if len(nets) >= 4 else 0):
        helper = pop.random_adult(rng, today, 35, 65)
        pop.special[helper] = 1
        served = rng.sample(range(len(nets)), rng.randint(2, 3))
        for k in served:
            nets[k].facilitators.append(helper)
            nets[k].item["shape"].append("facilitator")
        truth.decoy("facilitator", {"bsn": pop.bsn_text(helper), "networks": served})


def partner_of(pop: Population, p: int) -> int:
    """The partner p lives with (the other adult of a couple) if not in a planted group, or -1."""
    home = pop.home[p]
    if home < 0 or not pop.couple[home] or p not in (pop.first[home], pop.first[home] + 1):
        return -1
    partner = pop.first[home] + 1 if pop.first[home] == p else pop.first[home]
    return -1 if pop.special[partner] else partner
