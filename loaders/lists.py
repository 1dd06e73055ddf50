"""Other spreadsheets (watch lists, team lists): loaded only with a `<name>.mapping.yml` beside them.

The mapping says which of the sheet's columns hold an address, a person or a company, and which
label the list carries; it becomes a `SourceMapping` at run time, so the sheet goes through the
same reader, validation, reject file and batched writer as every contract file:

    list: RIEC casus 2026-041        # the label the list carries
    kind: watchlist                  # watchlist, teamlist or another word
    columns:                         # field -> the sheet's column header
      nummeraanduiding_id: BAG id
      adres: Adres                   # free text, matched exactly like a signal's address
      bsn: BSN
      kvk_nummer: KvK
      naam: Naam                     # a person without BSN: kept for entity resolution
      geboortedatum: Geboren
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from loaders import normalise as n
from loaders.mappings import Column, Props, RowCheck, SourceMapping
from loaders.read import SourceError

# The fields a list may map, with the graph property and parser each becomes.
FIELDS: dict[str, tuple[str, Any]] = {
    "nummeraanduiding_id": ("nummeraanduidingId", n.nummeraanduiding_id),
    "adres": ("addressText", n.text),
    "bsn": ("bsn", n.bsn),
    "kvk_nummer": ("kvkNumber", n.kvk_number),
    "naam": ("personName", n.text),
    "geboortedatum": ("personBirthDate", n.iso_date),
}
IDENTIFYING = ("nummeraanduidingId", "addressText", "bsn", "kvkNumber", "personName")


@dataclass(frozen=True)
class ListSpec:
    """A parsed `.mapping.yml`: the list's label and kind, and its declared mapping."""

    name: str
    kind: str
    mapping: SourceMapping


def mapping_path(sheet: Path) -> Path:
    return sheet.with_name(f"{sheet.stem}.mapping.yml")


def _identified(props: Props) -> list[tuple[str, str]]:
    if any(props.get(field) for field in IDENTIFYING):
        return []
    return [("*", "no address, BSN, KvK number or name in this row")]


def read_spec(sheet: Path) -> ListSpec:
    """Parse the mapping beside `sheet`; SourceError naming the mapping file when it is wrong."""
    path = mapping_path(sheet)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SourceError(path.name, f"cannot read the mapping: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        raise SourceError(path.name, "expected `list:`, `kind:` and a `columns:` mapping")
    name = str(data.get("list") or "").strip()
    if not name:
        raise SourceError(path.name, "`list:` (the label the list carries) is missing")
    columns = []
    for field, header in data["columns"].items():
        if field not in FIELDS:
            raise SourceError(path.name, f"unknown field {field!r}: use {', '.join(FIELDS)}")
        prop, parse = FIELDS[field]
        # Sheet headers are compared lower-cased and stripped, as the reader normalises them.
        columns.append(Column(str(header).strip().lower(), prop, parse, required=False))
    if not any(c.prop in IDENTIFYING for c in columns):
        raise SourceError(path.name, "map at least one of nummeraanduiding_id, adres, bsn, kvk_nummer, naam")
    mapping = SourceMapping(sheet.stem.lower(), name, tuple(columns), row_key=(),
                            checks=(RowCheck("identified", _identified),))
    return ListSpec(name, str(data.get("kind") or "lijst").strip(), mapping)
