from __future__ import annotations

import asyncio

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from app.api.deps import ServicesDep
from app.graph.driver import is_unavailable
from app.graph.migrations import schema_version

router = APIRouter(tags=["health"])
PROBE_TIMEOUT_S = 5.0


@router.get("/health", summary="Neo4j version, schema version and vector index state; 503 when Neo4j is unreachable")
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
        return JSONResponse(
            status_code=503,
            headers={"Retry-After": "5"},
            content={"status": "unavailable", "reason": f"Neo4j is unreachable: {exc}"},
        )
    kernel = next((c for c in components if c["name"] == "Neo4j Kernel"), components[0] if components else {})
    return JSONResponse(
        {
            "status": "ok",
            "neo4j": {"version": kernel.get("version"), "edition": kernel.get("edition")},
            "schema_version": version,
            "vector_indexes": {i["name"]: {"state": i["state"], "population": i["populationPercent"]} for i in indexes},
        }
    )
