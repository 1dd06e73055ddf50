"""Scores from flags, and their calibration on case outcomes (pure functions, no graph).

A subject's score is a noisy-OR of its flags: `1 - exp(-sum(weight[name] * strength))`. It is 0
without flags, grows with every flag, stays below 1, and each flag's share of the sum is its part
in the explanation. The same form, plus a base rate, is the model fitted on closed cases:
P(violation) = 1 - exp(-(bias + sum(w * strength))) (a complementary log-log model). The bias
absorbs how often an inspection finds something anyway; it is not part of any subject's score.
Weights are shrunk towards the declared priors, so a few outcomes move them a little and many
outcomes move them a lot.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.optimize import minimize

from graph.terms import protected_term

# A flag from a step that declares no prior weight (a network or link-prediction step, say)
# counts as supporting evidence: alone at full strength it scores 0.55, which puts it on a list
# for review but below any combination of two specific indicators.
DEFAULT_WEIGHT = 0.8
# Penalty per unit of squared distance from a prior: moving a weight by 1 must be worth about
# five cleanly contrary outcomes, so a handful of cases nudges and dozens decide. Below ten
# outcomes nothing is fitted at all (see MIN_EXAMPLES).
PRIOR_STRENGTH = 5.0
MIN_EXAMPLES = 10
# No single flag may decide alone with certainty: exp(-5) leaves 0.7% doubt at full strength.
MAX_WEIGHT = 5.0



class ProtectedFeature(ValueError):
    """A feature is, or reads, a protected attribute."""


def check_features(features: Mapping[str, Iterable[str]]) -> None:
    """Refuse a feature set in which a name or a fact it reads is a protected attribute
    (graph/terms.py: never a feature, DESIGN's lawful use)."""
    for name, facts in features.items():
        for text in (name, *facts):
            term = protected_term(text)
            if term:
                raise ProtectedFeature(f"feature {name!r} uses protected attribute {term!r}")


def weight_of(name: str, weights: Mapping[str, float], default: float = DEFAULT_WEIGHT) -> float:
    return weights.get(name, default)


def contributions(flags: Mapping[str, float], weights: Mapping[str, float],
                  default: float = DEFAULT_WEIGHT) -> list[tuple[str, float]]:
    """Each flag's weighted strength, largest first: the explanation of a score."""
    parts = [(name, weight_of(name, weights, default) * s) for name, s in flags.items()]
    return sorted(parts, key=lambda p: (-p[1], p[0]))


def score(flags: Mapping[str, float], weights: Mapping[str, float],
          default: float = DEFAULT_WEIGHT) -> float:
    """The noisy-OR score of a subject's flags (0 without flags)."""
    return 1.0 - math.exp(-sum(part for _, part in contributions(flags, weights, default)))


@dataclass(frozen=True)
class Example:
    """A subject a closed case judged: its flags in this run and whether a violation was found."""

    key: str
    flags: Mapping[str, float]
    violation: bool


@dataclass
class Calibration:
    """The weights a run scores with, and what they were learned from."""

    weights: dict[str, float]
    priors: dict[str, float]
    bias: float = 0.0
    examples: int = 0
    violations: int = 0
    learned: list[str] = field(default_factory=list)  # names the outcomes informed
    default: float = DEFAULT_WEIGHT

    def figures(self) -> dict[str, Any]:
        """What the analysis run keeps: enough to reproduce and audit every score."""
        return {"weights": {k: round(v, 4) for k, v in sorted(self.weights.items())},
                "priors": dict(sorted(self.priors.items())), "bias": round(self.bias, 4),
                "examples": self.examples, "violations": self.violations,
                "learned": self.learned, "defaultWeight": self.default}


def _loss(theta: np.ndarray, x: np.ndarray, y: np.ndarray, prior: np.ndarray,
          strength: float) -> tuple[float, np.ndarray]:
    """Penalised negative log-likelihood of the cloglog model and its gradient."""
    bias, w = theta[0], theta[1:]
    eta = np.maximum(bias + x @ w, 1e-9)
    nll = float(np.sum(-y * np.log(-np.expm1(-eta)) + (1 - y) * eta))
    d_eta = -y / np.expm1(eta) + (1 - y)
    grad = np.concatenate(([d_eta.sum()], x.T @ d_eta))
    nll += strength * float(np.sum((w - prior) ** 2))
    grad[1:] += 2 * strength * (w - prior)
    return nll, grad


def fit(examples: Sequence[Example], priors: Mapping[str, float], names: Iterable[str] = (),
        default: float = DEFAULT_WEIGHT, strength: float = PRIOR_STRENGTH) -> Calibration:
    """Calibrate the weights of `names` (and every name the examples carry) on case outcomes.

    Names without a prior start from `default`; names no example carries keep their prior.
    """
    start = {n: priors.get(n, default) for n in {*names, *(k for e in examples for k in e.flags)}}
    calibration = Calibration(dict(start), dict(priors), examples=len(examples),
                              violations=sum(e.violation for e in examples), default=default)
    seen = sorted({k for e in examples for k, v in e.flags.items() if v > 0})
    if len(examples) < MIN_EXAMPLES or not seen:
        return calibration
    x = np.array([[e.flags.get(n, 0.0) for n in seen] for e in examples], dtype=float)
    y = np.array([1.0 if e.violation else 0.0 for e in examples])
    prior = np.array([start[n] for n in seen])
    rate = min(max(y.mean(), 0.01), 0.99)
    theta0 = np.concatenate(([-math.log(1 - rate)], prior))
    bounds = [(1e-4, 10.0)] + [(0.0, MAX_WEIGHT)] * len(seen)
    result = minimize(_loss, theta0, args=(x, y, prior, strength), jac=True, method="L-BFGS-B",
                      bounds=bounds)
    calibration.bias = float(result.x[0])
    calibration.weights.update({n: float(w) for n, w in zip(seen, result.x[1:], strict=True)})
    calibration.learned = seen
    return calibration
