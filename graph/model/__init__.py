"""The graph model, declared once: labels, their key and indexed properties, and relationships.

These neomodel classes are declarations (the schema, for `speurnet db init` and for readers);
loading goes through batched Cypher in `cypher/load/`, never through per-object `.save()`.
Every node and relationship also carries provenance: `source` (file name), `loadId`, `rowKey`
and `loadedAt`, set by the load that created it or last changed one of its values.

The classes are split by section (`base`, `sources`, `analysis`, `application`); this package
re-exports every name, so `from graph import model` and `from graph.model import X` hold.
"""

from __future__ import annotations

from dataclasses import dataclass

from neomodel import StructuredNode

from graph.model.analysis import (
    AnalysisRun,
    Flag,
    MatchRun,
    Membership,
    Network,
    PredictedLink,
)
from graph.model.application import (
    Alert,
    ApiToken,
    AuditEntry,
    AuditHead,
    CaseEvent,
    CaseFile,
    Note,
    Notification,
    Outcome,
    SavedInvestigation,
    Schedule,
    Team,
    User,
    Watch,
    WatchList,
)
from graph.model.base import P, Provenance, Scored, identifying, quotes_sources, supplied_by
from graph.model.sources import (
    Address,
    AddressMatch,
    Building,
    Case,
    Company,
    Establishment,
    Link,
    List,
    ListMember,
    Load,
    Neighbourhood,
    NeighbourhoodFigure,
    Ownership,
    Period,
    Permit,
    Person,
    Registration,
    Role,
    SameAs,
    Signal,
    UtilityUse,
)

__all__ = [
    "APPLICATION_LABELS", "APPLICATION_TYPES", "FULLTEXT", "LABELS", "NODE_CLASSES", "PUBLIC_IDS",
    "SUPPLIED_BY", "TRANSIENT", "USER_LABELS", "Address", "AddressMatch", "Alert", "AnalysisRun",
    "ApiToken", "AuditEntry", "AuditHead", "Building", "Case", "CaseEvent", "CaseFile", "Company",
    "Establishment", "Flag", "Link", "List", "ListMember", "Load", "MatchRun", "Membership",
    "Neighbourhood", "NeighbourhoodFigure", "Network", "Note", "Notification", "Outcome",
    "Ownership", "P", "Period", "Permit", "Person", "PredictedLink", "Provenance", "PublicId",
    "Registration", "Role", "SameAs", "SavedInvestigation", "Schedule", "Scored", "Signal", "Team",
    "User", "UtilityUse", "Watch", "WatchList", "identifying", "quotes_sources", "supplied_by",
]

NODE_CLASSES: tuple[type[StructuredNode], ...] = (
    Neighbourhood, Building, Address, Company, Person, Permit, Signal, Case, UtilityUse,
    NeighbourhoodFigure, List, Load, MatchRun, AnalysisRun, Flag, Network,
    Team, User, ApiToken, AuditEntry, AuditHead, SavedInvestigation,
    Note, WatchList, Notification, Outcome, Schedule, Alert, CaseFile, CaseEvent,
)
LABELS: tuple[str, ...] = tuple(cls.__name__ for cls in NODE_CLASSES)
# What users created, never re-loadable from sources: `speurnet backup` keeps these nodes, plus
# analysts' SAME_AS judgements (method 'analyst').
USER_LABELS: tuple[str, ...] = ("Team", "User", "ApiToken", "AuditEntry", "AuditHead",
                                "SavedInvestigation", "Note", "WatchList", "Notification",
                                "Outcome", "Schedule", "Alert", "CaseFile", "CaseEvent")

@dataclass(frozen=True)
class PublicId:
    """How the API and pages name a node: `<prefix>:<value of prop>`, never Neo4j's own id."""

    prefixes: tuple[str, ...]  # the first is the one shown; the others are accepted too
    prop: str
    # The value carries its prefix already (the data contract's keys: `adres:`, `bsn:`, `kvk:`).
    in_value: bool = False
    page: bool = True  # has an entity page (looked up by its id)


# Label -> its public id, in the order of preference when a node has several labels.
PUBLIC_IDS: dict[str, PublicId] = {
    "Person": PublicId(("bsn", "person"), "key", in_value=True),
    "Address": PublicId(("adres",), "key", in_value=True),
    "Company": PublicId(("kvk",), "key", in_value=True),
    "Network": PublicId(("netwerk",), "networkId"),
    "Building": PublicId(("pand",), "pandId"),
    "Neighbourhood": PublicId(("buurt",), "buurtcode"),
    "Permit": PublicId(("vergunning",), "permitId"),
    "Signal": PublicId(("melding",), "signalId"),
    "Case": PublicId(("zaak",), "caseId"),
    "UtilityUse": PublicId(("verbruik",), "key", page=False),
    "NeighbourhoodFigure": PublicId(("cijfer",), "key", page=False),
    "Flag": PublicId(("flag",), "key", page=False),
}

# Markers a statement sets and removes within one operation, on any label, never kept: the
# audit head's lock (access/audit_append_many) and what a retention purge marks (access/purge_*).
TRANSIENT: tuple[str, ...] = ("_lock", "_purge")

# Full-text indexes for search boxes: name -> (label, properties).
FULLTEXT: dict[str, tuple[str, tuple[str, ...]]] = {
    "personNames": ("Person", ("fullName",)),
    "companyNames": ("Company", ("name",)),
    "addressLabels": ("Address", ("label", "street", "city", "postcode")),
}

# Application records and run bookkeeping: never readable by analyst Cypher, never shown as a
# fact. (USER_LABELS are also what `speurnet backup` keeps.)
APPLICATION_LABELS: tuple[str, ...] = (*USER_LABELS, "Load", "MatchRun", "AnalysisRun")
APPLICATION_TYPES: tuple[str, ...] = ("IN_TEAM", "ON", "WATCHES", "OUTCOME_FOR", "RECORDS",
                                      "ALERT_OF", "HIT", "INVOLVES", "FROM_ALERT", "EVENT_OF")
# Labels and relationship types every fact of which comes from one source file of the data
# contract (by stem): a user who may not see that source may not ask for them either. Person,
# Address and Company nodes are stated by many sources and are withheld per node instead.
SUPPLIED_BY: dict[str, tuple[str, ...]] = {
    "Permit": ("vergunningen",), "Signal": ("meldingen",), "Case": ("zaken",),
    "UtilityUse": ("verbruik",), "NeighbourhoodFigure": ("buurt_cijfers",),
    "REGISTERED_AT": ("brp_inschrijvingen",), "ESTABLISHED_AT": ("kvk_vestigingen",),
    "OFFICER_OF": ("kvk_functionarissen",), "OWNS": ("brk_eigendom",),
    "CONCERNS": ("zaken",), "HELD_BY": ("vergunningen",),
    "FOR_ADDRESS": ("vergunningen", "verbruik"), "FOR_NEIGHBOURHOOD": ("buurt_cijfers",),
}
