"""Login throttling: too many failed logins for one user name, or from one client address, and
further attempts are refused for a while, even with the right password.

Kept in memory per process (a restart forgets it; several workers each count their own), which
is enough to turn guessing from thousands of tries an hour into a handful. Refused attempts are
not checked (no scrypt work for the guesser) and not audited one by one: the failure that starts
a lockout is, so the audit log grows by a bounded number of entries whatever the guessing rate.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

WINDOW = 15 * 60.0  # failures counted over this many seconds
LOCKOUT = 15 * 60.0  # and then refused for this long
NAME_FAILURES = 5  # a user mistypes a few times; a guesser needs thousands
# Higher per address: one office (or one proxy) may carry many users' honest mistakes.
ADDRESS_FAILURES = 20
MAX_KEYS = 10_000  # names and addresses remembered; the oldest go first beyond this


@dataclass
class _Record:
    failures: deque[float] = field(default_factory=deque)
    locked_until: float = 0.0


class Counter:
    """Failures per key in a sliding window; `limit` of them lock the key for `lockout` s."""

    def __init__(self, limit: int, window: float = WINDOW, lockout: float = LOCKOUT,
                 clock: Callable[[], float] = time.monotonic, max_keys: int = MAX_KEYS) -> None:
        self.limit, self.window, self.lockout = limit, window, lockout
        self.clock, self.max_keys = clock, max_keys
        self._records: OrderedDict[str, _Record] = OrderedDict()

    def wait(self, key: str) -> float:
        """Seconds until `key` may try again (0: it may now)."""
        record = self._records.get(key)
        return max(0.0, record.locked_until - self.clock()) if record else 0.0

    def fail(self, key: str) -> bool:
        """Count a failure; True when it starts a lockout."""
        now = self.clock()
        record = self._records.pop(key, None) or _Record()
        self._records[key] = record  # most recently failed last: the oldest are dropped first
        while record.failures and record.failures[0] <= now - self.window:
            record.failures.popleft()
        record.failures.append(now)
        self._bound(now)
        if len(record.failures) < self.limit or record.locked_until > now:
            return False
        record.locked_until = now + self.lockout
        record.failures.clear()  # after the lockout the count starts again
        return True

    def clear(self, key: str) -> None:
        self._records.pop(key, None)

    def _bound(self, now: float) -> None:
        """Forget the oldest keys beyond max_keys (locked ones too: memory is bounded first)."""
        while len(self._records) > self.max_keys:
            self._records.popitem(last=False)


class LoginThrottle:
    """Failed logins per user name and per client address (one per app, on `Access`)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.names = Counter(NAME_FAILURES, clock=clock)
        self.addresses = Counter(ADDRESS_FAILURES, clock=clock)
        self._lock = threading.Lock()

    def wait(self, name: str, address: str) -> float:
        """Seconds until this name from this address may try again (0: now)."""
        with self._lock:
            return max(self.names.wait(_name(name)), self.addresses.wait(address))

    def failed(self, name: str, address: str) -> list[str]:
        """Count a failed login; which lockouts it starts ("name", "address"), if any."""
        with self._lock:
            started = [what for what, counter, key in (("name", self.names, _name(name)),
                                                        ("address", self.addresses, address))
                       if counter.fail(key)]
        return started

    def succeeded(self, name: str) -> None:
        """A good login clears its name's failures. Not its address's: a guesser with an account
        of their own could otherwise reset the count between guesses at other names."""
        with self._lock:
            self.names.clear(_name(name))


def _name(name: str) -> str:
    return name.strip().lower()
