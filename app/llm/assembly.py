"""The LLM-backed parts of the service, all sharing one client; built only when llm_base_url is set."""

from __future__ import annotations

from dataclasses import dataclass

from app.config import Settings
from app.graph.driver import Graph
from app.ingest.compare import StateComparer
from app.ingest.extract import Extractor
from app.ingest.extract.llm import LLMExtractor
from app.llm.client import LLMClient
from app.llm.wording import AnswerWriter
from app.query.text_to_cypher import TextToCypher


@dataclass
class LLMParts:
    client: LLMClient
    extractor: LLMExtractor
    comparer: StateComparer | None
    text_to_cypher: TextToCypher | None
    writer: AnswerWriter | None

    @classmethod
    def build(cls, settings: Settings, graph: Graph, rules: Extractor) -> LLMParts:
        client = LLMClient(settings)
        return cls(
            client=client,
            extractor=LLMExtractor(client, rules, settings.llm_chunk_tokens, settings.llm_chunk_overlap_tokens),
            comparer=StateComparer(graph, client) if settings.llm_compare_states else None,
            text_to_cypher=(
                TextToCypher(graph, client, settings.llm_cypher_row_limit, settings.llm_cypher_timeout_s)
                if settings.llm_text_to_cypher else None
            ),
            writer=AnswerWriter(client) if settings.llm_word_answers else None,
        )
