"""The FastAPI application factory."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI

from app import __version__
from app.api import (
    action_items, admin, analysis, board, browser, catalogue, entities, health, ingest, jobs, meetings, metrics, query,
    sources,
)
from app.api.availability import Neo4jGateMiddleware
from app.api.errors import install_error_handlers
from app.api.limits import BodySizeLimitMiddleware, RequestTimeoutMiddleware
from app.config import DEFAULT_NEO4J_PASSWORD, Settings, get_settings
from app.graph.driver import is_unavailable
from app.mcp.http import mcp_sessions, mount_mcp
from app.observability.logging import RequestContextMiddleware, configure_logging
from app.services import build_services

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    if settings.log_json:
        configure_logging(settings.log_level)
    if settings.auth_disabled:
        log.warning("AUTH_DISABLED=true: every request is allowed without an API key (local use only)")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if not settings.auth_disabled and settings.neo4j_password.get_secret_value() == DEFAULT_NEO4J_PASSWORD:
            raise RuntimeError("refusing to start with auth on and the default Neo4j password; set NEO4J_PASSWORD "
                               "(and the same password on the Neo4j server), or AUTH_DISABLED=true for local use")
        services = await anyio.to_thread.run_sync(build_services, settings)
        app.state.services = services
        try:
            await services.ensure_schema()
        except Exception as exc:
            if not is_unavailable(exc):
                raise
            log.warning("Neo4j is unreachable at start-up; the schema will be applied when it answers: %s", exc)
        services.jobs.start()
        # The model, the libraries and the driver are millions of objects that live as long as the process: out of
        # the collector's sight, a full collection no longer walks them (100-300 ms pauses on a 2-core machine)
        gc.freeze()
        try:
            async with mcp_sessions(app):
                yield
        finally:
            gc.unfreeze()  # collectable again at shutdown, as native extensions expect at exit
        await services.close()

    app = FastAPI(
        title="Smart-Meet Graph",
        version=__version__,
        description="Meeting transcripts in; a versioned knowledge graph of projects, features, tasks and people out.",
        lifespan=lifespan,
    )
    install_error_handlers(app)
    app.add_middleware(Neo4jGateMiddleware)
    app.add_middleware(RequestTimeoutMiddleware, timeout_s=settings.request_timeout_s)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_request_bytes)
    app.add_middleware(RequestContextMiddleware)
    app.include_router(health.router)
    app.include_router(metrics.router)
    app.include_router(ingest.router)
    app.include_router(jobs.router)
    app.include_router(entities.router)
    app.include_router(query.router)
    app.include_router(meetings.router)
    app.include_router(action_items.router)
    app.include_router(analysis.router)
    app.include_router(admin.router)
    app.include_router(catalogue.router)
    app.include_router(sources.router)
    app.include_router(browser.router)
    app.include_router(board.router)
    mount_mcp(app, settings.auth_disabled)
    return app
