"""Exact address lookup keys from validated parts; the free-text parser is graph/addresses.py."""

from __future__ import annotations

from graph.addresses import lookup_key
from loaders import normalise


def address_lookup_key(
    postcode: str,
    house_number: int | str,
    house_letter: str | None = None,
    addition: str | None = None,
) -> str:
    """Canonical exact-match key such as `1501AB|12|A|2`; empty parts stay empty.

    Raises ValueError when the postcode or house number is missing or malformed.
    """
    return lookup_key(normalise.postcode(postcode), normalise.house_number(str(house_number)),
                      house_letter, addition)
