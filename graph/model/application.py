"""The application section of the model: users, teams, tokens, the audit log, saved
investigations and collaboration (notes, watch lists, notifications, outcomes)."""

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

from graph.model.base import identifying
from graph.model.sources import Case  # noqa: F401  (the RECORDS relationship names it)


# Lawful use (users, audit) and saved investigations: application records, no `source`, so
# retention purges and source filters never touch them.
class Team(StructuredNode):
    """A team of users (wijkteam, RIEC case team) within one partner organisation."""

    name = StringProperty(unique_index=True, required=True)
    partner = StringProperty()


class User(StructuredNode):
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


class ApiToken(StructuredNode):
    """A bearer token for the API, stored only as its SHA-256 hash."""

    tokenHash = StringProperty(unique_index=True, required=True)
    user = StringProperty(index=True)
    createdAt = DateTimeProperty()


class AuditEntry(StructuredNode):
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


class AuditHead(StructuredNode):
    """The end of the audit chain: appends lock it, so entries get one order and one chain."""

    key = StringProperty(unique_index=True, required=True)
    seq = IntegerProperty()
    hash = StringProperty()


class SavedInvestigation(StructuredNode):
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


# Collaboration: what users add in the app. Like users and audit entries these are application
# records (no `source`): reloads and retention purges never touch them, and `speurnet backup`
# keeps them. Each points at the entity it concerns by relationship.
class Note(StructuredNode):
    """A note on any entity ("zelf aanvullen"): what an officer saw, with author and time."""

    noteId = StringProperty(unique_index=True, required=True)
    text = identifying(StringProperty())  # free text (may name anyone): shown as text, never HTML
    author = StringProperty(index=True)
    team = StringProperty()
    partner = StringProperty()
    purpose = StringProperty()
    createdAt = DateTimeProperty(index=True)
    on = RelationshipTo("StructuredNode", "ON")


class Watch(StructuredRel):
    """A list's watch on one entity, and how far news about it has been told."""

    since = DateTimeProperty()
    by = StringProperty()  # the user who added it
    checkedAt = DateTimeProperty()  # facts loaded after this are news (notify_changes)
    lastScore = FloatProperty()  # the score last told, so a change can be told
    known = ArrayProperty(StringProperty())  # the facts already there ("signal:<id>", ...)


class WatchList(StructuredNode):
    """A user's or a team's list of addresses, persons and companies to follow."""

    listId = StringProperty(unique_index=True, required=True)
    name = StringProperty()
    owner = StringProperty(index=True)  # the user who made it
    team = StringProperty(index=True)  # set for a team list (every member sees and edits it)
    createdAt = DateTimeProperty()
    watches = RelationshipTo("StructuredNode", "WATCHES", model=Watch)


class Notification(StructuredNode):
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


class Outcome(StructuredNode):
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


# Scheduled investigations, alerts and case files (investigations/cases): application records
# like the ones above. `Case` is a zaken.csv fact; a `CaseFile` is what a team works in the app.
class Schedule(StructuredNode):
    """A saved investigation or an indicator run after every load or daily; hits not seen
    before become alerts for its owner's team."""

    scheduleId = StringProperty(unique_index=True, required=True)  # <kind>:<target>:<owner>
    kind = StringProperty()  # investigation, indicator
    target = StringProperty()  # the investigation's or the indicator's name
    params = StringProperty()  # JSON of the investigation's parameters
    frequency = StringProperty()  # load (after every load) or daily (`speurnet alerts run`)
    owner = StringProperty(index=True)
    team = StringProperty(index=True)
    createdAt = DateTimeProperty()
    lastRunAt = DateTimeProperty()
    lastHits = IntegerProperty()
    lastNew = IntegerProperty()
    lastError = StringProperty()


class Alert(StructuredNode):
    """A hit of a schedule, once: its id is derived from the schedule and the hit, so a hit seen
    before (alerted, dismissed or made a case) is never alerted again."""

    alertId = StringProperty(unique_index=True, required=True)
    scheduleId = StringProperty(index=True)
    title = StringProperty()
    owner = StringProperty(index=True)
    team = StringProperty(index=True)
    status = StringProperty(index=True)  # new, dismissed, case
    evidence = identifying(StringProperty())  # JSON: the hit's row as its owner was shown it
    createdAt = DateTimeProperty(index=True)
    decidedBy = StringProperty()
    decidedAt = DateTimeProperty()
    reason = StringProperty()  # why it was dismissed
    caseFileId = StringProperty()  # the case it was opened as
    schedule = RelationshipTo("Schedule", "ALERT_OF")
    hits = RelationshipTo("StructuredNode", "HIT")


class Involvement(StructuredRel):
    """An entity tied to a case: since when and by whom."""

    since = DateTimeProperty()
    by = StringProperty()


class CaseFile(StructuredNode):
    """A case a team works on: owner, status, linked entities, the privacy-protocol assessment
    (purpose, legal ground, proportionality) and, only after it, the planned intervention."""

    caseFileId = StringProperty(unique_index=True, required=True)
    title = StringProperty()
    owner = StringProperty(index=True)
    team = StringProperty(index=True)
    partner = StringProperty()
    status = StringProperty(index=True)  # open, in_progress, confirmed, dismissed
    createdAt = DateTimeProperty()
    updatedAt = DateTimeProperty()
    closedAt = DateTimeProperty()  # set when confirmed or dismissed: the outcome's date
    assessmentPurpose = StringProperty()
    legalGround = StringProperty()
    proportionality = StringProperty()
    assessedBy = StringProperty()
    assessedAt = DateTimeProperty()
    intervention = identifying(StringProperty())  # the planned intervention (may name anyone)
    interventionBy = StringProperty()
    interventionAt = DateTimeProperty()
    involves = RelationshipTo("StructuredNode", "INVOLVES", model=Involvement)
    fromAlert = RelationshipTo("Alert", "FROM_ALERT")


class CaseEvent(StructuredNode):
    """One change to a case: who changed what, from which value to which, and when."""

    eventId = StringProperty(unique_index=True, required=True)
    caseFileId = StringProperty(index=True)
    at = DateTimeProperty(index=True)
    by = StringProperty()
    what = StringProperty()  # created, status, owner, entity, note, assessment, intervention
    oldValue = StringProperty()
    newValue = StringProperty()
    text = identifying(StringProperty())  # a note's free text (may name anyone)
    of = RelationshipTo("CaseFile", "EVENT_OF")
