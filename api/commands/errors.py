"""One way every command fails: a clear line on standard error and exit 1, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import typer
from rich.console import Console

from graph.db import GraphUnavailable, QueryFailed
from graph.server import ServerError
from investigations.errors import SpeurnetError
from investigations.matching.judgements import JudgementError
from loaders.read import SourceError

# Failures a user can act on: their messages name the file, key, port or setting at fault.
USER_ERRORS: tuple[type[Exception], ...] = (
    ServerError, GraphUnavailable, QueryFailed, SpeurnetError, JudgementError, SourceError)
err = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])


def catching(*extra: type[Exception]) -> Callable[[F], F]:
    """A decorator like `clear_errors` that also treats `extra` exceptions as the user's to fix."""
    caught = USER_ERRORS + extra

    def decorate(func: F) -> F:
        @wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return func(*args, **kwargs)
            except caught as exc:
                err.print(f"[bold red]speurnet:[/] {exc}", highlight=False, soft_wrap=True)
                raise typer.Exit(1) from None

        return wrapper  # type: ignore[return-value]

    return decorate


#: Known failures as one clear line on stderr and a non-zero exit, not a traceback.
clear_errors = catching()
