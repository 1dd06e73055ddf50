"""Import every module that registers exports (and later indicators), so the CLI and API see them."""

from __future__ import annotations

import importlib

# Modules that call `exports.register(...)` at import time; areas add theirs here.
MODULES: tuple[str, ...] = (
    "investigations.matching.export",
    "investigations.networks", "investigations.links",
    "investigations.indicators.steps",
    "investigations.scoring.steps",
    "investigations.scoring.export",
    "investigations.collab.step",
)


def load_all() -> None:
    for name in MODULES:
        importlib.import_module(name)
