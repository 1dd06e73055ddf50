"""The access policy (`policy.yml`, one file): roles, what each may do, identities, tiers, covenants.

A fact (node or relationship) carries the file it came from; the file's `Load` says which partner
supplied it and its tier. A user sees an `open` fact always, a `closed` fact when its partner is
their own or shares closed sources with theirs (a covenant), a `private` fact only when its
partner is their own; and only tiers their role is cleared for.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from graph.provenance import TIERS
from graph.terms import ROLES

# `aggregates`: the neighbourhood figures, which hold no personal data (small counts suppressed).
CAPABILITIES = ("view", "search", "investigate", "export", "write_cypher", "reidentify", "audit",
                "manage", "aggregates")
IDENTITIES = ("always", "on_request", "never")
POLICY_FILE = Path(__file__).with_name("policy.yml")


class PolicyError(ValueError):
    """policy.yml says something that cannot be right."""


@dataclass(frozen=True)
class RolePolicy:
    name: str
    may: frozenset[str]
    identities: str
    tiers: frozenset[str]


@dataclass(frozen=True)
class Policy:
    roles: dict[str, RolePolicy]
    covenants: dict[str, frozenset[str]]
    pseudonymous_purposes: tuple[str, ...]

    def role(self, name: str) -> RolePolicy:
        try:
            return self.roles[name]
        except KeyError:
            raise PolicyError(f"unknown role {name!r} (known: {', '.join(self.roles)})") from None

    def sees(self, role: str, partner: str | None, source_partner: str, tier: str) -> bool:
        """May a user of `role` at `partner` see a fact from `source_partner`'s `tier` source?"""
        if tier not in self.role(role).tiers:
            return False
        if tier == "open":
            return True
        if partner == source_partner:
            return True
        return tier == "closed" and partner in self.covenants.get(source_partner, frozenset())

    def pseudonymous_purpose(self, purpose: str | None) -> bool:
        """True for a purpose that needs no identities (statistics, policy, monitoring)."""
        first = (purpose or "").strip().lower()
        return any(first.startswith(word) for word in self.pseudonymous_purposes)

    def identities(self, role: str, purpose: str | None, reidentify: bool) -> bool:
        """Does this request see identities (BSN, names, birth dates) or pseudonyms?"""
        level = self.role(role).identities
        if level == "never" or not purpose or self.pseudonymous_purpose(purpose):
            return False
        return level == "always" or (level == "on_request" and reidentify)


def parse(data: object) -> Policy:
    """Check and build a policy; every role of Speurnet must be declared."""
    if not isinstance(data, dict):
        raise PolicyError("policy.yml: expected roles, covenants and pseudonymous_purposes")
    roles: dict[str, RolePolicy] = {}
    for name, entry in (data.get("roles") or {}).items():
        may = frozenset(entry.get("may") or [])
        tiers = frozenset(entry.get("tiers") or [])
        identities = entry.get("identities", "never")
        if unknown := may - set(CAPABILITIES):
            raise PolicyError(f"role {name}: unknown capability {sorted(unknown)}")
        if unknown := tiers - set(TIERS):
            raise PolicyError(f"role {name}: unknown tier {sorted(unknown)}")
        if identities not in IDENTITIES:
            raise PolicyError(f"role {name}: identities must be one of {IDENTITIES}")
        # Cypher can compute around any masking (substring of a name), so writing it is only
        # for roles cleared to see identities (the lawful-use issue).
        if "write_cypher" in may and identities == "never":
            raise PolicyError(f"role {name}: write_cypher needs a role cleared for identities")
        roles[name] = RolePolicy(name, may, identities, tiers)
    if missing := set(ROLES) - set(roles):
        raise PolicyError(f"policy.yml: roles {sorted(missing)} are not declared")
    covenants = {str(k): frozenset(map(str, v or [])) for k, v in (data.get("covenants") or {}).items()}
    words = tuple(str(w).lower() for w in data.get("pseudonymous_purposes") or [])
    return Policy(roles, covenants, words)


@lru_cache(maxsize=4)
def load_policy(path: Path = POLICY_FILE) -> Policy:
    """The policy in `path` (read once per process)."""
    return parse(yaml.safe_load(path.read_text(encoding="utf-8")))
