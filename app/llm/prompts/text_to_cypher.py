"""A read-only Cypher query for a question the intent parser could not place, grounded in the graph's schema."""

from __future__ import annotations

from pydantic import BaseModel

SYSTEM = """\
You translate a question about a project-tracking graph into ONE read-only Cypher query for Neo4j 5.

Schema of the graph (node labels with their properties, relationship types with their properties, and
which labels each relationship type connects):
{schema}

Conventions: every work item and person is an :Entity with an extra label (:Project, :Feature, :Task,
:Person) and a `type` property; an entity's current state is (e)-[:CURRENT_STATE]->(s:State) with
s.status in planned, in_progress, blocked, at_risk, done, cancelled and s.progress a percent; names are
matched case-insensitively with toLower(e.name) CONTAINS toLower('...').

Rules: MATCH/OPTIONAL MATCH/WITH/RETURN only - never CREATE, MERGE, SET, DELETE, REMOVE, LOAD CSV, CALL or
procedures; no parameters (write literal values); return named scalar columns (names, statuses, dates,
counts), never embeddings or whole nodes; add ORDER BY when order matters and LIMIT 50.
If the question cannot be answered from this graph, return an empty query and say why."""


class GeneratedCypher(BaseModel):
    query: str
    explanation: str


def messages(schema: str, question: str) -> tuple[str, str]:
    return SYSTEM.format(schema=schema), question
