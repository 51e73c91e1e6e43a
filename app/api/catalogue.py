"""Catalogue import route: known items from JSON, CSV text or an uploaded file. The work is in app.admin.catalogue."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from app.admin.catalogue import TYPES, CatalogueRejected, import_catalogue, parse_catalogue
from app.admin.models import CatalogueResult
from app.api.deps import ServicesDep
from app.api.errors import API_PROBLEMS
from app.api.security import write_scope

router = APIRouter(prefix="/api", tags=["admin"], dependencies=[write_scope], responses=API_PROBLEMS)
MAX_CATALOGUE_BYTES = 5_000_000
_TEXT = {"type": "string", "minLength": 1, "maxLength": 200, "pattern": r"\S"}
_ITEM = {"type": "object", "required": ["name"], "properties": {
    "name": _TEXT, "aliases": {"type": "array", "maxItems": 100, "items": {"type": "string", "maxLength": 200}},
    "type": {"anyOf": [{"type": "string", "enum": sorted(TYPES)}, {"type": "null"}]},
    "owner": {"anyOf": [_TEXT, {"type": "null"}]}}}
_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"oneOf": [
        {"type": "array", "minItems": 1, "items": _ITEM},
        {"type": "object", "required": ["items"],
         "properties": {"items": {"type": "array", "minItems": 1, "items": _ITEM}}}]}},
    "text/csv": {"schema": {"type": "string", "description": (
        "A header row (name, aliases, type, owner), then one item a row; aliases separated by ;")}},
    "multipart/form-data": {"schema": {"type": "object", "required": ["file"],
                                       "properties": {"file": {"type": "string", "format": "binary"}}}},
}}}


@router.post("/catalogue", openapi_extra=_BODY,
             summary="Import known items (name, aliases, type, owner) from JSON or CSV; idempotent")
async def post_catalogue(request: Request, services: ServicesDep) -> CatalogueResult:
    content_type = request.headers.get("content-type", "").lower()
    filename = ""
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise HTTPException(422, "send the catalogue as the form field `file`")
        filename, raw = upload.filename or "", await upload.read(MAX_CATALOGUE_BYTES + 1)
    else:
        raw = await request.body()
        filename = "catalogue.json" if "json" in content_type else ""
    if len(raw) > MAX_CATALOGUE_BYTES:
        raise HTTPException(413, f"the catalogue is larger than {MAX_CATALOGUE_BYTES} bytes")
    try:
        items = parse_catalogue(raw, filename)
    except CatalogueRejected as exc:
        raise HTTPException(422, [e.model_dump() for e in exc.errors]) from exc
    await services.ensure_schema()
    try:
        return await import_catalogue(services.graph, services.embedder, items)
    except CatalogueRejected as exc:
        raise HTTPException(422, [e.model_dump() for e in exc.errors]) from exc
