"""Collaboration: watch lists, notifications, notes, inspection outcomes and match review.

Every role that may view entities keeps watch lists and reads its notifications (admin may not:
403); notes and outcomes need a purpose (X-Purpose) and are logged; match review is for the roles
that may see identities.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status

from api.deps import GraphDep, ScopeDep
from api.schemas import (
    EntryRequest,
    Inbox,
    Judged,
    JudgeRequest,
    MatchPairs,
    NoteCreated,
    NoteRequest,
    Notes,
    NotificationOut,
    OutcomeCreated,
    OutcomeRequest,
    Outcomes,
    Panel,
    WatchAdded,
    Watchers,
    WatchListCreate,
    WatchListOut,
)
from investigations.collab import inbox, matches, notes, outcomes, watchlists
from investigations.collab.panel import panel as entity_panel

router = APIRouter(prefix="/api", tags=["collaboration"])
Key = Annotated[str, Path(max_length=80, description="adres:…, bsn:…, person:…, pseudo:…, "
                                                     "kvk:… or netwerk:…")]
ListId = Annotated[str, Path(max_length=60)]


@router.get("/watchlists", response_model=list[WatchListOut])
def lists(graph: GraphDep, scope: ScopeDep) -> Any:
    """The user's own watch lists and their team's, with their entries."""
    return watchlists.lists(graph, scope)


@router.post("/watchlists", response_model=WatchListOut, status_code=status.HTTP_201_CREATED)
def create_list(graph: GraphDep, scope: ScopeDep, body: WatchListCreate) -> Any:
    """A new watch list of the user's own, or of their team (`team: true`)."""
    return watchlists.create_list(graph, scope, body.name, body.team)


@router.delete("/watchlists/{list_id}", status_code=status.HTTP_204_NO_CONTENT,
                response_class=Response)
def delete_list(graph: GraphDep, scope: ScopeDep, list_id: ListId) -> Response:
    """Delete a watch list (the user's own, or one of their team)."""
    watchlists.delete_list(graph, scope, list_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/watchlists/{list_id}/entries", response_model=WatchAdded,
             status_code=status.HTTP_201_CREATED)
def add_entry(graph: GraphDep, scope: ScopeDep, list_id: ListId, body: EntryRequest) -> Any:
    """Watch an address, person, company or network. When another team already watches it, both
    teams get a deconfliction notification."""
    return watchlists.add_entry(graph, scope, list_id, body.key)


@router.delete("/watchlists/{list_id}/entries/{key}", status_code=status.HTTP_204_NO_CONTENT,
                response_class=Response)
def remove_entry(graph: GraphDep, scope: ScopeDep, list_id: ListId, key: Key) -> Response:
    """Stop watching an entity on this list."""
    watchlists.remove_entry(graph, scope, list_id, key)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/entities/{key}/watchers", response_model=Watchers)
def watchers(graph: GraphDep, scope: ScopeDep, key: Key) -> Any:
    """Which teams watch an entity, and on which of the user's lists it is."""
    return watchlists.watchers_of(graph, scope, key)


@router.get("/notifications", response_model=Inbox)
def notifications(graph: GraphDep, scope: ScopeDep,
                  unread: Annotated[bool, Query(description="Unread ones only")] = False,
                  limit: Annotated[int, Query(ge=1, le=inbox.MAX)] = 100) -> Any:
    """Notifications to the user and their team, newest first: deconfliction and news about
    watched entities (new signal, case, permit, score change)."""
    return inbox.inbox(graph, scope, unread, limit)


@router.post("/notifications/{notification_id}/read", response_model=NotificationOut)
def read(graph: GraphDep, scope: ScopeDep,
         notification_id: Annotated[str, Path(max_length=80)]) -> Any:
    """Mark a notification read (for this user; a team notification stays unread for the rest)."""
    return inbox.mark_read(graph, scope, notification_id)


@router.get("/entities/{key}/notes", response_model=Notes)
def list_notes(graph: GraphDep, scope: ScopeDep, key: Key) -> Any:
    """Notes on an entity by the user and their team, newest first (needs X-Purpose; logged)."""
    return notes.notes_for(graph, scope, key)


@router.post("/entities/{key}/notes", response_model=NoteCreated,
             status_code=status.HTTP_201_CREATED)
def add_note(graph: GraphDep, scope: ScopeDep, key: Key, body: NoteRequest) -> Any:
    """Add a note, stored exactly as typed and returned as text (needs X-Purpose; logged)."""
    return notes.add_note(graph, scope, key, body.text)


@router.get("/entities/{key}/outcomes", response_model=Outcomes)
def list_outcomes(graph: GraphDep, scope: ScopeDep, key: Key) -> Any:
    """Inspection outcomes recorded for an entity, each beside its case's loaded result."""
    return outcomes.outcomes_for(graph, scope, key)


@router.post("/outcomes", response_model=OutcomeCreated, status_code=status.HTTP_201_CREATED)
def record_outcome(graph: GraphDep, scope: ScopeDep, body: OutcomeRequest) -> Any:
    """Record what an inspection found, for an entity and optionally its case. The case's
    zaken.csv result is kept; scoring uses the newer of the two (needs X-Purpose; logged)."""
    return outcomes.record_outcome(graph, scope, body.key, body.result, body.date, body.text,
                                   body.caseId)


@router.get("/entities/{key}/panel", response_model=Panel)
def panel(graph: GraphDep, scope: ScopeDep, key: Key) -> Any:
    """Everything an entity page shows of collaboration: notes, watching teams, the user's
    lists, outcomes (needs X-Purpose; logged)."""
    return entity_panel(graph, scope, key)


@router.get("/matches/unsure", response_model=MatchPairs)
def unsure(graph: GraphDep, scope: ScopeDep,
           limit: Annotated[int, Query(ge=1, le=matches.PAIRS_MAX)] = 50) -> Any:
    """Person pairs entity resolution was unsure about, best first (roles that may see
    identities; needs X-Purpose; logged)."""
    return matches.unsure(graph, scope, limit)


@router.post("/matches/judge", response_model=Judged)
def judge(graph: GraphDep, scope: ScopeDep, body: JudgeRequest) -> Any:
    """Confirm or reject a person pair; the judgement stands through reloads and re-runs."""
    return matches.judge(graph, scope, body.left, body.right, body.decision)
