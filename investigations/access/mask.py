"""`disclose`: the one function every response, investigation result and export passes through.

It does two things to a payload of plain values (dicts, lists, strings):

1. **Withholds facts** the user may not see. A fact is a dict with a `source` dict (`file`,
   `loadId`): a node, a relationship, a timeline event. A hidden fact disappears, and so does
   whatever holds it up to the nearest list (a link whose person is hidden goes as a whole, a row
   with a hidden node goes). The top-level payload keeps its fields (set to None) and says how
   many facts were withheld in `withheld`.
2. **Pseudonymises** when the scope has no identities: every person key (`bsn:…`, `person:…`),
   wherever it appears, becomes `pseudo:<id>`; BSN, name and birth date fields go; free text that
   may name a person (a signal's description, a source row key) goes; a bare nine-digit number
   (a BSN inside a text) is blotted out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from investigations.access.pseudonyms import PERSON_KEY
from investigations.access.scope import Scope

# Properties that identify a person (Person nodes, signal mentions, investigation columns).
IDENTIFYING = frozenset({
    "bsn", "firstNames", "prefix", "surname", "fullName", "birthDate", "gender",
    "personName", "personBirthDate", "ownerBsn", "holderBsn", "voornamen", "geslachtsnaam",
    "geboortedatum",
})
# Free text that may name a person: dropped for pseudonymised users whatever holds it (a
# source row key holds a BSN; `q` is what someone typed into a search, kept in the audit log).
FREE_TEXT = frozenset({"rowKey", "omschrijving", "q"})
FREE_TEXT_BY_KIND = {"Signal": frozenset({"description"}), "Note": frozenset({"text", "body"})}
# Nine digits standing alone, not part of a longer token: the hex of a pseudonym or of a record's
# id (`pseudo:751f7b4ed208331679f0`, `dec-4e123456789f0a1b`) can hold nine digits in a row by
# chance, and must come through whole, or the id no longer names its record.
BARE_BSN = re.compile(r"(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])")
JSON_TEXT = frozenset({"evidence"})  # JSON kept as text (Flag evidence): masked inside


def _hide_bsn(_: re.Match[str]) -> str:
    return "•••••••••"


class _Hidden:
    """Marks a value withheld while walking; never leaves this module."""


HIDDEN = _Hidden()


@dataclass
class Disclosed:
    """A payload as the user may see it, with what was withheld and whom it showed."""

    payload: Any
    withheld: int = 0
    subjects: set[str] = field(default_factory=set)  # real person keys shown (for the audit)


class _Walk:
    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.mask = not scope.identities
        self.out = Disclosed(None)
        self.hidden_ids: set[str] = set()

    def text(self, value: str, shown: bool = True) -> str:
        if shown:
            self.out.subjects.update(PERSON_KEY.findall(value))
        if not self.mask:
            return value
        return BARE_BSN.sub(_hide_bsn, self.scope.pseudonyms.replace_keys(value))

    def hidden(self, value: dict[str, Any]) -> bool:
        source = value.get("source")
        if not isinstance(source, dict) or "file" not in source:
            return False
        info = self.scope.sources.info(source.get("file"), source.get("loadId"))
        if info is not None:
            source["partner"], source["tier"] = info.partner, info.tier
        if self.scope.sees(info):
            return False
        self.out.withheld += 1
        if isinstance(value.get("id"), str):
            self.hidden_ids.add(self.text(value["id"], shown=False))
        return True

    def walk(self, value: Any, kind: str | None = None) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            kept = [self.walk(v) for v in value]
            return [v for v in kept if v is not HIDDEN]
        if isinstance(value, dict):
            return self.walk_dict(value, kind)
        return value

    def walk_dict(self, value: dict[str, Any], kind: str | None) -> Any:
        if self.hidden(value):
            return HIDDEN
        kind = value.get("kind") if isinstance(value.get("kind"), str) else kind
        drop = (IDENTIFYING | FREE_TEXT | FREE_TEXT_BY_KIND.get(kind or "", frozenset())
                if self.mask else frozenset())
        result: dict[str, Any] = {}
        for key, item in value.items():
            if key in drop:
                continue
            if key in JSON_TEXT and isinstance(item, str) and self.mask:
                item = self.json_text(item)
            elif key == "label" and kind == "Person" and self.mask:
                item = value.get("id") or ""
            # Properties of a node are masked by the node's kind (a Person's `properties`).
            walked = self.walk(item, kind if key == "properties" else None)
            if walked is HIDDEN:
                return HIDDEN
            result[key] = walked
        if isinstance(result.get("relationships"), list) and self.hidden_ids:
            result["relationships"] = [
                r for r in result["relationships"] if not isinstance(r, dict)
                or (r.get("start") not in self.hidden_ids and r.get("end") not in self.hidden_ids)]
        return result

    def json_text(self, text: str) -> str:
        try:
            parsed = json.loads(text)
        except ValueError:
            return text
        walked = self.walk(parsed)
        return json.dumps(None if walked is HIDDEN else walked, ensure_ascii=False, default=str)


def disclose(payload: Any, scope: Scope) -> Disclosed:
    """The payload as `scope` may see it (see the module docstring). A dict payload gets
    `withheld` (count of facts left out) and `pseudonymised` fields."""
    walk = _Walk(scope)
    if isinstance(payload, dict):
        result: dict[str, Any] = {}
        for key, item in payload.items():
            walked = walk.walk(item)
            result[key] = None if walked is HIDDEN else walked
        result["withheld"] = walk.out.withheld
        result["pseudonymised"] = walk.mask
        walk.out.payload = result
    else:
        walked = walk.walk(payload)
        walk.out.payload = None if walked is HIDDEN else walked
    return walk.out
