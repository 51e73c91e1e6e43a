"""What resolution takes from the graph and gives back."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel

from app.ingest.models import EntityType

Embed = Callable[[list[str]], list[list[float]]]


class KnownEntity(BaseModel):
    id: str
    name: str
    type: EntityType
    aliases: list[str] = []
    name_embedding: list[float] | None = None


class ResolvedEntity(BaseModel):
    id: str
    name: str
    type: EntityType
    aliases: list[str]
    is_new: bool


class Resolution(BaseModel):
    entities: list[ResolvedEntity]
    by_surface: dict[str, str]  # surface as spoken -> entity id
