from __future__ import annotations

from fastapi import APIRouter, Response

from app.observability.metrics import exposition

router = APIRouter(tags=["health"])


@router.get("/metrics", include_in_schema=False)
async def metrics() -> Response:
    body, content_type = exposition()
    return Response(body, media_type=content_type)
