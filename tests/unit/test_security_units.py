"""Security pieces without a database: who sees a team investigation, the login throttle."""

from __future__ import annotations

from investigations.access import throttle
from investigations.access.policy import load_policy
from investigations.access.pseudonyms import Pseudonyms
from investigations.access.scope import Scope
from investigations.access.sources import SourceTable
from investigations.access.throttle import Counter, LoginThrottle
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


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_failures_slide_out_of_the_window_and_a_lockout_ends() -> None:
    clock = Clock()
    counter = Counter(3, window=60, lockout=120, clock=clock)
    assert [counter.fail("a"), counter.fail("a")] == [False, False]
    clock.now += 61  # those two no longer count
    assert [counter.fail("a"), counter.fail("a"), counter.fail("a")] == [False, False, True]
    assert counter.wait("a") == 120 and counter.wait("b") == 0
    clock.now += 121
    assert counter.wait("a") == 0 and not counter.fail("a")  # counting starts again


def test_memory_is_bounded_and_the_oldest_go_first() -> None:
    counter = Counter(1, clock=Clock(), max_keys=3)
    for key in "abcd":
        counter.fail(key)
    assert counter.wait("a") == 0 and counter.wait("d") > 0


def test_a_good_login_clears_the_name_not_the_address() -> None:
    clock = Clock()
    logins = LoginThrottle(clock)
    for _ in range(throttle.NAME_FAILURES - 1):
        assert logins.failed("Olga ", "10.0.0.1") == []
    logins.succeeded("olga")
    assert logins.failed("olga", "10.0.0.1") == []  # the name counts from one again
    for n in range(throttle.ADDRESS_FAILURES - throttle.NAME_FAILURES - 1):
        assert logins.failed(f"gok{n}", "10.0.0.1") == []
    assert logins.failed("gok", "10.0.0.1") == ["address"]
    assert logins.wait("wie-dan-ook", "10.0.0.1") > 0 and logins.wait("olga", "10.0.0.2") == 0
