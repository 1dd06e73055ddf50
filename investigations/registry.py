"""Import every module that registers an export, so the CLI and API see them all.

The analysis steps are no registry: investigations/analysis.py declares them in order."""

from __future__ import annotations

import importlib

# Modules that call `exports.register(...)` at import time; areas add theirs here.
MODULES: tuple[str, ...] = (
    "investigations.matching.export",
    "investigations.networks", "investigations.links",
    "investigations.scoring.export",
)


def load_all() -> None:
    for name in MODULES:
        importlib.import_module(name)
