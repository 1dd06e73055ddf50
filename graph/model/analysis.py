"""The analysis section of the model: runs of matching and analysis and what they write
(flags, networks, predicted links), results with their run, never source facts."""

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

from graph.model.base import identifying, quotes_sources


class PredictedLink(StructuredRel):
    """A link no source states (hidden resident, associate, look-alike): a prediction, not a fact."""

    runId = StringProperty()
    kind = StringProperty()  # resident, associate, lookalike
    score = FloatProperty()
    reasons = quotes_sources(ArrayProperty(StringProperty()))
    evidence = identifying(StringProperty())
    # The source files whose facts the evidence and reasons quote (a signal's meldingen file, a
    # registration's BRP file): a user who may not see one of them is not shown the prediction.
    sources = ArrayProperty(StringProperty())
    computedAt = DateTimeProperty()


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
    rowKey = identifying(StringProperty())
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
    reason = quotes_sources(StringProperty())  # one sentence in Dutch, shown on pages
    evidence = identifying(StringProperty())  # JSON with the facts behind it (names persons)
    # The source files (as the load log names them) whose facts the evidence shows: a user who
    # may not see one of them is not shown the flag either (its reason and evidence quote them).
    sources = ArrayProperty(StringProperty())
    flags = RelationshipTo("StructuredNode", "FLAGS")


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
