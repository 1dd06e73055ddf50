"""The graph model, declared once: labels, their key and indexed properties, and relationships.

These neomodel classes are declarations (the schema, for `speurnet db init` and for readers);
loading goes through batched Cypher in `cypher/load/`, never through per-object `.save()`.
Every node and relationship also carries provenance: `source` (file name), `loadId`, `rowKey`
and `loadedAt`, set by the load that created it or last changed one of its values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from neomodel import (
    ArrayProperty,
    BooleanProperty,
    DateProperty,
    DateTimeProperty,
    FloatProperty,
    IntegerProperty,
    RelationshipTo,
    StringProperty,
    StructuredNode,
    StructuredRel,
)
from neomodel.properties import Property

P = TypeVar("P", bound=Property)


def identifying(prop: P, pseudonym: bool = False) -> P:
    """Mark a property as naming a person (BSN, names, birth date, free text about someone).

    A role without identities never sees it: masking drops it from every view, and analyst
    Cypher that mentions it anywhere is refused. `pseudonym=True` marks a person key (`bsn:…`):
    shown as `pseudo:…` instead of dropped, and usable in Cypher only against a key parameter.
    """
    prop.identifying = True  # type: ignore[attr-defined]
    prop.pseudonym = pseudonym  # type: ignore[attr-defined]
    return prop


def supplied_by(prop: P, *sources: str) -> P:
    """Mark a property that another source adds to a node (BRK's WOZ value on a BAG address):
    it is seen by whoever may see that source, not the node's own."""
    prop.sources = sources  # type: ignore[attr-defined]
    return prop


class Provenance:
    """Where a node or relationship came from (mixed into every class)."""

    source = StringProperty()  # file name as loaded, e.g. brp_inschrijvingen.csv
    loadId = StringProperty(index=True)
    rowKey = identifying(StringProperty())  # the row's key in its file: a BRP row's holds a BSN
    record = IntegerProperty()  # 1-based data record number in that file
    loadedAt = DateTimeProperty()


class Scored:
    """What scoring (cypher/scoring/apply) writes on an address, person or company."""

    score = FloatProperty()  # noisy-OR of the run's flags: 0..1, an explanation, not a verdict
    flags = ArrayProperty(StringProperty())  # the flag names, by contribution
    scoreRunId = StringProperty()  # the analysis run that computed the score
    confirmed = BooleanProperty()  # a case or an app outcome already found a violation
    openCase = BooleanProperty()  # a case concerning it is under way


class Period(StructuredRel, Provenance):  # type: ignore[misc]
    start = DateProperty()
    end = DateProperty()


class Registration(Period):
    kind = StringProperty(choices={"W": "woonadres", "B": "briefadres"})


class Establishment(Period):
    establishmentNumber = StringProperty()
    matchMethod = StringProperty()  # key (KvK gave the BAG key), exact or fuzzy (matching)
    matchScore = FloatProperty()  # set when matching chose a BAG address for a free-text one


class Role(Period):
    role = StringProperty()
    records = ArrayProperty(IntegerProperty())  # every record stating this role (duplicates)


class Ownership(Period):
    share = StringProperty()
    shareFraction = FloatProperty()


class Link(StructuredRel, Provenance):  # type: ignore[misc]
    matchMethod = StringProperty()  # key, exact, fuzzy (entity resolution) or analyst
    matchScore = FloatProperty()  # set when entity resolution made the link


class SameAs(StructuredRel, Provenance):  # type: ignore[misc]
    """A judgement that two person records are one person (entity resolution, never a merge)."""

    score = FloatProperty()  # match probability from the model (analyst: the model's, if any)
    judgement = StringProperty(choices={"positive": "positive", "unsure": "unsure",
                                        "negative": "negative"})
    method = StringProperty()  # fellegi-sunter or analyst
    by = StringProperty()  # speurnet, or the analyst who judged
    at = DateTimeProperty()
    reasons = ArrayProperty(StringProperty())
    machineScore = FloatProperty()  # what matching says, kept under an analyst's judgement
    machineJudgement = StringProperty()
    history = ArrayProperty(StringProperty())  # earlier "<judgement> by <who> at <time>"


class AddressMatch(StructuredRel, Provenance):  # type: ignore[misc]
    """A judged candidate BAG address for a free-text address mention (signal or KvK row)."""

    mention = IntegerProperty()  # record number of the mentioning row
    text = StringProperty()
    score = FloatProperty()
    judgement = StringProperty()
    method = StringProperty()
    by = StringProperty()
    at = DateTimeProperty()
    reason = StringProperty()


class PredictedLink(StructuredRel):
    """A link no source states (hidden resident, associate, look-alike): a prediction, not a fact."""

    runId = StringProperty()
    kind = StringProperty()  # resident, associate, lookalike
    score = FloatProperty()
    reasons = ArrayProperty(StringProperty())
    evidence = identifying(StringProperty())
    # The source files whose facts the evidence and reasons quote (a signal's meldingen file, a
    # registration's BRP file): a user who may not see one of them is not shown the prediction.
    sources = ArrayProperty(StringProperty())
    computedAt = DateTimeProperty()


class Neighbourhood(StructuredNode, Provenance):  # type: ignore[misc]
    buurtcode = StringProperty(unique_index=True, required=True)
    name = StringProperty()
    wijkcode = StringProperty(index=True)
    gemeentecode = StringProperty(index=True)


class Building(StructuredNode, Provenance):  # type: ignore[misc]
    pandId = StringProperty(unique_index=True, required=True)
    buildYear = IntegerProperty()


class Address(StructuredNode, Provenance, Scored):  # type: ignore[misc]
    key = StringProperty(unique_index=True, required=True)  # adres:<nummeraanduidingId>
    nummeraanduidingId = StringProperty(unique_index=True, required=True)
    verblijfsobjectId = StringProperty(index=True)
    street = StringProperty()
    houseNumber = IntegerProperty()
    houseLetter = StringProperty()
    houseNumberAddition = StringProperty()
    postcode = StringProperty(index=True)
    city = StringProperty()
    lookupKey = StringProperty(index=True)  # postcode|number|letter|addition, for exact matching
    label = StringProperty()  # "Kerkstraat 12-2, 1501AB Zaandam", for search and display
    uses = ArrayProperty(StringProperty())
    floorArea = IntegerProperty()
    status = StringProperty()
    x = FloatProperty()
    y = FloatProperty()
    lat = FloatProperty()
    lon = FloatProperty()
    wozValue = supplied_by(IntegerProperty(), "brk_eigendom")
    # A well-formed key referenced by a source but absent from the loaded BAG.
    outsideArea = BooleanProperty(index=True)
    building = RelationshipTo("Building", "IN_BUILDING", model=Link)
    predicted = RelationshipTo("Address", "PREDICTED_LINK", model=PredictedLink)  # look-alike
    neighbourhood = RelationshipTo("Neighbourhood", "IN_NEIGHBOURHOOD", model=Link)


class Company(StructuredNode, Provenance, Scored):  # type: ignore[misc]
    key = StringProperty(unique_index=True, required=True)  # kvk:<kvkNumber>
    kvkNumber = StringProperty(unique_index=True, required=True)
    name = StringProperty()
    legalForm = StringProperty()
    sbiCode = StringProperty(index=True)
    sbiDescription = StringProperty()
    founded = DateProperty()
    dissolved = DateProperty()
    # Only referenced (as officer, holder, subject), not in the loaded KvK establishments.
    referenceOnly = BooleanProperty()
    # KvK rows without a BAG key the exact lookup missed: "<rowKey>\t<file>\t<record>\t<address>".
    addressMentions = identifying(ArrayProperty(StringProperty()))
    addressNotes = ArrayProperty(StringProperty())  # "<record>\t<why unresolved>", by matching
    established = RelationshipTo("Address", "ESTABLISHED_AT", model=Establishment)
    addressMatch = RelationshipTo("Address", "ADDRESS_MATCH", model=AddressMatch)
    officerOf = RelationshipTo("Company", "OFFICER_OF", model=Role)
    owns = RelationshipTo("Address", "OWNS", model=Ownership)


class Person(StructuredNode, Provenance, Scored):  # type: ignore[misc]
    # bsn:<bsn> for BRP persons; person:<id> for one seen only in KvK or a signal (see loaders).
    key = identifying(StringProperty(unique_index=True, required=True), pseudonym=True)
    bsn = identifying(StringProperty(unique_index=True))
    registry = StringProperty(index=True)  # brp, kvk, melding, reference
    firstNames = identifying(StringProperty())
    prefix = identifying(StringProperty())
    surname = identifying(StringProperty())
    fullName = identifying(StringProperty())
    birthDate = identifying(DateProperty(index=True))
    gender = identifying(StringProperty())  # identification only, never a risk feature
    # The canonical person this record belongs to (entity resolution): the BRP person's key
    # when one is linked by a positive judgement, else the smallest record key of its cluster.
    canonicalKey = identifying(StringProperty(index=True), pseudonym=True)
    # How this record was resolved (record persons only): positive, unsure or negative, the
    # score of that judgement and the best candidate it was judged against.
    matchJudgement = StringProperty()
    matchScore = FloatProperty()
    matchCandidate = identifying(StringProperty(), pseudonym=True)
    sameAs = RelationshipTo("Person", "SAME_AS", model=SameAs)
    # Predicted by analysis: hidden resident (to an address) or associate (to a person).
    predicted = RelationshipTo("StructuredNode", "PREDICTED_LINK", model=PredictedLink)
    registeredAt = RelationshipTo("Address", "REGISTERED_AT", model=Registration)
    officerOf = RelationshipTo("Company", "OFFICER_OF", model=Role)
    owns = RelationshipTo("Address", "OWNS", model=Ownership)


class Permit(StructuredNode, Provenance):  # type: ignore[misc]
    permitId = StringProperty(unique_index=True, required=True)
    kind = StringProperty(index=True)
    status = StringProperty()
    statusHistory = ArrayProperty(StringProperty())  # earlier "status@decisionDate" values
    decisionDate = DateProperty()
    validFrom = DateProperty()
    validTo = DateProperty()
    bibob = StringProperty()
    forAddress = RelationshipTo("Address", "FOR_ADDRESS", model=Link)
    heldBy = RelationshipTo("StructuredNode", "HELD_BY", model=Link)


class Signal(StructuredNode, Provenance):  # type: ignore[misc]
    signalId = StringProperty(unique_index=True, required=True)
    channel = StringProperty()  # `bron`: KCC, politie, ...
    category = StringProperty(index=True)
    date = DateProperty()
    description = identifying(StringProperty())  # untrusted free text: escaped when shown
    addressText = StringProperty()
    personName = identifying(StringProperty())
    personBirthDate = identifying(DateProperty())
    reliability = StringProperty()
    addressNote = StringProperty()  # why entity resolution left addressText unresolved
    about = RelationshipTo("StructuredNode", "ABOUT", model=Link)
    addressMatch = RelationshipTo("Address", "ADDRESS_MATCH", model=AddressMatch)


class Case(StructuredNode, Provenance):  # type: ignore[misc]
    caseId = StringProperty(unique_index=True, required=True)
    caseType = StringProperty()
    status = StringProperty()
    start = DateProperty()
    end = DateProperty()
    result = StringProperty(index=True)
    concerns = RelationshipTo("StructuredNode", "CONCERNS", model=Link)


class UtilityUse(StructuredNode, Provenance):  # type: ignore[misc]
    key = StringProperty(unique_index=True, required=True)  # <nummeraanduidingId>:<year>
    year = IntegerProperty()
    electricityKwh = FloatProperty()
    gasM3 = FloatProperty()
    waterM3 = FloatProperty()
    forAddress = RelationshipTo("Address", "FOR_ADDRESS", model=Link)


class NeighbourhoodFigure(StructuredNode, Provenance):  # type: ignore[misc]
    key = StringProperty(unique_index=True, required=True)  # buurt|period|channel|category
    period = StringProperty()
    channel = StringProperty()
    category = StringProperty()
    value = FloatProperty()
    forNeighbourhood = RelationshipTo("Neighbourhood", "FOR_NEIGHBOURHOOD", model=Link)


class ListMember(StructuredRel, Provenance):  # type: ignore[misc]
    matchMethod = StringProperty()  # key, exact (free-text address) or record (a name only)


class List(StructuredNode, Provenance):  # type: ignore[misc]
    """A mapped spreadsheet (watch list, team list) and the entities its rows name."""

    key = StringProperty(unique_index=True, required=True)  # lijst:<file stem>
    name = StringProperty()  # the label the list carries, e.g. "RIEC casus 2026-041"
    kind = StringProperty()
    members = RelationshipTo("StructuredNode", "LISTS", model=ListMember)


class Load(StructuredNode):
    """One load of one source file: the load log (a folder load has one loadId for all files)."""

    key = StringProperty(unique_index=True, required=True)  # <loadId>/<file>
    loadId = StringProperty(index=True)
    file = StringProperty(index=True)
    folder = StringProperty()
    partner = StringProperty()
    tier = StringProperty()
    retention = StringProperty()
    startedAt = DateTimeProperty()
    finishedAt = DateTimeProperty()
    read = IntegerProperty()
    loaded = IntegerProperty()
    rejected = IntegerProperty()
    droppedColumns = ArrayProperty(StringProperty())


class MatchRun(StructuredNode):
    """One run of entity resolution, and the loads it covered (so analysis knows when to rerun)."""

    key = StringProperty(unique_index=True, required=True)  # match:<runId>
    startedAt = DateTimeProperty(index=True)
    finishedAt = DateTimeProperty()
    loadIds = ArrayProperty(StringProperty())  # every load in the graph when the run started
    full = BooleanProperty()
    persons = IntegerProperty()  # person records scored
    pairs = IntegerProperty()  # candidate pairs compared
    positive = IntegerProperty()
    unsure = IntegerProperty()
    addresses = IntegerProperty()  # address mentions resolved
    unresolved = IntegerProperty()
    # Provenance of what the run wrote (its SAME_AS and ADDRESS_MATCH links name it the same way).
    source = StringProperty()  # matching
    loadId = StringProperty()  # the run's key
    rowKey = StringProperty()
    loadedAt = DateTimeProperty()


class AnalysisRun(StructuredNode):
    """One `speurnet analyze`: its reference date and each step's figures (JSON)."""

    runId = StringProperty(unique_index=True, required=True)
    asOf = DateProperty()
    startedAt = DateTimeProperty()
    finishedAt = DateTimeProperty(index=True)
    steps = StringProperty()


class Flag(StructuredNode):
    """Evidence that raised a subject's score: which indicator or analysis, how strong, and why."""

    key = StringProperty(unique_index=True, required=True)  # <runId>|<name>|<subject key>
    runId = StringProperty(index=True)
    name = StringProperty(index=True)
    title = StringProperty()  # the indicator's title, shown on pages
    asOf = DateProperty()  # the run's reference date
    strength = FloatProperty()  # 0..1
    weight = FloatProperty()  # the flag name's weight in scoring
    contribution = FloatProperty()  # weight x strength: its part in the subject's score
    reason = StringProperty()  # one sentence in Dutch, shown on pages
    evidence = identifying(StringProperty())  # JSON with the facts behind it (names persons)
    # The source files (as the load log names them) whose facts the evidence shows: a user who
    # may not see one of them is not shown the flag either (its reason and evidence quote them).
    sources = ArrayProperty(StringProperty())
    flags = RelationshipTo("StructuredNode", "FLAGS")



# Lawful use (users, audit) and saved investigations: application records, no `source`, so
# retention purges and source filters never touch them.
class Team(StructuredNode):  # type: ignore[misc]
    """A team of users (wijkteam, RIEC case team) within one partner organisation."""

    name = StringProperty(unique_index=True, required=True)
    partner = StringProperty()


class User(StructuredNode):  # type: ignore[misc]
    """Someone who may log in: a role, a team and the partner organisation they work for."""

    name = StringProperty(unique_index=True, required=True)
    role = StringProperty(required=True)  # officer, analyst, case_preparer, admin
    team = StringProperty()
    partner = StringProperty()
    passwordHash = StringProperty()  # scrypt$n$r$p$salt$hash; never the password itself
    sessionEpoch = IntegerProperty()  # raised at logout: every earlier session cookie dies
    active = BooleanProperty()
    createdAt = DateTimeProperty()
    inTeam = RelationshipTo("Team", "IN_TEAM")


class ApiToken(StructuredNode):  # type: ignore[misc]
    """A bearer token for the API, stored only as its SHA-256 hash."""

    tokenHash = StringProperty(unique_index=True, required=True)
    user = StringProperty(index=True)
    createdAt = DateTimeProperty()


class AuditEntry(StructuredNode):  # type: ignore[misc]
    """One access: who, when, under which purpose, what. Append-only and hash-chained."""

    seq = IntegerProperty(unique_index=True, required=True)
    at = DateTimeProperty(index=True)
    user = StringProperty(index=True)
    role = StringProperty()
    purpose = StringProperty()
    action = StringProperty(index=True)  # view, search, run, export, reidentify, login, admin
    target = StringProperty(index=True)
    subjects = ArrayProperty(StringProperty())  # person keys shown to the user
    payload = StringProperty()  # canonical JSON of all the above, what the hash covers
    prev = StringProperty()
    hash = StringProperty()


class AuditHead(StructuredNode):  # type: ignore[misc]
    """The end of the audit chain: appends lock it, so entries get one order and one chain."""

    key = StringProperty(unique_index=True, required=True)
    seq = IntegerProperty()
    hash = StringProperty()


class SavedInvestigation(StructuredNode):  # type: ignore[misc]
    """An investigation an analyst saved through the API (the shipped ones are .cypher files)."""

    name = StringProperty(unique_index=True, required=True)
    title = StringProperty()
    description = StringProperty()
    query = StringProperty()  # the Cypher text (`cypher` is a neomodel method name)
    params = StringProperty()  # JSON list of typed parameters
    roles = ArrayProperty(StringProperty())
    owner = StringProperty(index=True)
    team = StringProperty()
    visibility = StringProperty()  # private, team or all
    createdAt = DateTimeProperty()
    updatedAt = DateTimeProperty()


class Membership(StructuredRel):
    kind = StringProperty()  # person, company or address
    betweenness = FloatProperty()
    pageRank = FloatProperty()
    keyFigure = BooleanProperty()


class Network(StructuredNode):
    """A cooperation network found by one analysis run (results, never source facts)."""

    key = StringProperty(unique_index=True, required=True)  # <runId>|<networkId>
    networkId = StringProperty(index=True)
    runId = StringProperty(index=True)
    score = FloatProperty()
    size = IntegerProperty()
    persons = IntegerProperty()  # member counts by kind
    companies = IntegerProperty()
    addresses = IntegerProperty()
    component = IntegerProperty()  # the weakly connected component it was found in
    features = StringProperty()  # JSON: the scoring parts and fact counts behind the score
    keyFigures = identifying(ArrayProperty(StringProperty()), pseudonym=True)  # person keys
    reason = StringProperty()
    computedAt = DateTimeProperty()
    members = RelationshipTo("StructuredNode", "HAS_MEMBER", model=Membership)


# Collaboration: what users add in the app. Like users and audit entries these are application
# records (no `source`): reloads and retention purges never touch them, and `speurnet backup`
# keeps them. Each points at the entity it concerns by relationship.
class Note(StructuredNode):  # type: ignore[misc]
    """A note on any entity ("zelf aanvullen"): what an officer saw, with author and time."""

    noteId = StringProperty(unique_index=True, required=True)
    text = identifying(StringProperty())  # free text (may name anyone): shown as text, never HTML
    author = StringProperty(index=True)
    team = StringProperty()
    partner = StringProperty()
    purpose = StringProperty()
    createdAt = DateTimeProperty(index=True)
    on = RelationshipTo("StructuredNode", "ON")


class Watch(StructuredRel):  # type: ignore[misc]
    """A list's watch on one entity, and how far news about it has been told."""

    since = DateTimeProperty()
    by = StringProperty()  # the user who added it
    checkedAt = DateTimeProperty()  # facts loaded after this are news (notify_changes)
    lastScore = FloatProperty()  # the score last told, so a change can be told
    known = ArrayProperty(StringProperty())  # the facts already there ("signal:<id>", ...)


class WatchList(StructuredNode):  # type: ignore[misc]
    """A user's or a team's list of addresses, persons and companies to follow."""

    listId = StringProperty(unique_index=True, required=True)
    name = StringProperty()
    owner = StringProperty(index=True)  # the user who made it
    team = StringProperty(index=True)  # set for a team list (every member sees and edits it)
    createdAt = DateTimeProperty()
    watches = RelationshipTo("StructuredNode", "WATCHES", model=Watch)


class Notification(StructuredNode):  # type: ignore[misc]
    """An in-app message: deconfliction (another team watches the same entity) or news about a
    watched entity (new signal, case, permit, score change)."""

    notificationId = StringProperty(unique_index=True, required=True)
    toUser = StringProperty(index=True)
    toTeam = StringProperty(index=True)
    kind = StringProperty()  # deconfliction, signal, case, permit, score
    message = StringProperty()
    createdAt = DateTimeProperty(index=True)
    readAt = DateTimeProperty()
    readBy = ArrayProperty(StringProperty())  # a team notification is read per member
    # The fact that is news (signal, case, permit) and its source, so a user who may not see
    # that source is not told of it either.
    factKey = StringProperty()
    factSource = StringProperty()
    factLoadId = StringProperty()
    about = RelationshipTo("StructuredNode", "ABOUT")


class Outcome(StructuredNode):  # type: ignore[misc]
    """An inspection outcome recorded in the app, kept beside what a later zaken.csv says."""

    outcomeId = StringProperty(unique_index=True, required=True)
    result = StringProperty()  # as zaken.csv resultaat: overtreding, geen overtreding, onbekend
    date = DateProperty()  # when the inspection took place
    text = StringProperty()
    author = StringProperty(index=True)
    team = StringProperty()
    recordedAt = DateTimeProperty(index=True)
    concerns = RelationshipTo("StructuredNode", "OUTCOME_FOR")
    records = RelationshipTo("Case", "RECORDS")


NODE_CLASSES: tuple[type[StructuredNode], ...] = (
    Neighbourhood, Building, Address, Company, Person, Permit, Signal, Case, UtilityUse,
    NeighbourhoodFigure, List, Load, MatchRun, AnalysisRun, Flag, Network,
    Team, User, ApiToken, AuditEntry, AuditHead, SavedInvestigation,
    Note, WatchList, Notification, Outcome,
)
LABELS: tuple[str, ...] = tuple(cls.__name__ for cls in NODE_CLASSES)
# What users created, never re-loadable from sources: `speurnet backup` keeps these nodes, plus
# analysts' SAME_AS judgements (method 'analyst').
USER_LABELS: tuple[str, ...] = ("Team", "User", "ApiToken", "AuditEntry", "AuditHead",
                                "SavedInvestigation", "Note", "WatchList", "Notification",
                                "Outcome")

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
APPLICATION_TYPES: tuple[str, ...] = ("IN_TEAM", "ON", "WATCHES", "OUTCOME_FOR", "RECORDS")
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
