"""Look-alike addresses: dwellings whose profile resembles dwellings where a closed case found a
violation (`overtreding`) more than dwellings where one found none.

Every dwelling gets a profile of plain, explainable features (residents and adults per m², family
names, churn, companies, signals, landlord holdings, energy per resident, indicator flags). How
much each feature counts in the distance is learned from the closed cases (the size of its weight
in a logistic model of their outcome), so a feature that does not tell violations apart does not
make addresses look alike. A dwelling without a closed case of its own is scored by its K nearest
inspected dwellings: the similarity-weighted share of them where a violation was found. Inspections at random addresses
that found nothing are the contrast, so an ordinary home scores low however many exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.spatial import cKDTree

from investigations.links.associates import Floats, fit_logistic

K = 7
FEATURES = ("residentsPerM2", "adultsPerM2", "surnames", "arrivals", "shortStays", "companies",
            "housingSignals", "crimeSignals", "ownerHoldings", "kwhPerResident", "flags")
DUTCH = {"residentsPerM2": "bewoners per m²", "adultsPerM2": "volwassenen per m²",
         "surnames": "achternamen", "arrivals": "nieuwe inschrijvingen", "shortStays":
         "korte inschrijvingen", "companies": "bedrijven", "housingSignals": "woonmeldingen",
         "crimeSignals": "meldingen ondermijning/drugs", "ownerHoldings": "woningen van eigenaar",
         "kwhPerResident": "stroom per bewoner", "flags": "indicatoren"}
# Which of a profile's `files` groups (`links/address_profiles`) each feature counts facts of.
FILES = {"residentsPerM2": ("registrations",), "adultsPerM2": ("registrations",),
         "surnames": ("registrations",), "arrivals": ("registrations",),
         "shortStays": ("registrations",), "companies": ("companies",),
         "housingSignals": ("signals",), "crimeSignals": ("signals",),
         "ownerHoldings": ("owners",), "kwhPerResident": ("use", "registrations"),
         "flags": ("flags",)}


def vector(row: dict[str, Any]) -> list[float]:
    """The profile of one `links/address_profiles` row (counts on a log scale)."""
    area = max(15.0, float(row.get("floorArea") or 0))
    residents = int(row.get("residents") or 0)
    kwh = float(row.get("kwh") or 0.0)
    return [
        100 * residents / area, 100 * int(row.get("adults") or 0) / area,
        float(np.log1p(row.get("surnames") or 0)), float(np.log1p(row.get("arrivals") or 0)),
        float(np.log1p(row.get("shortStays") or 0)), float(np.log1p(row.get("companies") or 0)),
        float(np.log1p(row.get("housingSignals") or 0)),
        float(np.log1p(row.get("crimeSignals") or 0)),
        float(np.log1p(row.get("ownerHoldings") or 0)),
        float(np.log1p(kwh / max(1, residents) / 1000)), float(row.get("flags") or 0.0),
    ]


@dataclass
class Match:
    """A dwelling's look-alike score, the violation address it resembles most, and why."""

    key: str
    score: float
    nearest: str
    case: str
    shared: list[str]


def standardise(x: Floats) -> Floats:
    # With an axis, numpy's stubs type std and mean as Any; on rows x features they are 1-d.
    scale: Floats = x.std(axis=0)
    mean: Floats = x.mean(axis=0)
    scale[scale < 1e-9] = 1.0
    return (x - mean) / scale


def score(rows: list[dict[str, Any]]) -> tuple[list[Match], dict[str, float]]:
    """Score every dwelling without a closed case; also the leave-one-out AUC on the cases."""
    if not rows:
        return [], {}
    z = standardise(np.array([vector(r) for r in rows], dtype=float))
    labelled = [i for i, r in enumerate(rows) if r.get("lastCase")]
    y = np.array([rows[i]["lastCase"]["result"] == "overtreding" for i in labelled], dtype=float)
    if y.sum() == 0 or y.sum() == len(y):
        return [], {"cases": float(len(y))}
    # The metric: standardised features scaled by how much they tell the outcomes apart.
    metric = np.abs(fit_logistic(z[labelled], y).weights)
    z = z * metric
    zl = z[labelled]

    tree = cKDTree(zl)
    loo, _ = _knn(tree, y, zl, leave_out=True)
    figures = {"cases": float(len(y)), "violations": float(y.sum()),
               "leaveOneOutAuc": round(_auc(y, loo), 4)}
    known = set(labelled)
    others = [i for i in range(len(rows)) if i not in known]
    if not others:
        return [], figures
    scores, best = _knn(tree, y, z[others])
    out = []
    for i, s, b in zip(others, scores, best):
        if b < 0 or s <= 0:
            continue
        j = labelled[b]
        both = z[i] * z[j] / np.maximum(metric, 1e-9) ** 2  # features where both stand out in the same direction
        shared = [DUTCH[FEATURES[f]] for f in np.argsort(-both)[:3] if both[f] > 0.5]
        out.append(Match(rows[i]["key"], round(float(s), 4), rows[j]["key"],
                         rows[j]["lastCase"]["id"], shared))
    return out, figures


def _knn(tree: cKDTree, y: Floats, points: Floats,
         leave_out: bool = False) -> tuple[Floats, list[int]]:
    """For each point: the similarity-weighted share of violations among its K nearest inspected
    dwellings, and the nearest of them with a violation (-1 when none). With `leave_out` the
    points are the inspected dwellings themselves, each without its own case."""
    k = min(K + int(leave_out), tree.n)
    d, near = tree.query(points, k=k)
    d, near = d.reshape(len(points), k), near.reshape(len(points), k)
    if leave_out:  # drop each point's own entry (or, among exact duplicates, the farthest)
        own = near == np.arange(len(points))[:, None]
        own[~own.any(axis=1), -1] = True
        keep = ~own
        d = d[keep].reshape(len(points), k - 1)
        near = near[keep].reshape(len(points), k - 1)
    w = 1.0 / (1.0 + d)
    hit = y[near] == 1
    scores: Floats = (w * hit).sum(axis=1) / w.sum(axis=1)
    first = np.where(hit.any(axis=1), hit.argmax(axis=1), -1)
    best = [int(near[r, c]) if c >= 0 else -1 for r, c in enumerate(first)]
    return scores, best


def sources(match: Match, profiles: dict[str, dict[str, Any]]) -> list[str]:
    """The files a match's reason and evidence quote: the case's, and those of the facts its
    shared features count at both dwellings."""
    names = {dutch: name for name, dutch in DUTCH.items()}
    found: set[str] = set()
    for key in (match.key, match.nearest):
        profile = profiles.get(key) or {}
        files = profile.get("files") or {}
        for shared in match.shared:
            for group in FILES[names[shared]]:
                found.update(f for f in files.get(group) or [] if f)
    case = (profiles.get(match.nearest) or {}).get("lastCase") or {}
    if case.get("source"):
        found.add(case["source"])
    return sorted(found)


def _auc(y: np.ndarray, s: np.ndarray) -> float:
    pos, neg = s[y == 1], s[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))
