"""Errors raised by services, in words a person can act on.

Pages show them in the error summary; the API answers ``{"detail": message}`` with the
status each one names.
"""


class DomainError(Exception):
    status_code = 400

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotAllowed(DomainError):
    status_code = 403


class Conflict(DomainError):
    status_code = 409


class InvalidInput(DomainError):
    """Well-formed input that names something that does not exist, such as an unknown code."""

    status_code = 422
