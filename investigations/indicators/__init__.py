"""Indicators (red flags) declared as data and run by one engine; each writes `Flag` nodes.

`catalogue.INDICATORS` lists them, `thresholds` holds every threshold with its reason, and
`steps` registers the analysis steps (entity resolution at order 10, indicators at 20).
"""

from investigations.indicators.catalogue import BY_NAME, INDICATORS
from investigations.indicators.model import Indicator, Threshold

__all__ = ["BY_NAME", "INDICATORS", "Indicator", "Threshold"]
