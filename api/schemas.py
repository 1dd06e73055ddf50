"""Response and request models of the API (the OpenAPI schema is generated from these)."""

from __future__ import annotations

from datetime import date as date_type
from typing import Any

from pydantic import BaseModel, Field


class Source(BaseModel):
    """Where a fact came from: the file, its load, the partner that supplied it and its tier."""

    file: str
    loadId: str | None = None
    record: int | None = None
    loadedAt: Any = None
    rowKey: str | None = None
    partner: str | None = None
    tier: str | None = None


class Node(BaseModel):
    id: str = Field(description="Public key: adres:…, bsn:…/person:… (or pseudo:…), kvk:…, pand:…")
    kind: str
    label: str
    properties: dict[str, Any]
    source: Source | None = None
    distance: int | None = None
    score: float | None = None


class Relationship(BaseModel):
    id: str
    type: str
    start: str
    end: str
    properties: dict[str, Any]
    source: Source | None = None


class Link(BaseModel):
    type: str
    direction: str
    relationship: Relationship
    node: Node


class Event(BaseModel):
    date: str
    end: str | None = None
    what: str
    node: Node | None = None
    source: Source | None = None


class Flag(BaseModel):
    key: str | None = None
    name: str | None = None
    strength: float | None = None
    reason: str | None = None
    evidence: str | None = None
    runId: str | None = None


class SourceRef(BaseModel):
    file: str
    loadId: str | None = None
    partner: str | None = None
    tier: str | None = None
    loadedAt: Any = None


class Drawing(BaseModel):
    """Nodes and relationships for a network drawing."""

    nodes: list[Node]
    relationships: list[Relationship]


class Disclosure(BaseModel):
    withheld: int = Field(0, description="Facts left out: their source's partner or tier is not "
                                         "open to this user")
    pseudonymised: bool = Field(False, description="Persons shown as pseudo:… keys, without BSN, "
                                                   "name or birth date")


class EntityView(Disclosure):
    entity: Node
    records: list[Node] = Field(description="Other source records of the same canonical person")
    links: list[Link]
    linkCounts: dict[str, int]
    offset: int
    limit: int
    timeline: list[Event]
    flags: list[Flag]
    sources: list[SourceRef]
    purpose: str


class NeighbourhoodView(Disclosure):
    center: str
    depth: int
    offset: int
    limit: int
    hasMore: bool
    purpose: str
    graph: Drawing


class PathView(Disclosure):
    source: str
    target: str
    length: int | None = Field(description="Hops of the shortest path; null when none within "
                                           "max_length")
    purpose: str
    graph: Drawing


class SearchView(Disclosure):
    query: str
    personsSearched: bool
    purpose: str
    hits: list[Node]


class Reidentified(BaseModel):
    pseudonym: str
    key: str


class ParamInfo(BaseModel):
    name: str
    type: str
    default: Any = None
    required: bool = False
    description: str = ""


class InvestigationInfo(BaseModel):
    name: str
    title: str
    description: str
    roles: list[str]
    persons: bool
    limit: int
    timeout: float
    owner: str | None = None
    visibility: str
    params: list[ParamInfo]
    cypher: str


class RunRequest(BaseModel):
    params: dict[str, Any] = Field(default_factory=dict)
    limit: int | None = Field(None, ge=1, le=10_000)


class RunResult(Disclosure):
    investigation: str
    title: str
    purpose: str | None = None
    params: dict[str, Any]
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool
    graph: Drawing


class ParamSpec(BaseModel):
    name: str = Field(pattern=r"^[A-Za-z_]\w{0,40}$")
    type: str = "string"
    default: Any = None
    description: str = ""


class SaveRequest(BaseModel):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]{2,60}$")
    title: str = Field("", max_length=200)
    description: str = Field("", max_length=2000)
    cypher: str = Field(min_length=1, max_length=20_000)
    params: list[ParamSpec] = Field(default_factory=list)
    roles: list[str] | None = None
    visibility: str = Field("private", pattern="^(private|team|all)$")


class Me(BaseModel):
    name: str
    role: str
    team: str | None = None
    partner: str | None = None
    purpose: str | None = None
    identities: bool
    may: list[str]


class AuditRow(BaseModel):
    seq: int
    at: Any
    user: str | None = None
    role: str | None = None
    purpose: str | None = None
    action: str | None = None
    target: str | None = None
    identities: bool | None = None
    params: dict[str, Any] | None = None
    subjects: list[str] | None = None
    hash: str


# Collaboration: watch lists, notifications, notes, outcomes, match review.
class EntityRef(BaseModel):
    id: str = Field(description="adres:…, bsn:…/person:… (or pseudo:…), kvk:…, netwerk:…")
    kind: str
    label: str


class WatchEntry(EntityRef):
    since: Any = None
    by: str | None = None


class WatchListOut(BaseModel):
    id: str
    name: str
    owner: str
    team: str | None = Field(None, description="Set for a team list (seen by the team only)")
    createdAt: Any = None
    entries: list[WatchEntry]


class WatchListCreate(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    team: bool = Field(False, description="A list of the user's team instead of their own")


class EntryRequest(BaseModel):
    key: str = Field(max_length=80, description="adres:…, bsn:…, person:…, pseudo:…, kvk:…, "
                                                "netwerk:…")


class WatchAdded(BaseModel):
    listId: str
    entity: EntityRef
    added: bool = Field(description="False when the entity was on the list already")
    alsoWatchedBy: list[str] = Field(description="Other teams watching it; both sides were "
                                                 "notified (deconfliction)")


class Watchers(BaseModel):
    entity: EntityRef
    teams: list[str]
    otherTeams: list[str]
    watching: bool
    lists: list[str] = Field(description="The user's lists holding it")


class Recipient(BaseModel):
    user: str | None = None
    team: str | None = None


class NotificationOut(BaseModel):
    id: str
    kind: str = Field(description="deconfliction, signal, case, permit or score")
    message: str
    to: Recipient
    about: EntityRef | None = None
    fact: str | None = Field(None, description="The new fact, e.g. signal:M4")
    createdAt: Any = None
    read: bool
    source: Source | None = None


class Inbox(Disclosure):
    notifications: list[NotificationOut]
    unread: int


class NoteOut(BaseModel):
    id: str
    kind: str = "Note"
    text: str | None = Field(None, description="As typed; plain text, never HTML (absent for "
                                               "pseudonymised readers)")
    author: str | None = None
    team: str | None = None
    createdAt: Any = None


class NoteRequest(BaseModel):
    text: str = Field(description="Plain text, at most 4000 characters")


class NoteCreated(Disclosure):
    entity: EntityRef
    note: NoteOut


class Notes(Disclosure):
    entity: EntityRef
    notes: list[NoteOut]


class CaseRef(BaseModel):
    id: str
    kind: str = "Case"
    caseType: str | None = None
    status: str | None = None
    result: str | None = Field(None, description="As zaken.csv says (never changed by the app)")
    date: Any = None
    source: Source | None = None


class OutcomeOut(BaseModel):
    id: str
    kind: str = "Outcome"
    result: str
    date: Any
    text: str | None = None
    author: str | None = None
    team: str | None = None
    recordedAt: Any = None
    case: CaseRef | None = None


class OutcomeRequest(BaseModel):
    key: str = Field(max_length=80, description="The address, person or company inspected")
    result: str = Field(description="overtreding, geen overtreding or onbekend")
    date: date_type = Field(description="When the inspection took place")
    text: str = Field("", description="What was found, at most 4000 characters")
    caseId: str | None = Field(None, max_length=80, description="The case (zaak_id) it belongs to")


class OutcomeCreated(Disclosure):
    entity: EntityRef
    outcome: OutcomeOut


class Outcomes(Disclosure):
    entity: EntityRef
    outcomes: list[OutcomeOut]


class PanelList(BaseModel):
    id: str
    name: str
    team: str | None = None
    contains: bool


class PanelWatchers(BaseModel):
    teams: list[str]
    otherTeams: list[str]


class Panel(Disclosure):
    entity: EntityRef
    notes: list[NoteOut]
    watchers: PanelWatchers
    watching: bool
    lists: list[PanelList]
    outcomes: list[OutcomeOut]
    results: list[str]
    textMax: int


class MatchPair(BaseModel):
    left: Node
    right: Node
    score: float | None = None
    judgement: str | None = None
    by: str | None = None
    at: Any = None
    reasons: list[str]


class MatchPairs(Disclosure):
    pairs: list[MatchPair]


class JudgeRequest(BaseModel):
    left: str = Field(max_length=80, description="bsn:…, person:… or pseudo:…")
    right: str = Field(max_length=80)
    decision: str = Field(pattern="^(confirm|reject)$", description="confirm: one person; "
                                                                    "reject: two persons")


class Canonical(BaseModel):
    person: str
    canonical: str


class Judged(Disclosure):
    left: str
    right: str
    judgement: str | None = None
    canonical: list[Canonical]


class Membership(BaseModel):
    kind: str | None = Field(None, description="person, company or address")
    keyFigure: bool | None = None
    betweenness: float | None = None
    pageRank: float | None = None


class MemberNode(Node):
    member: Membership | None = None


class NetworkDrawing(BaseModel):
    """A network's members and the typed, dated relationships between them."""

    nodes: list[MemberNode]
    relationships: list[Relationship]


class NetworkGraphView(Disclosure):
    network: str
    runId: str | None = None
    purpose: str
    graph: NetworkDrawing
