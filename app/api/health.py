from __future__ import annotations

import asyncio
from typing import Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from app.api.deps import ServicesDep
from app.api.errors import problems
from app.graph.driver import is_unavailable
from app.graph.migrations import schema_version

router = APIRouter(tags=["health"])
PROBE_TIMEOUT_S = 5.0


class Neo4jVersion(BaseModel):
    version: str | None = None
    edition: str | None = None


class VectorIndex(BaseModel):
    state: str
    population: float


class Health(BaseModel):
    status: Literal["ok"]
    neo4j: Neo4jVersion
    schema_version: int | None
    vector_indexes: dict[str, VectorIndex]


class Unhealthy(BaseModel):
    status: Literal["unavailable"]
    reason: str


@router.get(
    "/health",
    response_model=Health,
    responses={503: {"model": Unhealthy, "description": "Neo4j is unreachable"}} | problems(504),
    summary="Neo4j version, schema version and vector index state; 503 when Neo4j is unreachable",
)
async def health(services: ServicesDep) -> JSONResponse:
    try:
        # A short probe first, so a down server is reported at once instead of after the driver's retries.
        await asyncio.wait_for(services.graph.driver.verify_connectivity(), PROBE_TIMEOUT_S)
        await services.ensure_schema()
        components = await services.graph.read("system/server_components")
        indexes = await services.graph.read("system/vector_indexes")
        version = await schema_version(services.graph)
    except Exception as exc:
        if not (is_unavailable(exc) or isinstance(exc, TimeoutError)):
            raise
        down = Unhealthy(status="unavailable", reason=f"Neo4j is unreachable: {exc}")
        return JSONResponse(status_code=503, headers={"Retry-After": "5"}, content=down.model_dump())
    kernel = next((c for c in components if c["name"] == "Neo4j Kernel"), components[0] if components else {})
    return JSONResponse(Health(
        status="ok",
        neo4j=Neo4jVersion(version=kernel.get("version"), edition=kernel.get("edition")),
        schema_version=version,
        vector_indexes={i["name"]: VectorIndex(state=i["state"], population=i["populationPercent"]) for i in indexes},
    ).model_dump(mode="json"))
