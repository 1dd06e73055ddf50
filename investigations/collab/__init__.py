"""Collaboration: watch lists per user and team, deconfliction between teams, news for watchers,
notes, inspection outcomes that feed the detection loop, and review of unsure person matches.

Everything here is an application record (no `source`), written through `cypher/collab/` and
leaving through the same masking as every other answer.
"""

from __future__ import annotations

from investigations.collab.news import notify_changes
from investigations.collab.panel import panel

__all__ = ["notify_changes", "panel"]
