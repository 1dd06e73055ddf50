"""Deterministic, unique registry numbers: elfproef BSNs, KvK and vestigingsnummers, BAG keys."""

from __future__ import annotations

import random
from datetime import date
from functools import lru_cache

from .vocab import OUTSIDE_GEMEENTEN


def elfproef(bsn: str) -> bool:
    """True when `bsn` is nine digits whose weighted sum (9..2, and -1 for the last) is 0 mod 11."""
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(bsn[:8], range(9, 1, -1))) - int(bsn[8])
    return total % 11 == 0


class Permutation:
    """Walks the integers of [low, high) once each, in a seeded, random-looking order.

    A keyed Feistel network is a bijection on 2^k values; "cycle walking" (re-applying it until the
    value falls inside the range) keeps it a bijection on the range. So numbers are unique without
    a set of issued ones, at any scale, and consecutive ones show no arithmetic pattern.
    """

    def __init__(self, rng: random.Random, low: int, high: int) -> None:
        self._low = low
        self._m = high - low
        half = ((self._m - 1).bit_length() + 1) // 2
        self._half, self._mask = half, (1 << half) - 1
        self._keys = [rng.getrandbits(32) for _ in range(4)]
        self._i = 0

    def _scramble(self, x: int) -> int:
        """Four Feistel rounds over the two halves of x."""
        left, right = x >> self._half, x & self._mask
        for key in self._keys:
            left, right = right, left ^ ((((right * 0x9E3779B1) ^ key) >> 5) & self._mask)
        return (left << self._half) | right

    def next(self) -> int:
        """Return the next number of the walk."""
        if self._i >= self._m:
            raise RuntimeError("number range exhausted")
        value = self._scramble(self._i)
        while value >= self._m:
            value = self._scramble(value)
        self._i += 1
        return self._low + value


class BsnSequence:
    """Issues unique nine-digit BSNs with a valid elfproef check digit."""

    def __init__(self, rng: random.Random) -> None:
        # A power-of-two range needs no cycle walking: 2^26 prefixes are plenty, and fast.
        self._prefixes = Permutation(rng, 10_000_000, 10_000_000 + 2**26)

    def next(self) -> int:
        """Return the next BSN as an integer (always nine digits)."""
        while True:
            prefix = self._prefixes.next()
            total, rest = 0, prefix
            for weight in range(2, 10):
                total += (rest % 10) * weight
                rest //= 10
            check = total % 11
            if check < 10:  # a remainder of 10 has no single check digit: skip that prefix
                return prefix * 10 + check


class CompanyNumbers:
    """Issues unique KvK numbers (8 digits) and vestigingsnummers (12 digits, leading zeros)."""

    def __init__(self, rng: random.Random) -> None:
        self._kvk = Permutation(rng, 10_000_000, 10_000_000 + 2**26)
        self._vestiging = Permutation(rng, 100_000_000, 1_000_000_000)

    def kvk(self) -> str:
        """Return a new KvK number."""
        return str(self._kvk.next())

    def vestiging(self) -> str:
        """Return a new vestigingsnummer."""
        return f"{self._vestiging.next():012d}"


class OutsideAddresses:
    """Well-formed BAG address keys of other municipalities; `keys` holds those written."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._issued: list[str] = []
        self.keys: set[str] = set()

    def pick(self) -> str:
        """Return an outside address key; sometimes one issued before (people move in groups)."""
        rng = self._rng
        if self._issued and rng.random() < 0.15:
            return self._issued[rng.randrange(len(self._issued))]
        key = f"{rng.choice(OUTSIDE_GEMEENTEN)}20{rng.randrange(10**9, 10**10):010d}"
        self._issued.append(key)
        return key


@lru_cache(maxsize=131_072)  # a century of days: every date repeats across many rows
def iso(day: int) -> str:
    """ISO date of a proleptic ordinal."""
    return date.fromordinal(day).isoformat()
