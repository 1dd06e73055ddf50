"""`disclose`: the one function every response, investigation result and export passes through.

It does three things to a payload of plain values (dicts, lists, strings):

1. **Withholds facts** the user may not see. A fact is a dict with a `source` dict (`file`,
   `loadId`): a node, a relationship, a timeline event. Evidence is a dict with `sources` (the
   files it quotes: a Flag, or a flag as a view shows it; a predicted link's properties, so the
   link goes as a whole): withheld when the user may not see one of them. A hidden fact
   disappears, and so does whatever holds it up to the nearest list (a link whose person is
   hidden goes as a whole, a row with a hidden node goes). The top-level
   payload keeps its fields (set to None) and says how many facts were withheld in `withheld`.
2. **Withholds application records** shown as data: a node whose kind or labels is one of the
   model's APPLICATION_LABELS (a User, an AuditEntry, a Notification that analyst Cypher
   returned) is never a fact, whoever asks. The app's own panels (notes, inbox, audit log) show
   their records as flat dicts (no `properties`), and are not touched.
3. **Pseudonymises** when the scope has no identities, by what the model declares
   (graph/model/ `identifying`): a node or relationship of kind K loses K's identifying
   properties, and K's pseudonym properties (person keys) show as `pseudo:<id>`; a dict of no
   known kind loses the names that identify a person wherever the model declares them, and the
   payload fields of PAYLOAD_IDENTIFYING. Every person key in any text becomes its pseudonym;
   as a last safety net a bare nine-digit number (a BSN inside free text) is blotted out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graph import model, vocabulary
from investigations.access.pseudonyms import PERSON_KEY
from investigations.access.scope import Scope

# Identifying payload fields that are no model property: raw source columns a reject report
# quotes (the BRK and permit files' owner and holder BSN, BRP name and birth date columns, a
# signal's `omschrijving`), and `q`, what someone typed into a search (kept in the audit log).
PAYLOAD_IDENTIFYING = frozenset({
    "ownerBsn", "holderBsn", "voornamen", "geslachtsnaam", "geboortedatum", "omschrijving", "q",
})
# JSON kept as text (Flag and PREDICTED_LINK evidence): where the holder's kind is unknown (a
# flag as a view lists it) it is masked inside instead of dropped.
JSON_TEXT = frozenset({"evidence"})
APPLICATION = frozenset(model.APPLICATION_LABELS)
# Nine digits standing alone, not part of a longer token: the hex of a pseudonym or of a record's
# id (`pseudo:751f7b4ed208331679f0`, `dec-4e123456789f0a1b`) can hold nine digits in a row by
# chance, and must come through whole, or the id no longer names its record.
BARE_BSN = re.compile(r"(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])")


@lru_cache(maxsize=1)
def _everywhere() -> frozenset[str]:
    """Property names that identify a person on every label and type declaring them (`bsn`,
    `fullName`, `rowKey`), so they go from a dict whatever holds it; pseudonym keys excepted
    (their values are pseudonymised as text)."""
    found = set(PAYLOAD_IDENTIFYING)
    for name in vocabulary.identifying_names() - JSON_TEXT:
        holders = vocabulary.holders(name)
        if all(name in e.identifying() and name not in e.pseudonyms() for e in holders):
            found.add(name)
    return frozenset(found)


@lru_cache(maxsize=64)
def _drops(kind: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """(properties dropped, person-key properties pseudonymised) in a dict of this kind."""
    element = vocabulary.elements().get(kind or "")
    if element is None:
        return _everywhere(), frozenset()
    pseudonyms = element.pseudonyms()
    return (element.identifying() - pseudonyms) | _everywhere(), pseudonyms


def _element_of(value: dict[str, Any]) -> str | None:
    """The model label (`kind`) or relationship type (`type`) a dict shows, if it shows one."""
    for key, relationship in (("kind", False), ("type", True)):
        name = value.get(key)
        element = vocabulary.elements().get(name) if isinstance(name, str) else None
        if element is not None and element.relationship is relationship:
            return element.name
    return None


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
        if not (self.application(value) or self.unseen_source(value)
                or self.unseen_evidence(value)):
            return False
        self.out.withheld += 1
        if isinstance(value.get("id"), str):
            self.hidden_ids.add(self.text(value["id"], shown=False))
        return True

    def unseen_source(self, value: dict[str, Any]) -> bool:
        source = value.get("source")
        if not isinstance(source, dict) or "file" not in source:
            return False
        info = self.scope.sources.info(source.get("file"), source.get("loadId"))
        if info is not None:
            source["partner"], source["tier"] = info.partner, info.tier
        return not self.scope.sees(info)

    def unseen_evidence(self, value: dict[str, Any]) -> bool:
        """Evidence quoting a source the user may not see (a flag's `sources`)."""
        files = value.get("sources")
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            return False
        return not self.scope.sees_files(files)

    @staticmethod
    def application(value: dict[str, Any]) -> bool:
        """A graph node of an application label (User, AuditEntry, Notification, ...) shown as
        data: a node as investigations/explore/nodes.py shows one (kind and `properties`), or
        with its `labels`. The app's panels show their own records flat (a note is `kind`,
        `text`, `author`): those are not data facts, and pass."""
        kind, labels = value.get("kind"), value.get("labels")
        if isinstance(kind, str) and kind in APPLICATION and isinstance(
                value.get("properties"), dict):
            return True
        return isinstance(labels, list) and any(
            isinstance(label, str) and label in APPLICATION for label in labels)

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
        # A node's `properties` are masked by the node's kind, a relationship's by its type.
        own = _element_of(value)
        kind = own or kind
        drop, pseudonyms = _drops(kind) if self.mask else (frozenset(), frozenset())
        result: dict[str, Any] = {}
        for key, item in value.items():
            if key in drop:
                continue
            if key in pseudonyms and isinstance(item, str) and not PERSON_KEY.fullmatch(item):
                continue  # a person key property holding no key: nothing to pseudonymise
            if key in JSON_TEXT and isinstance(item, str) and self.mask:
                item = self.json_text(item)
            elif key == "label" and kind == "Person" and self.mask:
                item = value.get("id") or ""
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
