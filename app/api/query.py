from __future__ import annotations

import time

from fastapi import APIRouter

from app.api.deps import ServicesDep
from app.api.errors import API_PROBLEMS
from app.api.security import read_scope
from app.observability.metrics import QUERY_LATENCY
from app.query.models import QueryAnswer, QueryRequest

router = APIRouter(prefix="/api", tags=["query"], dependencies=[read_scope], responses=API_PROBLEMS)


@router.post("/query", summary="Ask a question in plain English; the answer carries its data, sources and Cypher")
async def query(request: QueryRequest, services: ServicesDep) -> QueryAnswer:
    start = time.perf_counter()
    answer = await services.engine.ask(request.question)
    QUERY_LATENCY.labels(str(answer.intent)).observe(time.perf_counter() - start)
    return answer
