"""Who supplied a source file, its tier and how long its facts may be kept.

The loaders read these from `bronnen.yml` and write them on each `Load`; lawful use (access/)
reads them back to filter and purge. Both use this one declaration, below both.
"""

from __future__ import annotations

import re

# The Datalab's datapakhuis tiers, from most to least widely shared.
TIERS = ("open", "closed", "private")
DEFAULT_PARTNER = "gemeente"
DEFAULT_TIER = "closed"

RETENTION = re.compile(r"(\d+)\s*([dwmy])")
_DAYS_PER_UNIT = {"d": 1, "w": 7, "m": 30, "y": 365}


def retention_days(retention: str | None) -> int | None:
    """A retention period like `90d`, `6m` or `5y` in days (a month counts 30, a year 365);
    None for no limit or a text that is no period."""
    match = RETENTION.fullmatch(retention) if retention is not None else None
    if match is None:
        return None
    return int(match.group(1)) * _DAYS_PER_UNIT[match.group(2)]
