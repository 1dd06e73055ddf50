"""One settings module: every knob is an environment variable with a working local default."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

#: The repository root (the package is installed editable from here).
ROOT = Path(__file__).resolve().parent.parent
#: The managed server's password for user `neo4j`, generated on first start (in the home).
PASSWORD_FILE = "neo4j-password"


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


@dataclass(frozen=True)
class Settings:
    """Where the graph lives and how Speurnet reaches it."""

    # An existing server (Docker neo4j:5, a cluster, Aura). Unset: the project's own server.
    neo4j_uri: str | None = field(default_factory=lambda: os.environ.get("NEO4J_URI") or None)
    neo4j_user: str = field(default_factory=lambda: _env("NEO4J_USER", "neo4j"))
    neo4j_password: str = field(default_factory=lambda: _env("NEO4J_PASSWORD", ""))
    # Database name inside the server; Community has exactly one user database.
    database: str = field(default_factory=lambda: _env("SPEURNET_DATABASE", "neo4j"))
    # Working folder for the managed server's data, logs and load reports (git-ignored).
    home: Path = field(default_factory=lambda: Path(
        _env("SPEURNET_HOME", str(ROOT / ".speurnet"))).expanduser().resolve())
    # Jars resolved by Maven from server/pom.xml.
    runtime: Path = field(
        default_factory=lambda: Path(_env("SPEURNET_RUNTIME", str(ROOT / "server" / "target")))
    )
    # Loopback only: the managed server is a local development and test server.
    bolt_port: int = field(default_factory=lambda: int(_env("SPEURNET_BOLT_PORT", "7687")))
    # 2 GiB heap + 1 GiB page cache fits a 100k-person municipality with GDS projections on a
    # small machine; page cache + heap above RAM makes Neo4j exit at start.
    heap: str = field(default_factory=lambda: _env("SPEURNET_HEAP", "2g"))
    pagecache: str = field(default_factory=lambda: _env("SPEURNET_PAGECACHE", "1g"))
    # Seconds to wait for Bolt after starting the managed server.
    start_timeout: float = field(default_factory=lambda: float(_env("SPEURNET_START_TIMEOUT", "180")))
    # Seconds to wait for a connection, and to retry a transaction on a passing fault; short, so a
    # page answers 503 soon when Neo4j is down instead of hanging for the driver's default 30 s.
    connect_timeout: float = field(default_factory=lambda: float(_env("SPEURNET_CONNECT_TIMEOUT", "5")))
    retry_time: float = field(default_factory=lambda: float(_env("SPEURNET_RETRY_TIME", "5")))
    # Largest source file a load accepts, in MiB: a bigger one (a wrong export, a runaway file) is
    # refused whole, naming the file, before any row of it is read.
    max_source_mb: float = field(default_factory=lambda: float(_env("SPEURNET_MAX_SOURCE_MB", "4096")))
    # Rows per write transaction for batched loads.
    batch_size: int = field(default_factory=lambda: int(_env("SPEURNET_BATCH_SIZE", "2000")))

    @property
    def managed(self) -> bool:
        """True when Speurnet runs its own server rather than one named by NEO4J_URI."""
        return self.neo4j_uri is None

    @property
    def uri(self) -> str:
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def password_file(self) -> Path:
        return self.home / PASSWORD_FILE

    @property
    def auth(self) -> tuple[str, str] | None:
        """Credentials: the managed server's from its password file (None before its first
        start), a server named by NEO4J_URI's from NEO4J_USER and NEO4J_PASSWORD."""
        if not self.managed:
            return (self.neo4j_user, self.neo4j_password)
        try:
            return ("neo4j", self.password_file.read_text(encoding="utf-8").strip())
        except FileNotFoundError:
            return None


def get_settings() -> Settings:
    """Read the environment now (tests change it between runs)."""
    return Settings()
