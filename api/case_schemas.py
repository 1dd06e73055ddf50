"""Request and response models of the alert and case routes (api/routes/cases.py)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from api.schemas import WatchEntry


class ScheduleRequest(BaseModel):
    kind: str = Field(description="investigation (a saved or shipped one) or indicator")
    target: str = Field(max_length=80, description="The investigation's or indicator's name")
    frequency: str = Field(description="load (after every load) or daily (speurnet alerts run)")
    params: dict[str, Any] = Field(default_factory=dict, description="The investigation's parameters")


class ScheduleOut(BaseModel):
    id: str
    kind: str
    target: str
    frequency: str
    owner: str
    team: str | None = None
    params: str | None = None
    createdAt: Any = None
    lastRunAt: Any = None
    lastHits: int | None = None
    lastNew: int | None = None
    lastError: str | None = None


class RunOut(BaseModel):
    id: str
    hits: int
    new: int
    error: str | None = None


class AlertOut(BaseModel):
    id: str
    title: str | None = None
    status: str
    owner: str | None = None
    team: str | None = None
    createdAt: Any = None
    evidence: Any = None
    entities: list[WatchEntry]  # an entity, since when and by whom it is linked
    decidedBy: str | None = None
    decidedAt: Any = None
    reason: str | None = None
    caseId: str | None = None


class DismissRequest(BaseModel):
    reason: str = Field(description="Why the alert needs no case (required, kept)")


class OpenCaseRequest(BaseModel):
    title: str | None = Field(None, max_length=200)


class CaseRequest(BaseModel):
    title: str = Field(max_length=200)
    keys: list[str] = Field(default_factory=list, description="adres:…, bsn:…, pseudo:…, kvk:…")


class ChangeRequest(BaseModel):
    status: str | None = Field(None, description="open, in_progress, confirmed or dismissed")
    owner: str | None = Field(None, max_length=40, description="A user of the case's team")


class TextRequest(BaseModel):
    text: str = Field(description="Plain text, at most 4000 characters")


class KeyRequest(BaseModel):
    key: str = Field(max_length=80)


class AssessmentRequest(BaseModel):
    purpose: str = Field(description="Doel: why this case needs the persons' identities")
    legalGround: str = Field(description="Grondslag: the legal basis")
    proportionality: str = Field(description="Proportionaliteit en subsidiariteit")


class CaseSummary(BaseModel):
    id: str
    title: str | None = None
    owner: str | None = None
    team: str | None = None
    status: str
    createdAt: Any = None
    updatedAt: Any = None
    assessed: bool
    entities: list[WatchEntry]  # an entity, since when and by whom it is linked


class CaseOut(CaseSummary):
    closedAt: Any = None
    assessment: dict[str, Any] | None = None
    intervention: dict[str, Any] | None = None
    alert: dict[str, Any] | None = None
    history: list[dict[str, Any]]
    statuses: list[str]
    withheld: int = 0
    pseudonymised: bool
