"""The long-lived objects one API process shares (the driver, the embedder, the pipeline, the engines) and their
wiring: `build_services` is what the API, the CLI, the MCP server and the benches start from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.config import Settings
from app.embedding import Embedder, embedder_for
from app.graph.driver import Graph
from app.graph.migrations import migrate
from app.ingest.extract import Extractor
from app.ingest.extract.rules import RuleBasedExtractor
from app.ingest.jobs import JobRunner
from app.ingest.pipeline import IngestPipeline
from app.query.engine import QueryEngine
from app.security.keys import KeyStore
from app.security.ratelimit import RateLimiter

if TYPE_CHECKING:  # the LLM stack loads only when llm_base_url is set
    from app.ingest.compare import StateComparer
    from app.llm.client import LLMClient
    from app.llm.wording import AnswerWriter
    from app.query.text_to_cypher import TextToCypher

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


@dataclass
class LLMParts:
    """The LLM-backed parts, all sharing one client; built only when llm_base_url is set."""

    client: LLMClient
    extractor: Extractor
    comparer: StateComparer | None
    text_to_cypher: TextToCypher | None
    writer: AnswerWriter | None


def build_llm_parts(settings: Settings, graph: Graph, rules: Extractor) -> LLMParts:
    # imported here so the rule-based default never loads the LLM stack
    from app.ingest.compare import StateComparer
    from app.ingest.extract.llm import LLMExtractor
    from app.llm.client import LLMClient
    from app.llm.wording import AnswerWriter
    from app.query.text_to_cypher import TextToCypher

    client = LLMClient(settings)
    return LLMParts(
        client=client,
        extractor=LLMExtractor(client, rules, settings.llm_chunk_tokens, settings.llm_chunk_overlap_tokens),
        comparer=StateComparer(graph, client) if settings.llm_compare_states else None,
        text_to_cypher=(
            TextToCypher(graph, client, settings.llm_cypher_row_limit, settings.llm_cypher_timeout_s)
            if settings.llm_text_to_cypher else None
        ),
        writer=AnswerWriter(client) if settings.llm_word_answers else None,
    )


def build_services(settings: Settings) -> Services:
    graph = Graph(settings)
    embedder = embedder_for(settings)
    extractor: Extractor = RuleBasedExtractor()
    llm = build_llm_parts(settings, graph, rules=extractor) if settings.llm_base_url else None
    if llm is not None:
        extractor = llm.extractor
    pipeline = IngestPipeline(graph, embedder, extractor, llm.comparer if llm else None)
    return Services(
        settings=settings, graph=graph, embedder=embedder, extractor=extractor, pipeline=pipeline,
        jobs=JobRunner(graph, pipeline, settings),
        engine=QueryEngine(graph, embedder, llm.text_to_cypher if llm else None, llm.writer if llm else None),
        keys=KeyStore(graph, settings.api_key_cache_s),
        rate_limiter=RateLimiter(settings.rate_limit_per_s, settings.rate_limit_burst),
        llm=llm.client if llm else None,
    )
