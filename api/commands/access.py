"""`speurnet user|token|audit|privacy`: users and tokens, the audit log, access requests, retention.

Commands act as the local operator (full access) and are written to the audit log as such.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console

from api.commands.errors import catching
from graph.db import Graph
from graph.settings import get_settings
from graph.terms import Role
from investigations import privacy
from investigations.access import audit, audit_chain, users
from investigations.access.policy import load_policy
from investigations.access.pseudonyms import Pseudonyms, secret
from investigations.access.scope import Scope, operator_scope
from investigations.access.sources import read_sources
from investigations.errors import SpeurnetError

user_app = typer.Typer(help="Users: add or update, list.", no_args_is_help=True)
token_app = typer.Typer(help="API tokens: create.", no_args_is_help=True)
audit_app = typer.Typer(help="The audit log: export, verify.", no_args_is_help=True)
privacy_app = typer.Typer(help="Access requests and the retention purge.", no_args_is_help=True)
err = Console(stderr=True)


class Format(str, Enum):
    csv = "csv"
    json = "json"


def operator(graph: Graph, purpose: str) -> Scope:
    """The local operator's scope for one command."""
    pseudonyms = Pseudonyms(secret(get_settings().home))
    return operator_scope(load_policy(), read_sources(graph), pseudonyms, purpose)


# Bad input to these commands (a role that does not exist, an empty password) is a ValueError.
clear = catching(ValueError)


def _fail(exc: SpeurnetError) -> typer.Exit:
    err.print(f"[bold red]speurnet:[/] {exc.message}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


@user_app.command("add")
@clear
def user_add(
    name: Annotated[str, typer.Argument(help="Login name (lower case).")],
    role: Annotated[Role, typer.Option(help=", ".join(Role) + ".")],
    team: Annotated[str | None, typer.Option(help="Team, e.g. wijkteam-oost.")] = None,
    partner: Annotated[str, typer.Option(help="Partner organisation.")] = "gemeente",
) -> None:
    """Add or update a user; the password is read from standard input (empty: keep it)."""
    password = sys.stdin.readline().rstrip("\r\n") if not sys.stdin.isatty() else \
        typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with Graph.connect() as graph:
        try:
            user = users.add_user(graph, name, role.value, password or None, team, partner)
        except SpeurnetError as exc:
            raise _fail(exc) from None
        audit.record(graph, operator(graph, "user administration"), "user-add", name,
                     {"role": role.value, "team": team, "partner": partner})
    err.print(f"User {user.name}: role {user.role}, team {user.team or '-'}, "
              f"partner {user.partner}")


@user_app.command("list")
@clear
def user_list() -> None:
    """Every user with role, team and partner."""
    with Graph.connect() as graph:
        for row in graph.read("access/users"):
            typer.echo(f"{row['name']}\t{row['role']}\t{row['team'] or '-'}\t{row['partner']}")


@token_app.command("create")
@clear
def token_create(name: Annotated[str, typer.Argument(help="The user the token is for.")]) -> None:
    """Create an API token for a user and print it (shown once; only its hash is kept)."""
    with Graph.connect() as graph:
        try:
            token = users.create_token(graph, name)
        except SpeurnetError as exc:
            raise _fail(exc) from None
        audit.record(graph, operator(graph, "user administration"), "token-create", name)
    typer.echo(token)
    err.print(f"Use it as: Authorization: Bearer <token>  (user {name})")


@audit_app.command("export")
@clear
def audit_export(
    fmt: Annotated[Format, typer.Option("--format", help="csv (default) or json lines.")] = Format.csv,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")] = None,
    user: Annotated[str | None, typer.Option(help="Only this user's entries.")] = None,
) -> None:
    """Write the audit log to standard output (for the privacy officer)."""
    start = date.fromisoformat(since) if since else None
    with Graph.connect() as graph:
        audit.record(graph, operator(graph, "audit export"), "audit-export", None,
                     {"since": since, "user": user, "format": fmt.value})
        count = audit.export(graph, sys.stdout, fmt.value, start, user)
    err.print(f"{count} audit entries exported.")


@audit_app.command("verify")
@clear
def audit_verify() -> None:
    """Check the chain: every entry present, its HMAC right, and the end the anchor file names."""
    with Graph.connect() as graph:
        count, problems = audit.verify(graph)
    for problem in problems:
        err.print(f"[bold red]audit:[/] {problem}", highlight=False, soft_wrap=True)
    err.print(audit_chain.describe(get_settings().home), highlight=False, soft_wrap=True)
    err.print(f"{count} entries checked, {len(problems)} problems.")
    if problems:
        raise typer.Exit(1)


@privacy_app.command("person")
@clear
def privacy_person(
    key: Annotated[str, typer.Argument(help="bsn:…, person:… or pseudo:…")],
    purpose: Annotated[str, typer.Option(help="The request, e.g. AVG-verzoek 2026-17.")] = "AVG inzageverzoek",
) -> None:
    """Everything held on one person, as JSON on standard output (an AVG access request)."""
    with Graph.connect() as graph:
        try:
            report = privacy.person_report(graph, operator(graph, purpose), key)
        except SpeurnetError as exc:
            raise _fail(exc) from None
    json.dump(report, sys.stdout, ensure_ascii=False, default=str, indent=2)
    sys.stdout.write("\n")
    counts = ", ".join(f"{k} {len(v)}" for k, v in report.items() if isinstance(v, list))
    err.print(f"{report['person']}: {counts}", highlight=False)


@privacy_app.command("purge")
@clear
def privacy_purge(
    as_of: Annotated[str | None, typer.Option("--as-of", help="Reference date (default today).")] = None,
    dry_run: Annotated[bool, typer.Option(help="Only count what would go.")] = False,
) -> None:
    """Remove facts past their source's retention (bronnen.yml) and what only they supported."""
    when = date.fromisoformat(as_of) if as_of else None
    with Graph.connect() as graph:
        report = privacy.purge(graph, operator(graph, "retention purge"), when, dry_run)
    for file, entry in report.files.items():
        err.print(f"{file}: retention {entry['retention']} (before {entry['cutoff']}"
                  f"{', whole source' if entry['whole'] else ''}): {entry['relationships']} "
                  f"relationships, {entry['nodes']} nodes, {entry.get('orphans', 0)} unsupported "
                  "nodes" + (" would go" if dry_run else " removed"), highlight=False)
    if not report.files:
        err.print("No source has a retention period (bronnen.yml).")


def print_demo_users(graph: Graph, url: str) -> None:
    """Create the demo users (one per role, new passwords and tokens) and say how to log in."""
    made = users.demo_users(graph)
    audit.record(graph, operator(graph, "demo set-up"), "user-add", None,
                 {"demo": [u.name for u, _, _ in made]})
    err.print(f"Demo users (log in at {url}/login; API: Authorization: Bearer <token>):")
    for user, password, token in made:
        err.print(f"  {user.role:<14} {user.name:<20} password {password}  token {token}",
                  highlight=False, soft_wrap=True)
    err.print(f"  API example: curl -H 'Authorization: Bearer <token>' -H 'X-Purpose: demo' "
              f"{url}/api/search?q=kerkstraat", highlight=False, soft_wrap=True)
