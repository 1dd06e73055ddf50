"""Synthetic municipality generator: the contract's source files plus their ground truth.

`generate(folder, persons, seed)` writes a fictional Dutch town ("Zaanstede", GM0999) with
planted patterns of address fraud and ondermijning, and legitimate look-alikes, so loaders,
matchers and detectors can be tested against known answers at any scale.
"""

from .ids import elfproef
from .pipeline import generate
from .truth import GroundTruth

__all__ = ["GroundTruth", "elfproef", "generate"]
