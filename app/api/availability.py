"""Fast 503s while Neo4j is down: the driver would otherwise retry each request for ~30 s before giving up."""

from __future__ import annotations

import asyncio
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.limits import send_problem

GATED_PREFIXES = ("/api", "/health")
PROBE_TIMEOUT_S = 2.0


class Neo4jGateMiddleware:
    """Once a 503 has gone out (Neo4j unreachable), answers 503 at once until a connectivity probe succeeds.

    At most one probe per `probe_interval_s`; the first request after a good probe goes through as usual.
    """

    def __init__(self, app: ASGIApp, probe_interval_s: float = 1.0) -> None:
        self.app = app
        self.probe_interval_s = probe_interval_s
        self.down = False
        self._next_probe = 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(GATED_PREFIXES):
            await self.app(scope, receive, send)
            return
        if self.down and not await self._recovered(scope):
            await send_problem(send, 503, "the graph database is unreachable; retry shortly", {"Retry-After": "5"})
            return

        async def watching_send(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 503:
                self.down = True
            await send(message)

        await self.app(scope, receive, watching_send)

    async def _recovered(self, scope: Scope) -> bool:
        now = time.monotonic()
        if now < self._next_probe:
            return False
        self._next_probe = now + self.probe_interval_s
        try:
            async with asyncio.timeout(PROBE_TIMEOUT_S):
                await scope["app"].state.services.graph.driver.verify_connectivity()
        except Exception:  # still down, whatever the reason
            return False
        self.down = False
        return True
