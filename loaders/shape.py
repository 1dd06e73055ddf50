"""Per-source extra keys computed before writing: names, record-person ids, display labels.

A `person:` id is derived from the source record, so the same data always gives the same id:
KvK officers by file, normalised name and birth date (KvK names one officer the same way in every
company); persons named in a signal by file, signal id, name and birth date.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any

from graph.addresses import parse_address

Props = dict[str, Any]


def normalise_name(name: str) -> str:
    """Lower-case, without diacritics or punctuation, single spaces: `Çelik-de Vries` -> `celik de vries`."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain.lower()).split())


def full_name(first: str | None, prefix: str | None, surname: str | None) -> str:
    return " ".join(part for part in (first, prefix, surname) if part)


def person_id(*parts: object) -> str:
    """A stable `person:` key from the parts that identify a source record."""
    text = "|".join("" if p is None else p.isoformat() if isinstance(p, date) else str(p)
                    for p in parts)
    return "person:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def address_label(row: Props) -> str:
    number = f"{row.get('houseNumber', '')}{row.get('houseLetter') or ''}"
    if row.get("houseNumberAddition"):
        number += f"-{row['houseNumberAddition']}"
    place = " ".join(p for p in (row.get("postcode"), row.get("city")) if p)
    return f"{row.get('street') or ''} {number}, {place}".strip(" ,")


def _bag(row: Props) -> Props:
    return {"label": address_label(row)}


def _brp(row: Props) -> Props:
    return {"fullName": full_name(row.get("firstNames"), row.get("prefix"), row.get("surname"))}


def _kvk(row: Props) -> Props:
    return {"addressText": address_label(row)}


def _officer(row: Props) -> Props:
    if row.get("officerKvkNumber"):
        return {"personKey": None, "fullName": None}
    name = full_name(row.get("firstNames"), row.get("prefix"), row.get("surname"))
    return {"fullName": name,
            "personKey": person_id("kvk_functionarissen", normalise_name(name), row.get("birthDate"))}


def _signal(row: Props) -> Props:
    extra: Props = {"personKey": None, "addressKey": None}
    if row.get("personName"):
        extra["personKey"] = person_id("meldingen", row["signalId"],
                                       normalise_name(row["personName"]), row.get("personBirthDate"))
    if not row.get("nummeraanduidingId") and row.get("addressText"):
        parsed = parse_address(row["addressText"])
        extra["addressKey"] = parsed.key if parsed else None
    return extra


def _list(row: Props) -> Props:
    extra: Props = {"personKey": None, "addressKey": None}
    if row.get("personName"):
        # A list row has no key of its own: its file and record number identify it.
        extra["personKey"] = person_id(row["_list"], row["_record"],
                                       normalise_name(row["personName"]), row.get("personBirthDate"))
    if not row.get("nummeraanduidingId") and row.get("addressText"):
        parsed = parse_address(row["addressText"])
        extra["addressKey"] = parsed.key if parsed else None
    return extra


SHAPERS: dict[str, Callable[[Props], Props]] = {
    "bag_verblijfsobjecten": _bag,
    "brp_inschrijvingen": _brp,
    "kvk_vestigingen": _kvk,
    "kvk_functionarissen": _officer,
    "meldingen": _signal,
    "list": _list,
}


def shape(stem: str, record: int, key: str, values: Props, is_list: bool = False) -> Props:
    """The row as the load statement takes it: values, derived keys, record number and row key."""
    row = dict(values)
    shaper = SHAPERS["list"] if is_list else SHAPERS.get(stem)
    if shaper:
        row.update(shaper({**values, "_list": stem, "_record": record}))
    row["record"] = record
    row["key"] = key
    return row
