"""Neo4j Browser helpers served by the API: the guide (`:play` / `:guide`) and the style (`:style`).

Browser fetches them from its own page with a CORS preflight, so these answer OPTIONS and allow any origin.
They hold no data, so they need no API key. Browser only fetches from hosts in its
`browser.remote_content_hostname_whitelist` (by default `localhost`): use http://localhost:<port>/browser/....
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, PlainTextResponse

from app.admin.browser_guide import guide_html, style_grass

router = APIRouter(prefix="/browser", tags=["browser"])
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, OPTIONS",
    "Access-Control-Allow-Headers": "*",
    "Access-Control-Max-Age": "600",
}


@router.get("/guide.html", response_class=HTMLResponse, summary="The exploration guide: `:play <this url>`")
async def guide(request: Request) -> HTMLResponse:
    base_url = str(request.base_url).rstrip("/")
    return HTMLResponse(guide_html(base_url), headers=CORS)


@router.get("/style.grass", response_class=PlainTextResponse, summary="Colours and captions: `:style <this url>`")
async def style() -> PlainTextResponse:
    return PlainTextResponse(style_grass(), headers=CORS)


@router.options("/{name}", include_in_schema=False)
async def preflight(name: str) -> Response:
    return Response(status_code=204, headers=CORS)
