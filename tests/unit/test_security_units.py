"""Security pieces without a database: who sees a team investigation, the login throttle."""

from __future__ import annotations

from investigations.access.policy import load_policy
from investigations.access.pseudonyms import Pseudonyms
from investigations.access.scope import Scope
from investigations.access.sources import SourceTable
from investigations.runner.catalog import Investigation
from investigations.runner.run import may_see


def scope(user: str, team: str | None) -> Scope:
    return Scope(user, "analyst", team, "gemeente", "zaak 1", False, load_policy(),
                 SourceTable([]), Pseudonyms(b"k" * 32))


def saved(owner: str, team: str | None, visibility: str = "team") -> Investigation:
    return Investigation(name="mine", title="Mine", description="", text="RETURN 1", params=(),
                         roles=frozenset({"analyst"}), owner=owner, team=team,
                         visibility=visibility)


def test_a_teamless_user_does_not_see_another_teamless_users_team_investigation() -> None:
    assert not may_see(saved("ann", None), scope("bob", None))
    assert may_see(saved("ann", None), scope("ann", None))  # the owner still does


def test_a_team_investigation_is_seen_by_the_team_only() -> None:
    assert may_see(saved("ann", "oost"), scope("bob", "oost"))
    assert not may_see(saved("ann", "oost"), scope("bob", "west"))
    assert not may_see(saved("ann", "oost"), scope("bob", None))
    assert not may_see(saved("ann", None, "private"), scope("bob", None))
    assert may_see(saved("ann", None, "all"), scope("bob", None))
