"""Errors as application/problem+json: a status, a title and a detail that says what is wrong; no stack traces."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j.exceptions import DriverError, Neo4jError
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.api.security import authenticate_first
from app.graph.driver import WriteConflict, is_conflict, is_unavailable
from app.observability import metrics
from app.query.structured import EntityNotFound, MeetingNotFound

log = logging.getLogger(__name__)
PROBLEM = "application/problem+json"


class Problem(BaseModel):
    """Every error the API answers (RFC 9457)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | list[dict[str, Any]] = Field(
        description="What is wrong; for 422 one {loc, msg, type} per invalid field"
    )


# Inlined into each response (no $ref), so the schema needs no shared component.
PROBLEM_SCHEMA = Problem.model_json_schema()
WHEN = {
    400: "The body could not be read", 401: "No API key, or an unknown or revoked one",
    403: "The API key lacks the scope", 404: "No such item", 409: "A conflicting change; retry shortly",
    413: "The body or transcript is over the limit", 422: "The request is invalid; `detail` names each field",
    429: "Rate limit exceeded; see Retry-After", 503: "The graph database is unreachable; see Retry-After",
    504: "The request took longer than the request timeout",
}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for routes and routers: these statuses, answered as application/problem+json."""
    return {s: {"description": WHEN[s], "content": {PROBLEM: {"schema": PROBLEM_SCHEMA}}} for s in statuses}


# What any route under /api may answer, whatever it does: authentication, limits, validation, an outage.
API_PROBLEMS = problems(400, 401, 403, 413, 422, 429, 503, 504)


def problem(status: int, title: str, detail: object, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        status_code=status,
        content={"type": "about:blank", "title": title, "status": status, "detail": detail},
        media_type=PROBLEM,
        headers=headers,
    )


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and (denied := await _denied(request)) is not None:  # an unreadable body
            return denied
        return problem(exc.status_code, _title(exc.status_code), exc.detail, getattr(exc, "headers", None))

    async def _denied(request: Request) -> JSONResponse | None:
        """The answer a key check gives before the body's own error, if the key is missing, bad or short of scope."""
        try:
            await authenticate_first(request)
        except StarletteHTTPException as exc:
            return await http_error(request, exc)
        return None

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        if (denied := await _denied(request)) is not None:
            return denied
        errors = [
            {"loc": list(e.get("loc", [])), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()
        ]
        return problem(422, "Invalid request", errors)

    @app.exception_handler(EntityNotFound)
    async def entity_not_found(_: Request, exc: EntityNotFound) -> JSONResponse:
        return problem(404, "Not found", f"no entity {exc.args[0]!r}")

    @app.exception_handler(MeetingNotFound)
    async def meeting_not_found(_: Request, exc: MeetingNotFound) -> JSONResponse:
        return problem(404, "Not found", f"no meeting matches {exc.args[0]!r}")

    @app.exception_handler(WriteConflict)
    async def write_conflict(_: Request, exc: WriteConflict) -> JSONResponse:
        return problem(409, "Conflict", str(exc), {"Retry-After": "1"})

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        if is_conflict(exc):
            return await write_conflict(request, WriteConflict("concurrent changes collided; retry shortly"))
        if is_unavailable(exc):
            return problem(503, "Service unavailable", "the graph database is unreachable; retry shortly",
                           {"Retry-After": "5"})
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem(500, "Internal error", "an unexpected error occurred; it has been logged")

    # Registered by class too, so these are answered inside the middleware stack (request id, metrics, logs).
    @app.exception_handler(Neo4jError)
    @app.exception_handler(DriverError)
    @app.exception_handler(OSError)
    async def database_error(request: Request, exc: Exception) -> JSONResponse:
        metrics.NEO4J_ERRORS.labels("unavailable" if is_unavailable(exc) else "other", "api").inc()
        return await unexpected(request, exc)


def _title(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
