"""The MCP server over streamable HTTP at `/mcp`, inside the API process and behind its API keys."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from mcp.server.streamable_http_manager import StreamableHTTPASGIApp
from mcp.server.transport_security import TransportSecuritySettings
from starlette.routing import Route

from app.mcp.scopes import McpKeyGate
from app.mcp.server import build_server

LOCAL = TransportSecuritySettings(
    enable_dns_rebinding_protection=True,
    allowed_hosts=["127.0.0.1:*", "localhost:*", "[::1]:*"],
    allowed_origins=["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"],
)


def mount_mcp(app: FastAPI, auth_disabled: bool) -> None:
    """Adds the `/mcp` route; `app.state.mcp_session` must run during the app's lifespan (see `mcp_sessions`).
    Without keys (local use) only localhost may call it, against DNS rebinding; with keys any host may."""
    server = build_server(lambda: app.state.services)
    server.streamable_http_app(
        transport_security=LOCAL if auth_disabled else TransportSecuritySettings(enable_dns_rebinding_protection=False)
    )
    app.state.mcp_server = server
    app.router.routes.append(Route("/mcp", McpKeyGate(StreamableHTTPASGIApp(server.session_manager)),
                                   include_in_schema=False))


@asynccontextmanager
async def mcp_sessions(app: FastAPI) -> AsyncIterator[None]:
    async with app.state.mcp_server.session_manager.run():
        yield
