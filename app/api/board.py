"""The status board at `/`: static HTML/JS/CSS (no build step) that reads the public API with the user's key."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse

from app.config import PROJECT_ROOT
from app.graph.cypher import cypher

router = APIRouter(include_in_schema=False)
STATIC = PROJECT_ROOT / "app" / "board"
FILES = {"board.js": "text/javascript", "board.css": "text/css"}


@router.get("/")
async def page() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html")


@router.get("/board/config.json")
async def config(request: Request) -> dict[str, Any]:
    """No data here, so no key: whether the API wants one, where Neo4j Browser is, whether action items are served."""
    settings = request.app.state.services.settings
    paths = request.app.openapi()["paths"]  # routers are nested: app.routes does not list their paths
    host = request.url.hostname or "127.0.0.1"
    return {"auth": not settings.auth_disabled,
            "browser_url": f"http://{host}:{settings.neo4j_http_port}/browser/",
            "item_query": cypher("browser/02_state_history"), "action_items": "/api/action-items" in paths}


@router.get("/board/{name}")
async def asset(name: str) -> FileResponse:
    if name not in FILES:
        raise HTTPException(404, "no such board file")
    return FileResponse(STATIC / name, media_type=FILES[name])
