"""The audit log for administrators and the privacy officer: read and export, never change."""

from __future__ import annotations

import io
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from api.deps import GraphDep, ScopeDep
from api.schemas import AuditRow
from investigations.access import audit

router = APIRouter(prefix="/api/audit", tags=["audit"])


@router.get("", response_model=list[AuditRow])
def entries(graph: GraphDep, scope: ScopeDep, since: date | None = None,
            user: Annotated[str | None, Query(max_length=60)] = None,
            limit: Annotated[int, Query(ge=1, le=5000)] = 100) -> Any:
    """The first `limit` entries since a date (optionally of one user); reading is logged too."""
    return audit.read(graph, scope, since, user, limit)


@router.get("/export", response_class=Response,
            responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}})
def export(graph: GraphDep, scope: ScopeDep, since: date | None = None,
           format: Annotated[str, Query(pattern="^(csv|json)$")] = "csv") -> Response:
    """The whole log (from a date) as CSV or JSON lines, for the privacy officer."""
    out = io.StringIO()
    audit.export_as(graph, scope, out, format, since)
    media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson"
    return Response(out.getvalue(), media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="audit.{format}"'})
