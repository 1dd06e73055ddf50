"""Response and request models of the API (the OpenAPI schema is generated from these)."""

from __future__ import annotations

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
