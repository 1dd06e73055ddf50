"""Shared set-up for the API and lawful-use tests: the hand-made town, users and their tokens.

One town per test module (loading it takes seconds; the tests only read, or add what they check),
with a `bronnen.yml` that makes the signals a private police source, so partner and tier filtering
has something to withhold. Users: one per role at the municipality, plus a police officer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph import schema
from graph.db import Graph
from graph.settings import Settings
from investigations.access import users
from loaders.load import load
from tests.town import write_town

PASSWORD = "wachtwoord-voor-tests"
PURPOSE = "zaak Z-2026-041"
BRONNEN = """
meldingen.csv: {partner: politie, tier: private, retention: 1y}
zaken.csv: {partner: gemeente, tier: closed}
bag_verblijfsobjecten.csv: {partner: gemeente, tier: open}
"""
# Who is who in the town (tests/town.py), to look for in what pseudonymised users receive.
BSNS = ("123456782", "111222333", "999999990")
NAMES = ("Jan van der Berg", "J. van der Berg", "Piet Jansen", "Fatma Yilmaz", "Jan vd Berg",
         "Jansen", "Yilmaz", "van der Berg")
BIRTH_DATES = ("1981-03-04", "1990-01-01", "1975-06-30")
USERS = {  # name: (role, partner)
    "olga": ("officer", "gemeente"), "anna": ("analyst", "gemeente"),
    "cas": ("case_preparer", "gemeente"), "adam": ("admin", "gemeente"),
    "paul": ("case_preparer", "politie"),
}


@dataclass
class Town:
    graph: Graph
    client: TestClient
    tokens: dict[str, str]

    def headers(self, user: str, purpose: str | None = PURPOSE, **extra: str) -> dict[str, str]:
        found = {"Authorization": f"Bearer {self.tokens[user]}", **extra}
        if purpose:
            found["X-Purpose"] = purpose
        return found

    def get(self, user: str, path: str, purpose: str | None = PURPOSE, **kwargs: object):  # type: ignore[no-untyped-def]
        return self.client.get(path, headers=self.headers(user, purpose), **kwargs)  # type: ignore[arg-type]

    def post(self, user: str, path: str, purpose: str | None = PURPOSE, **kwargs: object):  # type: ignore[no-untyped-def]
        return self.client.post(path, headers=self.headers(user, purpose), **kwargs)  # type: ignore[arg-type]

    def audit(self) -> list[dict[str, object]]:
        return self.graph.read("access/audit_entries", fromSeq=0, since=None, user=None,
                               subject=None, limit=100000)


def load_town(graph: Graph, folder: Path, bronnen: str | None = BRONNEN) -> None:
    graph.autocommit("admin/wipe")
    schema.install(graph)
    write_town(folder)
    if bronnen:
        (folder / "bronnen.yml").write_text(bronnen, encoding="utf-8")
    load(graph, folder, folder.parent / "reports")


def make_users(graph: Graph) -> dict[str, str]:
    tokens = {}
    for name, (role, partner) in USERS.items():
        users.add_user(graph, name, role, PASSWORD, team=f"team-{partner}", partner=partner)
        tokens[name] = users.create_token(graph, name)
    return tokens


@pytest.fixture(scope="module", name="town")
def town_fixture(session_graph: Graph, settings: Settings,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Town]:
    """The town loaded once for the module, its users, and a client of a fresh app."""
    load_town(session_graph, tmp_path_factory.mktemp("town") / "town")
    tokens = make_users(session_graph)
    with TestClient(create_app(settings)) as client:
        yield Town(session_graph, client, tokens)
