"""A Fellegi-Sunter scoring engine run over declared comparisons (splink's model, in small).

A `Comparison` sorts a pair of records into one of its `Level`s (exact, typo, different...).
Each level has m = P(level | same entity) and u = P(level | different entities); a pair's
evidence is the sum of log2(m/u) over its comparisons, plus the prior odds of a match. u comes
from random pairs of the data (or EM), m from declared priors (or EM on candidate pairs), and
exact agreement on a value takes that value's share of the reference records as its u, so a rare
surname counts for more than `de Jong` (term frequencies).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import numpy as np

R = TypeVar("R")
Vector = tuple[int, ...]
NULL = -1  # a comparison had nothing to compare (a value missing): it weighs nothing


@dataclass(frozen=True)
class Level:
    """One outcome of a comparison, with its prior m probability."""

    name: str
    m: float
    u: float = 0.0  # prior u, for data too small to estimate it from (0: uniform)
    tf: bool = False  # exact agreement: u from how common the shared value is


@dataclass(frozen=True)
class Comparison(Generic[R]):
    """A named comparison: `compare` returns a level index, or NULL when a value is missing."""

    name: str
    levels: tuple[Level, ...]
    compare: Callable[[R, R], int]
    term: Callable[[R], str] | None = None  # the value term frequencies count


@dataclass
class Model(Generic[R]):
    """Comparisons with their m and u probabilities and the prior probability of a match."""

    comparisons: tuple[Comparison[R], ...]
    prior: float
    m: list[list[float]] = field(default_factory=list)
    u: list[list[float]] = field(default_factory=list)
    terms: list[dict[str, float]] = field(default_factory=list)  # value -> share of records

    def __post_init__(self) -> None:
        if not self.m:
            self.m = [[level.m for level in c.levels] for c in self.comparisons]
        if not self.u:
            self.u = [[level.u or 1.0 / len(c.levels) for level in c.levels]
                      for c in self.comparisons]
        if not self.terms:
            self.terms = [{} for _ in self.comparisons]

    def vector(self, a: R, b: R) -> Vector:
        """The level of every comparison for the pair (a, b)."""
        return tuple(c.compare(a, b) for c in self.comparisons)

    def _u(self, index: int, level: int, a: R) -> float:
        comparison = self.comparisons[index]
        if comparison.term is not None and comparison.levels[level].tf:
            # Agreeing on a value that few reference records share is stronger evidence than
            # agreeing on a common one: u is that value's share (splink's term frequencies).
            share = self.terms[index].get(comparison.term(a))
            if share:
                return share
        return self.u[index][level]

    def bits(self, vector: Vector, a: R) -> list[float]:
        """log2 Bayes factor of each comparison (0 for NULL)."""
        return [0.0 if level == NULL else math.log2(self.m[i][level] / self._u(i, level, a))
                for i, level in enumerate(vector)]

    def probability(self, vector: Vector, a: R) -> float:
        """Posterior probability that the pair is one entity."""
        weight = math.log2(self.prior / (1.0 - self.prior)) + sum(self.bits(vector, a))
        weight = max(min(weight, 60.0), -60.0)
        return 1.0 - 1.0 / (1.0 + math.pow(2.0, weight))

    def explain(self, vector: Vector, a: R) -> list[str]:
        """Each comparison's level and its weight in bits, e.g. `surname exact (+9.1)`."""
        return [f"{c.name} {'missing' if level == NULL else c.levels[level].name} ({bits:+.1f})"
                for c, level, bits in zip(self.comparisons, vector, self.bits(vector, a))]

    def count_terms(self, records: Iterable[R]) -> None:
        """Term frequencies of the tf comparisons' values among `records` (the reference set)."""
        items = list(records)
        for i, comparison in enumerate(self.comparisons):
            if comparison.term is None:
                continue
            counts = Counter(comparison.term(r) for r in items)
            counts.pop("", None)
            total = sum(counts.values())
            if total:
                self.terms[i] = {value: n / total for value, n in counts.items()}

    def estimate_u(self, pairs: Iterable[tuple[R, R]], weight: float = 1000.0) -> int:
        """u of every level from pairs that are almost all non-matches (random pairs).

        The declared u counts as `weight` pseudo-pairs, so a small data set (a test town of
        three persons) cannot make a rare agreement look common.
        """
        counts = [[0] * len(c.levels) for c in self.comparisons]
        seen = 0
        for a, b in pairs:
            seen += 1
            for i, level in enumerate(self.vector(a, b)):
                if level != NULL:
                    counts[i][level] += 1
        for i, row in enumerate(counts):
            total = sum(row)
            prior = self.u[i]
            self.u[i] = [(n + weight * u0) / (total + weight) for n, u0 in zip(row, prior)]
        return seen

    def train(self, vectors: Sequence[Vector], iterations: int = 25) -> None:
        """Expectation-maximisation of m, u and the prior over candidate pairs (unlabelled)."""
        if not vectors:
            return
        data = np.array(vectors, dtype=np.int64)
        prior = min(max(self.prior, 1e-4), 0.5)
        for _ in range(iterations):
            log_m = np.zeros(len(data))
            log_u = np.zeros(len(data))
            for i in range(len(self.comparisons)):
                column = data[:, i]
                valid = column != NULL
                m = np.log(np.array(self.m[i]))
                u = np.log(np.array(self.u[i]))
                log_m[valid] += m[column[valid]]
                log_u[valid] += u[column[valid]]
            odds = np.log(prior / (1 - prior)) + log_m - log_u
            p = 1.0 / (1.0 + np.exp(-np.clip(odds, -60, 60)))
            prior = float(np.clip(p.mean(), 1e-6, 1 - 1e-6))
            for i, comparison in enumerate(self.comparisons):
                column = data[:, i]
                levels = len(comparison.levels)
                hits = np.array([p[column == lv].sum() for lv in range(levels)])
                misses = np.array([(1 - p)[column == lv].sum() for lv in range(levels)])
                self.m[i] = list((hits + 1e-3) / (hits.sum() + 1e-3 * levels))
                self.u[i] = list((misses + 1e-3) / (misses.sum() + 1e-3 * levels))
        self.prior = prior


def random_pairs(left: Sequence[R], right: Sequence[R], count: int,
                 seed: int = 0) -> Iterable[tuple[R, R]]:
    """Up to `count` distinct random (left, right) pairs, for estimating u (a fixed seed)."""
    total = len(left) * len(right)
    if total == 0:
        return
    rng = random.Random(seed)
    picks = range(total) if total <= count else rng.sample(range(total), count)
    for pick in picks:
        a, b = left[pick // len(right)], right[pick % len(right)]
        if a is not b:
            yield a, b
