"""Text made inert for spreadsheets, for every download (investigation results, the audit log).

A spreadsheet treats a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return)
as a formula, and signal texts are typed by anyone: such a text gets a leading `'`, so it is
shown, never evaluated (CSV injection). Both runner/ and access/ write downloads, so this sits
below both.
"""

from __future__ import annotations

from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text that a spreadsheet would run as a formula, made inert."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
