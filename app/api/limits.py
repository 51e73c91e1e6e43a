"""Request body size and request time limits, as ASGI middleware (so they hold before a route reads anything)."""

from __future__ import annotations

import asyncio
import json
from http import HTTPStatus

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import PROBLEM


class BodyTooLarge(HTTPException):
    """An HTTPException, so that FastAPI's body parsing passes it on instead of answering 400."""

    def __init__(self, max_bytes: int) -> None:
        detail = f"the request body is larger than the limit of {max_bytes} bytes"
        super().__init__(413, detail, {"Connection": "close"})


async def send_problem(send: Send, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
    """The same problem+json body app/api/errors.py answers with, for middleware that answers before any route."""
    title = HTTPStatus(status).phrase
    body = json.dumps({"type": "about:blank", "title": title, "status": status, "detail": detail}).encode()
    raw_headers = [(b"content-type", PROBLEM.encode()), (b"content-length", str(len(body)).encode())]
    raw_headers += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


class BodySizeLimitMiddleware:
    """413 when Content-Length says the body is too large, or when a streamed body grows past the limit."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        error = BodyTooLarge(self.max_bytes)
        await send_problem(send, error.status_code, error.detail, error.headers)


class RequestTimeoutMiddleware:
    """504 when no response has started within the limit; a response that has started (an SSE stream) runs on."""

    def __init__(self, app: ASGIApp, timeout_s: float) -> None:
        self.app = app
        self.timeout_s = timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.timeout_s <= 0:
            await self.app(scope, receive, send)
            return
        deadline = asyncio.timeout(self.timeout_s)

        async def releasing_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                deadline.reschedule(None)
            await send(message)

        try:
            async with deadline:
                await self.app(scope, receive, releasing_send)
        except TimeoutError:
            if not deadline.expired():
                raise
            await send_problem(send, 504, f"no answer within {self.timeout_s:g} s; retry later")
