"""Saved investigations as data: the shipped `.cypher` files and the ones analysts save.

A shipped investigation is `cypher/investigations/<name>.cypher` with a header:

    // name: investigations/residents_over_time
    // description: Who was registered at an address, and when.
    // title: Bewoners van een adres door de tijd
    // roles: officer, case_preparer, analyst
    // persons: yes            (results show persons: a purpose is required)
    // param: nummeraanduiding_id string -- BAG nummeraanduiding van het adres
    // param: since date = 2000-01-01 -- vanaf
    // limit: 1000             (default row limit; a caller may ask for fewer)
    // timeout: 10             (seconds)

Parameter types: string, key (an entity key; a pseudonym is resolved), integer, float, boolean,
date, list (comma-separated strings). A parameter without a default is required.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from graph import queries
from investigations.errors import BadParameter

TYPES = ("string", "key", "integer", "float", "boolean", "date", "list")
DEFAULT_LIMIT = 1000
MAX_LIMIT = 10_000
DEFAULT_TIMEOUT = 10.0
MAX_TIMEOUT = 60.0
NAME = re.compile(r"[a-z][a-z0-9_]{2,60}")
_PARAM = re.compile(r"^(\w+)\s+(\w+)(?:\s*=\s*(.*?))?\s*$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: Any = None
    required: bool = False
    description: str = ""

    def coerce(self, value: Any) -> Any:
        """The value as its declared type, or BadParameter naming this parameter."""
        if value is None or value == "":
            if self.required:
                raise BadParameter(self.name, "is required")
            return self.default
        try:
            return _COERCE[self.type](value)
        except (TypeError, ValueError):
            raise BadParameter(self.name, f"{value!r} is not a {self.type}") from None


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "ja", "1"):
        return True
    if text in ("false", "no", "nee", "0"):
        return False
    raise ValueError(text)


def _integer(value: Any) -> int:
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise ValueError(value)
    return int(str(value).strip()) if not isinstance(value, (int, float)) else int(value)


def _float(value: Any) -> float:
    if isinstance(value, bool):
        raise TypeError(value)
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def _string(value: Any) -> str:
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise TypeError(value)
    text = str(value)
    if len(text) > 1000:
        raise ValueError(value)
    return text


def _list(value: Any) -> list[str]:
    items = value if isinstance(value, list) else str(value).split(",")
    return [_string(v).strip() for v in items if str(v).strip()]


_COERCE = {"string": _string, "key": _string, "integer": _integer, "float": _float,
           "boolean": _boolean, "date": lambda v: date.fromisoformat(str(v)), "list": _list}


@dataclass(frozen=True)
class Investigation:
    name: str
    title: str
    description: str
    text: str
    params: tuple[Param, ...]
    roles: frozenset[str]
    persons: bool = True
    limit: int = DEFAULT_LIMIT
    timeout: float = DEFAULT_TIMEOUT
    owner: str | None = None  # None: shipped with Speurnet
    team: str | None = None
    visibility: str = "all"
    extra: dict[str, Any] = field(default_factory=dict)

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Every declared parameter's value (coerced, defaults filled); unknown names refused."""
        if unknown := sorted(set(given) - {p.name for p in self.params}):
            raise BadParameter(unknown[0], f"is not a parameter of {self.name}")
        return {p.name: p.coerce(given.get(p.name)) for p in self.params}


def parse_param(line: str) -> Param:
    spec, _, description = line.partition(" -- ")
    match = _PARAM.match(spec.strip())
    if not match or match.group(2) not in TYPES:
        raise ValueError(f"param {line!r}: expected `name type [= default] [-- text]`, "
                         f"type one of {', '.join(TYPES)}")
    name, kind, default = match.groups()
    param = Param(name, kind, None, default is None, description.strip())
    if default is not None:
        param = Param(name, kind, param.coerce(default) if default else None, False,
                      description.strip())
    return param


def param_from_row(row: dict[str, Any]) -> Param:
    """A parameter from its stored or posted form ({name, type, default, required, description})."""
    param = Param(**row)
    if param.type not in TYPES or not re.fullmatch(r"[A-Za-z_]\w{0,40}", param.name):
        raise ValueError(f"param {param.name!r}: a name and a type ({', '.join(TYPES)})")
    if param.default is not None:
        param = replace(param, default=param.coerce(param.default), required=False)
    return param


def from_query(query: queries.Query) -> Investigation:
    """A shipped investigation from its named `.cypher` file (repeated `param:` lines kept)."""
    assert query.path is not None
    params = [parse_param(line.split(":", 1)[1].strip())
              for line in query.path.read_text(encoding="utf-8").splitlines()
              if re.match(r"^//\s*param\s*:", line)]
    meta = query.meta
    return Investigation(
        name=query.name.removeprefix("investigations/"), title=meta.get("title", query.name),
        description=query.description, text=query.text, params=tuple(params),
        roles=frozenset(r.strip() for r in meta.get("roles", "analyst").split(",")),
        persons=meta.get("persons", "yes").strip().lower() not in ("no", "nee", "false"),
        limit=min(int(meta.get("limit", DEFAULT_LIMIT)), MAX_LIMIT),
        timeout=min(float(meta.get("timeout", DEFAULT_TIMEOUT)), MAX_TIMEOUT))


@lru_cache(maxsize=1)
def shipped() -> dict[str, Investigation]:
    """The investigations in `cypher/investigations/`, by name."""
    return {inv.name: inv for inv in (from_query(q) for name, q in queries.all_queries().items()
                                      if name.startswith("investigations/"))}
