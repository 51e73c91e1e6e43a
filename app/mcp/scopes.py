"""API keys over MCP's HTTP transport: the same keys, scopes and rate limits as REST.

`McpKeyGate` wraps the mounted MCP app: every request needs a key with the read scope (401/403/429 otherwise,
answered as REST does); the key is kept on the request so tools that write can check the write scope.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import HTTPException
from fastapi.security import HTTPAuthorizationCredentials
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ToolError
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.errors import problem
from app.api.security import Require
from app.security.keys import ApiKey
from app.security.keys import Scope as KeyScope

_authorize_read = Require(KeyScope.READ)


class McpKeyGate:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        try:
            api_key = await _authorize_read(request, _bearer(request), request.headers.get("x-api-key"))
        except HTTPException as exc:
            await problem(exc.status_code, HTTPStatus(exc.status_code).phrase, exc.detail, exc.headers)(scope, receive, send)
            return
        scope.setdefault("state", {})["api_key"] = api_key
        await self.app(scope, receive, send)


def _bearer(request: Request) -> HTTPAuthorizationCredentials | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    return HTTPAuthorizationCredentials(scheme=scheme, credentials=token)


def require_write(ctx: Context[Any, Any]) -> None:
    """Over HTTP with auth on, the request's key must hold the write scope; stdio runs as the local user."""
    request = ctx.request_context.request
    if not isinstance(request, Request):
        return
    api_key: ApiKey | None = getattr(request.state, "api_key", None)
    if api_key is not None and KeyScope.WRITE not in api_key.scopes:
        raise ToolError("this API key lacks the 'write' scope")

