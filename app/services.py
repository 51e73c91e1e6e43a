"""The long-lived objects one API process shares: the driver, the embedder, the pipeline, the engines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from app.config import Settings
from app.embedding import Embedder
from app.graph.driver import Graph, is_conflict
from app.graph.migrations import migrate
from app.ingest.extract import Extractor
from app.ingest.jobs import JobRunner
from app.ingest.pipeline import IngestPipeline
from app.query.engine import QueryEngine
from app.security.keys import KeyStore
from app.security.ratelimit import RateLimiter

if TYPE_CHECKING:  # the LLM stack loads only when llm_base_url is set
    from app.llm.client import LLMClient

UNAVAILABLE = (ServiceUnavailable, SessionExpired, OSError)


@dataclass
class Services:
    settings: Settings
    graph: Graph
    embedder: Embedder
    extractor: Extractor
    pipeline: IngestPipeline
    jobs: JobRunner
    engine: QueryEngine
    keys: KeyStore
    rate_limiter: RateLimiter
    llm: LLMClient | None = None
    schema_ready: bool = False

    async def ensure_schema(self) -> None:
        """Migrates once per process; retried on the next call if Neo4j was down."""
        if not self.schema_ready:
            await migrate(self.graph)
            self.schema_ready = True

    async def close(self) -> None:
        await self.jobs.close()
        if self.llm is not None:
            await self.llm.close()
        await self.graph.close()


def is_unavailable(exc: BaseException) -> bool:
    """Neo4j cannot be reached or has no database to serve; a deadlock or a race (a conflict) is not that."""
    return isinstance(exc, UNAVAILABLE) or (
        isinstance(exc, Neo4jError) and exc.is_retryable() and not is_conflict(exc)
    )
