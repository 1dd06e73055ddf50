"""The sources section of the model: the base registries, permits, signals, cases, use and
lists as loaded (each node and relationship with its provenance), and the load log."""

from __future__ import annotations

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

from graph.model.analysis import PredictedLink
from graph.model.base import Provenance, Scored, identifying, supplied_by


class Period(StructuredRel, Provenance):
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


class Link(StructuredRel, Provenance):
    matchMethod = StringProperty()  # key, exact, fuzzy (entity resolution) or analyst
    matchScore = FloatProperty()  # set when entity resolution made the link


class SameAs(StructuredRel, Provenance):
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


class AddressMatch(StructuredRel, Provenance):
    """A judged candidate BAG address for a free-text address mention (signal or KvK row)."""

    mention = IntegerProperty()  # record number of the mentioning row
    text = StringProperty()
    score = FloatProperty()
    judgement = StringProperty()
    method = StringProperty()
    by = StringProperty()
    at = DateTimeProperty()
    reason = StringProperty()


class Neighbourhood(StructuredNode, Provenance):
    buurtcode = StringProperty(unique_index=True, required=True)
    name = StringProperty()
    wijkcode = StringProperty(index=True)
    gemeentecode = StringProperty(index=True)


class Building(StructuredNode, Provenance):
    pandId = StringProperty(unique_index=True, required=True)
    buildYear = IntegerProperty()


class Address(StructuredNode, Provenance, Scored):
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


class Company(StructuredNode, Provenance, Scored):
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


class Person(StructuredNode, Provenance, Scored):
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


class Permit(StructuredNode, Provenance):
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


class Signal(StructuredNode, Provenance):
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


class Case(StructuredNode, Provenance):
    caseId = StringProperty(unique_index=True, required=True)
    caseType = StringProperty()
    status = StringProperty()
    start = DateProperty()
    end = DateProperty()
    result = StringProperty(index=True)
    concerns = RelationshipTo("StructuredNode", "CONCERNS", model=Link)


class UtilityUse(StructuredNode, Provenance):
    key = StringProperty(unique_index=True, required=True)  # <nummeraanduidingId>:<year>
    year = IntegerProperty()
    electricityKwh = FloatProperty()
    gasM3 = FloatProperty()
    waterM3 = FloatProperty()
    forAddress = RelationshipTo("Address", "FOR_ADDRESS", model=Link)


class NeighbourhoodFigure(StructuredNode, Provenance):
    key = StringProperty(unique_index=True, required=True)  # buurt|period|channel|category
    period = StringProperty()
    channel = StringProperty()
    category = StringProperty()
    value = FloatProperty()
    forNeighbourhood = RelationshipTo("Neighbourhood", "FOR_NEIGHBOURHOOD", model=Link)


class ListMember(StructuredRel, Provenance):
    matchMethod = StringProperty()  # key, exact (free-text address) or record (a name only)


class List(StructuredNode, Provenance):
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
