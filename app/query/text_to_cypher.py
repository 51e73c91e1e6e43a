"""Text-to-Cypher for questions the intent parser cannot place (when an LLM is configured).

The prompt is grounded in the graph's schema (read with cypher/llm/graph_schema.cypher), limited to the
domain labels. The generated query is the one piece of Cypher not kept in a file, so it is checked before
it runs: only names from that schema, EXPLAIN says read-only ("r") with no procedure call or LOAD CSV;
then it runs in a READ session (the server refuses writes too) with a timeout, and at most
`row_limit` records are fetched. The question is never put into Cypher by our code.
"""

from __future__ import annotations

import re
import time
from typing import Any, LiteralString, cast

from neo4j import READ_ACCESS, Query
from neo4j.exceptions import Neo4jError
from neo4j.graph import Node, Path, Relationship
from pydantic import BaseModel

from app.graph.driver import Graph
from app.llm.client import LLMClient, LLMUnavailable
from app.llm.prompts import TEXT_TO_CYPHER
from app.query.models import CypherUsed, QueryAnswer

INTENT = "generated_cypher"
DOMAIN_LABELS = frozenset({"Meeting", "Memory", "Entity", "Project", "Feature", "Task", "Person", "State", "Decision",
                           "ActionItem"})
HIDDEN_PROPERTIES = frozenset({"embedding", "name_embedding"})
REFUSED_OPERATORS = ("ProcedureCall", "LoadCSV", "Foreach", "TransactionForeach", "TransactionApply")
SCHEMA_TTL_S = 300.0
SHOWN_ROWS = 5

_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_WORDS = re.compile(r"[A-Za-z_]\w*")


class RefusedQuery(Exception):
    pass


class GraphSchema(BaseModel):
    labels: dict[str, list[str]]  # "Entity:Project" -> property names
    relationships: dict[str, list[str]]  # type -> property names
    patterns: list[str]  # "(:Entity)-[:HAS_STATE]->(:State)"
    forbidden: list[str]  # labels, types and properties only found outside the domain (API keys, jobs, ...)

    def text(self) -> str:
        nodes = [f"(:{combo} {{{', '.join(props)}}})" for combo, props in sorted(self.labels.items())]
        rels = [f"[:{rel} {{{', '.join(props)}}}]" if props else f"[:{rel}]" for rel, props in sorted(self.relationships.items())]
        return "Nodes:\n" + "\n".join(nodes) + "\nRelationships:\n" + "\n".join(rels) + "\nPatterns:\n" + "\n".join(self.patterns)


def parse_schema(row: dict[str, Any]) -> GraphSchema:
    everything = {n for item in row["node_properties"] for n in [*item["labels"], item["property"]]}
    everything |= {n for item in row["relationship_properties"] for n in [item["type"].strip(":`"), item["property"]] if n}
    everything |= {n for p in row["patterns"] for n in [*p["from"], p["type"], *p["to"]]}
    labels: dict[str, set[str]] = {}
    for item in row["node_properties"]:
        if set(item["labels"]) <= DOMAIN_LABELS and item["property"] not in HIDDEN_PROPERTIES:
            labels.setdefault(":".join(sorted(item["labels"])), set()).add(item["property"])
    patterns = sorted(
        {f"(:{p['from'][0]})-[:{p['type']}]->(:{p['to'][0]})" for p in row["patterns"]
         if set(p["from"]) <= DOMAIN_LABELS and set(p["to"]) <= DOMAIN_LABELS}
    )
    domain_types = {p.split("[:")[1].split("]")[0] for p in patterns}
    relationships: dict[str, set[str]] = {t: set() for t in domain_types}
    for item in row["relationship_properties"]:
        rel = item["type"].strip(":`")
        if rel in relationships and item["property"]:
            relationships[rel].add(item["property"])
    domain = {part for combo in labels for part in combo.split(":")} | set(relationships)
    domain |= {p for props in [*labels.values(), *relationships.values()] for p in props}
    return GraphSchema(
        labels={k: sorted(v) for k, v in labels.items()},
        relationships={k: sorted(v) for k, v in relationships.items()},
        patterns=patterns,
        forbidden=sorted((everything - domain) | HIDDEN_PROPERTIES),
    )


def check_names(query: str, schema: GraphSchema) -> None:
    """Refuses any label, relationship type or property that exists only outside the domain."""
    used = set(_WORDS.findall(_STRINGS.sub("''", query))) & set(schema.forbidden)
    if used:
        raise RefusedQuery(f"touches data outside the meeting graph: {', '.join(sorted(used))}")


def _operators(plan: dict[str, Any] | None) -> list[str]:
    if not plan:
        return []
    return [plan["operatorType"].split("@")[0], *(op for child in plan.get("children", []) for op in _operators(child))]


def _plain(value: Any) -> Any:
    """Records as JSON-friendly values; nodes outside the domain and embeddings never leave."""
    if isinstance(value, Node):
        return {k: _plain(v) for k, v in value.items() if k not in HIDDEN_PROPERTIES} if value.labels <= DOMAIN_LABELS else None
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [_plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k not in HIDDEN_PROPERTIES}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


class TextToCypher:
    def __init__(self, graph: Graph, client: LLMClient, row_limit: int, timeout_s: float) -> None:
        self.graph = graph
        self.client = client
        self.row_limit = row_limit
        self.timeout_s = timeout_s
        self._schema: tuple[float, GraphSchema | None] = (float("-inf"), None)

    async def schema(self) -> GraphSchema:
        fetched_at, schema = self._schema
        if schema is None or time.monotonic() - fetched_at > SCHEMA_TTL_S:
            schema = parse_schema((await self.graph.read("llm/graph_schema"))[0])
            self._schema = (time.monotonic(), schema)
        return schema

    async def answer(self, question: str) -> QueryAnswer | None:
        """None when no query could be had (LLM unavailable, or it says the graph cannot answer)."""
        schema = await self.schema()
        try:
            reply = await self.client.structured(TEXT_TO_CYPHER(schema.text(), question))
        except LLMUnavailable:
            return None
        generated = reply.value.query.strip().rstrip(";").strip()
        if not generated:
            return None
        used = CypherUsed(statement=generated, parameters={})
        try:
            await self.check(generated, schema)
            columns, rows, truncated = await self.run(generated)
        except RefusedQuery as refused:
            return QueryAnswer(
                intent=INTENT,
                answer=f"I couldn't answer that safely: the generated query was refused ({refused}).",
                data={"refused": str(refused), "query": generated},
            )
        except Neo4jError as failed:
            return QueryAnswer(
                intent=INTENT,
                answer="I couldn't answer that: the generated query failed.",
                data={"error": failed.message or failed.code, "query": generated},
            )
        return QueryAnswer(
            intent=INTENT,
            answer=_summary(columns, rows, truncated),
            data={"columns": columns, "rows": rows, "truncated": truncated, "explanation": reply.value.explanation},
            cypher=used,
        )

    async def check(self, query: str, schema: GraphSchema) -> None:
        check_names(query, schema)
        async with self.graph.session(default_access_mode=READ_ACCESS) as session:
            try:
                result = await session.run(Query(cast(LiteralString, "EXPLAIN " + query), timeout=self.timeout_s))
                summary = await result.consume()
            except Neo4jError as invalid:
                raise RefusedQuery(f"not valid Cypher: {invalid.message or invalid.code}") from invalid
        if summary.query_type != "r":
            raise RefusedQuery(f"not read-only (query type {summary.query_type!r})")
        refused = sorted(set(_operators(summary.plan)) & set(REFUSED_OPERATORS))
        if refused:
            raise RefusedQuery(f"uses {', '.join(refused)}")

    async def run(self, query: str) -> tuple[list[str], list[dict[str, Any]], bool]:
        """At most `row_limit` rows, read in a READ session under a server-side timeout."""
        async with self.graph.session(default_access_mode=READ_ACCESS) as session:
            result = await session.run(Query(cast(LiteralString, query), timeout=self.timeout_s))
            columns = list(result.keys())
            records = await result.fetch(self.row_limit + 1)
        rows = [{k: _plain(v) for k, v in record.items()} for record in records[: self.row_limit]]
        return columns, rows, len(records) > self.row_limit


def _summary(columns: list[str], rows: list[dict[str, Any]], truncated: bool) -> str:
    if not rows:
        return "No results."
    shown = "; ".join(", ".join(str(row[c]) for c in columns) for row in rows[:SHOWN_ROWS])
    more = f" (first {len(rows)} shown of more)" if truncated else ""
    return f"{len(rows)} result{'s' if len(rows) != 1 else ''}{more}: {shown}" + ("; …" if len(rows) > SHOWN_ROWS else ".")
