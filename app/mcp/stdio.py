"""`smartmeet mcp`: the MCP server over stdio for desktop assistants, on the local graph from settings."""

from __future__ import annotations

import anyio

from app.config import Settings
from app.mcp.server import build_server
from app.services import build_services


async def run_stdio(settings: Settings) -> None:
    services = await anyio.to_thread.run_sync(build_services, settings)
    try:
        await services.ensure_schema()
        await build_server(lambda: services).run_stdio_async()
    finally:
        await services.close()
