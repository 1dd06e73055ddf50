"""Users, passwords and API tokens.

Passwords are hashed with scrypt (standard library, memory-hard; n=2**14, r=8, p=1 is the
interactive-login setting of the scrypt paper). A token is 32 random bytes shown once; only its
SHA-256 is stored: a token is already high-entropy, so a fast hash suffices and the lookup is one
indexed match.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from graph.db import Graph
from graph.terms import ROLES
from investigations.errors import BadParameter, NotFound

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
TOKEN_PREFIX = "spn_"
NAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,39}")
MIN_PASSWORD = 10


@dataclass(frozen=True)
class User:
    name: str
    role: str
    team: str | None
    partner: str | None
    session_epoch: int = 0


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def check_password(password: str, stored: str | None) -> bool:
    """Constant-time check of a password against its stored scrypt hash."""
    try:
        scheme, n, r, p, salt, digest = (stored or "").split("$")
        if scheme != "scrypt":
            return False
        found = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n),
                               r=int(r), p=int(p))
    except ValueError:
        return False
    return hmac.compare_digest(found, base64.b64decode(digest))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _user(row: dict[str, Any]) -> User:
    return User(row["name"], row["role"], row.get("team"), row.get("partner"),
                int(row.get("sessionEpoch") or 0))


def add_user(graph: Graph, name: str, role: str, password: str | None, team: str | None = None,
             partner: str | None = None) -> User:
    """Create (or update) a user; without a password an existing one keeps theirs. A new
    password (a change or a reset) ends every earlier page session and deletes the user's API
    tokens: whoever held the old password may have made them."""
    if not NAME.fullmatch(name):
        raise BadParameter("name", "2-40 characters: lower-case letters, digits, . _ -")
    if role not in ROLES:
        raise BadParameter("role", f"one of {', '.join(ROLES)}")
    if password is not None and len(password) < MIN_PASSWORD:
        raise BadParameter("password", f"at least {MIN_PASSWORD} characters")
    row = graph.write("access/user_write", userName=name, role=role, team=team or None,
                      partner=partner or "gemeente", at=datetime.now(UTC),
                      passwordHash=hash_password(password) if password else None)[0]
    return _user(row)


def create_token(graph: Graph, name: str) -> str:
    """A new API token for user `name` (printed once; only its hash is kept)."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    if not graph.write("access/token_write", userName=name, tokenHash=token_hash(token),
                       at=datetime.now(UTC)):
        raise NotFound(f"no user {name}")
    return token


def user_by_token(graph: Graph, token: str) -> User | None:
    if not token.startswith(TOKEN_PREFIX):
        return None
    rows = graph.read("access/token_user", tokenHash=token_hash(token))
    return _user(rows[0]) if rows and rows[0]["active"] else None


def user_by_name(graph: Graph, name: str) -> User | None:
    rows = graph.read("access/user_get", userName=name)
    return _user(rows[0]) if rows and rows[0]["active"] else None


def login(graph: Graph, name: str, password: str) -> User | None:
    """The user when name and password match, else None (same answer for either mistake)."""
    rows = graph.read("access/user_get", userName=name)
    if not rows:
        hash_password(password)  # spend the same time, so timing does not tell names apart
        return None
    if not rows[0]["active"] or not check_password(password, rows[0]["passwordHash"]):
        return None
    return _user(rows[0])


def logout(graph: Graph, name: str) -> None:
    graph.write("access/user_logout", userName=name)


DEMO_ROLES = ROLES


def demo_users(graph: Graph) -> list[tuple[User, str, str]]:
    """One demo user per role (`demo-<role>`, team `demo`, partner gemeente): (user, password,
    token). Passwords and tokens are new on every call, so the demo prints working ones."""
    made = []
    for role in DEMO_ROLES:
        password = secrets.token_urlsafe(12)
        user = add_user(graph, f"demo-{role.replace('_', '-')}", role, password, team="demo",
                        partner="gemeente")
        made.append((user, password, create_token(graph, user.name)))
    return made
