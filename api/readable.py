"""Facts as a reader sees them: Dutch labels for model properties and evidence keys, dates as
dates, JSON kept as text (evidence, network features) parsed, and entity ids shown by name.

Only presentation: the values come from a view that already left through `release`, so a name
here is one the user may see (a pseudonymised user gets `pseudo:` ids and sees those).
"""

from __future__ import annotations

import json
import re
from typing import Any

from api.web import entity_url, t, templates
from investigations.indicators.catalogue import INDICATORS

Row = dict[str, Any]
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
# Public ids of entities (with or without a page) quoted in evidence and facts.
ENTITY_ID = re.compile(r"(?:adres|bsn|person|pseudo|kvk|netwerk|pand|buurt|vergunning|melding|"
                       r"zaak):[\w.\-]+")
# Network features kept as JSON: shares (0..1) shown as percentages, lists by their length.
SHARES = frozenset({"shortLived", "rotation", "riskBranch"})
COUNTED = frozenset({"permits", "signals", "cases"})


def date_text(value: Any) -> str | None:
    """An ISO date or date-time as Dutch text ('3 december 2026', with ', 14:32' for a time);
    None when the value is not one."""
    found = ISO.fullmatch(str(value)[:16]) if value is not None else None
    if found is None or not 1 <= int(found[2]) <= 12:
        return None
    day = f"{int(found[3])} {MONTHS[int(found[2]) - 1]} {found[1]}"
    return f"{day}, {found[4]}:{found[5]}" if found[4] else day


def label(key: str, areas: tuple[str, ...] = ("prop", "evidence")) -> str:
    """The Dutch label of a property or evidence key; a key without one reads as words."""
    for area in areas:
        if (found := t(f"{area}.{key}")) != f"{area}.{key}":
            return found
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", key).replace("_", " ").lower()
    return words[:1].upper() + words[1:]


def ref(public_id: str, names: dict[str, str]) -> Row:
    """An entity id as a named reference: its label where the page knows it, and its page."""
    return {"ref": public_id, "label": names.get(public_id, public_id),
            "url": entity_url(public_id)}


def readable(value: Any, names: dict[str, str], key: str = "") -> Any:
    """A value ready for the template: JSON text parsed, dates as text, ids as references,
    mappings with Dutch keys (a list of (label, value) under `pairs`)."""
    if isinstance(value, str):
        text = value.strip()
        if text[:1] in "{[" and text[-1:] in "}]":
            try:
                return readable(json.loads(text), names, key)
            except ValueError:
                pass
        if ENTITY_ID.fullmatch(text):
            return ref(text, names)
        return date_text(text) or value
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, float):
        return number(value)
    if isinstance(value, dict):
        return {"pairs": [(label(k, ("evidence", "prop")), readable(v, names, k))
                          for k, v in value.items()
                          if k not in ("sources",) and v not in (None, "", [])]}
    if isinstance(value, (list, tuple)):
        return [readable(v, names, key) for v in value]
    if hasattr(value, "iso_format") or hasattr(value, "isoformat"):
        return date_text(str(value)) or str(value)
    return value


def named(text: str, names: dict[str, str]) -> str:
    """Free text (a flag's reason) with the entity ids it quotes replaced by their names."""
    return ENTITY_ID.sub(lambda found: names.get(found[0], found[0]), text)


def flag_title(name: str) -> str:
    """An indicator's or analysis step's Dutch title for a flag name."""
    titles = {i.name: i.title for i in INDICATORS}
    found = t(f"flag.{name}")
    return titles.get(name) or (found if found != f"flag.{name}" else label(name))


def number(value: float) -> str:
    """A number the Dutch way: a decimal comma, at most three decimals."""
    return f"{value:.3f}".rstrip("0").rstrip(".").replace(".", ",")


def percent(value: float) -> str:
    return f"{round(100 * value)}%"


def feature_sentences(features: Any) -> list[str]:
    """A network's score features (its `features` JSON) as Dutch sentences with their numbers."""
    if isinstance(features, str):
        try:
            features = json.loads(features)
        except ValueError:
            return [features]
    if not isinstance(features, dict):
        return []
    found = []
    for key, value in features.items():
        if key in COUNTED and isinstance(value, list):
            shown: Any = len(value)
        elif key in SHARES and isinstance(value, (int, float)):
            shown = percent(float(value))
        elif isinstance(value, float):
            shown = number(value)
        else:
            shown = value
        text = t(f"feature.{key}", value=shown)
        found.append(text if text != f"feature.{key}" else f"{label(key)}: {shown}")
    return found


def date_filter(value: Any) -> Any:
    """The `datum` filter of the templates: a date as Dutch text, anything else as it is."""
    return date_text(value) or value


templates.env.filters["datum"] = date_filter
