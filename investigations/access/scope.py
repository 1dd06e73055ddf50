"""What one request may see: the user, their role and partner, the stated purpose, identities."""

from __future__ import annotations

import getpass
from collections.abc import Iterable
from dataclasses import dataclass

from investigations.access.policy import Policy
from investigations.access.pseudonyms import Pseudonyms
from investigations.access.sources import SourceInfo, SourceTable
from investigations.errors import Forbidden, PurposeRequired

OPERATOR = "operator"  # the local operator at the command line: full access, audited as such
PURPOSE_MAX = 200


@dataclass(frozen=True)
class Scope:
    """The user behind a request and what they may see under their stated purpose."""

    user: str
    role: str
    team: str | None
    partner: str | None
    purpose: str | None
    identities: bool  # False: persons appear as pseudo:<id>, without BSN, name or birth date
    policy: Policy
    sources: SourceTable
    pseudonyms: Pseudonyms
    reidentified: bool = False  # identities granted on request (X-Reidentify), logged as such

    @property
    def operator(self) -> bool:
        return self.role == OPERATOR

    def may(self, capability: str) -> bool:
        return self.operator or capability in self.policy.role(self.role).may

    def require(self, capability: str) -> None:
        if not self.may(capability):
            raise Forbidden(f"role {self.role} may not {capability.replace('_', ' ')}")

    def require_purpose(self, what: str) -> str:
        """The stated purpose, or a refusal saying how to state one."""
        if not self.purpose:
            raise PurposeRequired(
                f"{what} needs a stated purpose (doelbinding): a case number or reason in the "
                "X-Purpose header, or for pages in the session (POST /session/purpose)")
        return self.purpose

    def sees(self, info: SourceInfo | None) -> bool:
        """May this user see a fact from that source? Derived facts (no source) are visible."""
        if info is None or self.operator:
            return True
        return self.policy.sees(self.role, self.partner, info.partner, info.tier)

    def sees_files(self, files: Iterable[str]) -> bool:
        """May this user see facts of every one of these files (the sources a flag's or a
        prediction's evidence quotes)?"""
        return all(self.sees(self.sources.info(f, None)) for f in files)


def clean_purpose(text: str | None) -> str | None:
    """A stated purpose as stored: trimmed, one line, at most PURPOSE_MAX characters."""
    if text is None:
        return None
    purpose = " ".join(text.split())[:PURPOSE_MAX]
    return purpose or None


def operator_scope(policy: Policy, sources: SourceTable, pseudonyms: Pseudonyms,
                   purpose: str | None = None) -> Scope:
    """The command line's scope: the local operator, full identities, every source."""
    return Scope(f"{OPERATOR}:{getpass.getuser()}", OPERATOR, None, None,
                 purpose or "speurnet command line", True, policy, sources, pseudonyms)
