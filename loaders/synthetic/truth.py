"""Ground truth of a generated town: raw counts, planted patterns, decoys and true identities."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

PATTERNS = (
    "overcrowded", "room_rental", "letterbox", "officer_networks", "cannabis",
    "hidden_residents", "name_variants", "multi_owner", "neighbourhood_rise",
)
DECOYS = ("student_housing", "business_centre", "large_family", "ordinary_hairdresser",
          "facilitator", "company_group", "steady_neighbourhood")


@dataclass
class GroundTruth:
    """What the generator planted, so loader, matcher and detector tests can score themselves.

    `mentions` maps a record reference (`kvk_functionarissen.csv#17:person`) to the entity it
    truly refers to (`bsn:...`, `adres:...`), or None for a person no registry knows.
    """

    seed: int
    persons: int
    as_of: date
    counts: dict[str, int] = field(default_factory=dict)
    patterns: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {name: [] for name in PATTERNS}
    )
    decoys: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {name: [] for name in DECOYS}
    )
    mentions: dict[str, str | None] = field(default_factory=dict)

    def pattern(self, name: str, item: dict[str, Any]) -> dict[str, Any]:
        """Record one planted pattern instance and return it, so later phases can extend it."""
        self.patterns[name].append(item)
        return item

    def decoy(self, name: str, item: dict[str, Any]) -> dict[str, Any]:
        """Record one legitimate look-alike and return it."""
        self.decoys[name].append(item)
        return item

    def to_dict(self) -> dict[str, Any]:
        """The JSON document, in the documented key order."""
        return {
            "seed": self.seed,
            "persons": self.persons,
            "as_of": self.as_of.isoformat(),
            "counts": self.counts,
            "patterns": self.patterns,
            "decoys": self.decoys,
            "mentions": self.mentions,
        }

    def save(self, path: Path) -> None:
        """Write `ground_truth.json` in a stable key order, so it is byte-identical per seed."""
        with open(path, "w", encoding="utf-8") as out:
            json.dump(self.to_dict(), out, ensure_ascii=False, indent=1)
            out.write("\n")

    @classmethod
    def load(cls, path: Path) -> GroundTruth:
        """Read a `ground_truth.json` written by `save`."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(
            seed=data["seed"],
            persons=data["persons"],
            as_of=date.fromisoformat(data["as_of"]),
            counts=data["counts"],
            patterns=data["patterns"],
            decoys=data["decoys"],
            mentions=data.get("mentions", {}),
        )
