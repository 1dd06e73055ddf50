"""The feature set of the score: one feature per flag name, and the graph facts behind it."""

from __future__ import annotations

from collections.abc import Iterable

from investigations.indicators.catalogue import BY_NAME, INDICATORS


def priors() -> dict[str, float]:
    """Prior weight per indicator, as declared in the catalogue."""
    return {indicator.name: indicator.weight for indicator in INDICATORS}


def feature_set(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """For each flag name, the facts it reads: an indicator's declared `uses`; a flag of another
    step (networks, link prediction) reads what that step declares, here only its own name."""
    return {name: BY_NAME[name].uses if name in BY_NAME else (f"Flag.{name}",)
            for name in names}
