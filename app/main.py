"""The FastAPI application factory."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI

from app import __version__
from app.api import entities, health, ingest, query
from app.api.errors import install_error_handlers
from app.config import Settings, get_settings
from app.embedding import get_embedder
from app.graph.driver import Graph
from app.ingest.extract.rules import RuleBasedExtractor
from app.ingest.jobs import JobRunner
from app.ingest.pipeline import IngestPipeline
from app.query.engine import QueryEngine
from app.services import Services, is_unavailable

log = logging.getLogger(__name__)


def build_services(settings: Settings) -> Services:
    graph = Graph(settings)
    embedder = get_embedder(settings.embedding_batch_size)
    extractor = RuleBasedExtractor()
    pipeline = IngestPipeline(graph, embedder, extractor)
    return Services(
        settings=settings, graph=graph, embedder=embedder, extractor=extractor, pipeline=pipeline,
        jobs=JobRunner(pipeline),
        engine=QueryEngine(graph, embedder),
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        services = await anyio.to_thread.run_sync(build_services, settings)
        app.state.services = services
        try:
            await services.ensure_schema()
        except Exception as exc:
            if not is_unavailable(exc):
                raise
            log.warning("Neo4j is unreachable at start-up; the schema will be applied when it answers: %s", exc)
        yield
        await services.close()

    app = FastAPI(
        title="Smart-Meet Graph",
        version=__version__,
        description="Meeting transcripts in; a versioned knowledge graph of projects, features, tasks and people out.",
        lifespan=lifespan,
    )
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(ingest.router)
    app.include_router(entities.router)
    app.include_router(query.router)
    return app
