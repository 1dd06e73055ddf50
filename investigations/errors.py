"""Domain errors: each carries the HTTP status the API answers with and a clear message.

The API has one handler that turns any of these into `{"detail": message}` with its status; the
CLI prints the message. Messages name the key or parameter at fault, never a stack trace.
"""

from __future__ import annotations


class SpeurnetError(Exception):
    """A refusal or failure the user can act on."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(SpeurnetError):
    status = 404


class BadParameter(SpeurnetError):
    """A parameter that does not fit its type or range; `name` says which."""

    status = 422

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name


class Unauthenticated(SpeurnetError):
    status = 401


class Forbidden(SpeurnetError):
    status = 403


class PurposeRequired(SpeurnetError):
    """Person data, investigations returning persons and exports need a stated purpose."""

    status = 428


class Conflict(SpeurnetError):
    status = 409


class TimedOut(SpeurnetError):
    status = 408
