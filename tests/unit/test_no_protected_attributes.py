"""No field for nationality, origin, ethnicity or religion exists: not in the model, not in any
statement (so no analysis or investigation can read one), not in what the API shows."""

from __future__ import annotations

import re

from graph import model, queries
from graph.terms import is_protected


def test_the_model_declares_no_protected_attribute() -> None:
    for cls in model.NODE_CLASSES:
        for name in cls.defined_properties(aliases=False, rels=True):
            assert not is_protected(name), f"{cls.__name__}.{name}"
    for rel in (model.Registration, model.Establishment, model.Role, model.Ownership,
                model.Link, model.SameAs, model.AddressMatch):
        for name in rel.defined_properties(aliases=False):
            assert not is_protected(name), f"{rel.__name__}.{name}"


def test_no_statement_reads_or_writes_a_protected_attribute() -> None:
    for name, query in queries.all_queries().items():
        # property access or map keys only: words in descriptions are not features
        used = re.findall(r"\.\s*(\w+)|(\w+)\s*:", query.text)
        for prop in {p for pair in used for p in pair if p}:
            assert not is_protected(prop), f"{name}: {prop}"
