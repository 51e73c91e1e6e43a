from __future__ import annotations

from fastapi import APIRouter

from app.api.deps import ServicesDep
from app.query.models import QueryAnswer, QueryRequest

router = APIRouter(prefix="/api", tags=["query"])


@router.post("/query", summary="Ask a question in plain English; the answer carries its data, sources and Cypher")
async def query(request: QueryRequest, services: ServicesDep) -> QueryAnswer:
    return await services.engine.ask(request.question)
