"""Read the optional `bronnen.yml` of a source folder: who supplied each file, tier, retention."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from graph.provenance import DEFAULT_PARTNER, DEFAULT_TIER, TIERS, retention_days
from loaders.read import SourceError

BRONNEN = "bronnen.yml"


@dataclass(frozen=True)
class SourceInfo:
    """Who supplied a file, its tier (`open`, `closed`, `private`) and how long it may be kept."""

    partner: str = DEFAULT_PARTNER
    tier: str = DEFAULT_TIER
    retention: str | None = None

    @property
    def retention_days(self) -> int | None:
        """The retention period in days (a month counts 30, a year 365); None: no limit."""
        return retention_days(self.retention)


DEFAULT = SourceInfo()


def read_sources(folder: Path) -> dict[str, SourceInfo]:
    """Parse `bronnen.yml` in `folder` into file name -> SourceInfo; `{}` when there is none."""
    path = Path(folder) / BRONNEN
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SourceError(BRONNEN, f"not valid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SourceError(BRONNEN, "expected a mapping of file name to partner, tier, retention")
    return {str(name): _entry(str(name), entry) for name, entry in data.items()}


def source_info(sources: dict[str, SourceInfo], filename: str) -> SourceInfo:
    """The entry for a file, by full name or by stem (`meldingen` covers `meldingen.xlsx`)."""
    if filename in sources:
        return sources[filename]
    return sources.get(Path(filename).stem, DEFAULT)


def _entry(name: str, entry: Any) -> SourceInfo:
    if entry is None:
        return DEFAULT
    if not isinstance(entry, dict):
        raise SourceError(BRONNEN, f"entry {name!r}: expected partner, tier and retention keys")
    unknown = sorted(set(map(str, entry)) - {"partner", "tier", "retention"})
    if unknown:
        raise SourceError(BRONNEN, f"entry {name!r}: unknown key {', '.join(unknown)}")
    partner = _text(entry.get("partner")) or DEFAULT_PARTNER
    tier = (_text(entry.get("tier")) or DEFAULT_TIER).lower()
    if tier not in TIERS:
        raise SourceError(
            BRONNEN, f"entry {name!r}: tier {tier!r} is not one of {', '.join(TIERS)}"
        )
    retention = _text(entry.get("retention"))
    if retention is not None:
        retention = retention.lower().replace(" ", "")
        if not retention_days(retention):  # None: no period; 0: a period of nothing
            raise SourceError(
                BRONNEN,
                f"entry {name!r}: retention {retention!r} is not a period like 90d, 6m or 5y",
            )
    return SourceInfo(partner, tier, retention)


def _text(value: Any) -> str | None:
    """A YAML scalar as stripped text; None and blanks mean "not given"."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None
