"""What a curation action can refuse, with the HTTP status each maps to."""

from __future__ import annotations


class AdminError(Exception):
    status = 400

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(AdminError):
    status = 404


class Invalid(AdminError):
    status = 422


class Conflict(AdminError):
    status = 409
