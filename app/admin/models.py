"""Requests and answers of the curation actions."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from app.ingest.models import EntityType
from app.validation import RequestModel

EntityId = Field(min_length=1, max_length=200)
AliasText = Field(min_length=1, max_length=200)
# The validators' rules, in the schema too: text is more than white space (\S as Python's re and str.strip see it).
TEXT_ITEMS: dict[str, Any] = {"items": {"type": "string", "pattern": r"\S"}}


class NodeRecord(BaseModel):
    labels: list[str]
    props: dict[str, Any]  # encoded by app.admin.values.encode

    @property
    def key(self) -> tuple[str, str]:
        return (self.labels[0] if self.labels else "", str(self.props.get("id", "")))


class EndpointRef(BaseModel):
    label: str
    id: str


class RelRecord(BaseModel):
    type: str
    start: EndpointRef
    end: EndpointRef
    props: dict[str, Any]


class Subgraph(BaseModel):
    """Nodes with all labels and properties, and every relationship touching them, in a canonical order."""

    nodes: list[NodeRecord] = Field(default_factory=list)
    rels: list[RelRecord] = Field(default_factory=list)


class GraphExport(Subgraph):
    """The whole domain graph (meetings, memories, entities, states, decisions, merge events)."""

    node_count: int = 0
    rel_count: int = 0


class MergeRequest(RequestModel):
    target: str = EntityId
    sources: list[str] = Field(min_length=1, max_length=50, description="Entities folded into the target",
                               json_schema_extra=TEXT_ITEMS | {"uniqueItems": True})

    @field_validator("sources")
    @classmethod
    def _distinct_non_empty(cls, sources: list[str]) -> list[str]:
        if any(not s.strip() for s in sources):
            raise ValueError("source ids must not be empty")
        if len(set(sources)) != len(sources):
            raise ValueError("each source may be named once")
        return sources

    @model_validator(mode="after")
    def _not_into_itself(self) -> MergeRequest:
        if self.target in self.sources:
            raise ValueError(f"an entity cannot be merged into itself ({self.target!r} is both target and source)")
        return self


class MergeResult(BaseModel):
    merge_id: str
    target: str
    sources: list[str]
    name: str
    aliases: list[str]
    states: int
    replayed_entities: list[str] = Field(description="Other entities whose owner/blocker ids were rewritten")


class MergeEventSummary(BaseModel):
    id: str
    target: str
    sources: list[str]
    at: str
    target_name: str
    source_names: list[str]


class UndoResult(BaseModel):
    merge_id: str
    restored_entities: list[str]
    restored_states: int
    restored_relationships: int


class EntityPatch(RequestModel):
    model_config = ConfigDict(json_schema_extra={"anyOf": [  # something to change
        {"required": ["name"], "properties": {"name": {"type": "string"}}},
        {"required": ["add_aliases"], "properties": {"add_aliases": {"minItems": 1}}},
        {"required": ["remove_aliases"], "properties": {"remove_aliases": {"minItems": 1}}},
        {"required": ["type"], "properties": {"type": {"type": "string"}}},
    ]})

    name: str | None = Field(default=None, min_length=1, max_length=200, description="The old name becomes an alias",
                             json_schema_extra={"pattern": r"\S"})
    add_aliases: list[str] = Field(default_factory=list, max_length=100, json_schema_extra=TEXT_ITEMS)
    remove_aliases: list[str] = Field(default_factory=list, max_length=100, json_schema_extra=TEXT_ITEMS)
    type: EntityType | None = None

    @field_validator("name")
    @classmethod
    def _name_has_text(cls, name: str | None) -> str | None:
        if name is not None and not name.strip():
            raise ValueError("the name must contain more than spaces")
        return name.strip() if name else name

    @field_validator("add_aliases", "remove_aliases")
    @classmethod
    def _aliases_have_text(cls, aliases: list[str]) -> list[str]:
        cleaned = [a.strip() for a in aliases]
        if any(not a or len(a) > 200 for a in cleaned):
            raise ValueError("aliases must be 1 to 200 characters of text")
        return cleaned

    @model_validator(mode="after")
    def _says_something(self) -> EntityPatch:
        if self.name is None and not self.add_aliases and not self.remove_aliases and self.type is None:
            raise ValueError("nothing to change: give name, add_aliases, remove_aliases or type")
        both = {a.lower() for a in self.add_aliases} & {a.lower() for a in self.remove_aliases}
        if both:
            raise ValueError(f"aliases both added and removed: {sorted(both)}")
        return self


class EntityEdit(BaseModel):
    id: str
    name: str
    type: EntityType
    aliases: list[str]
    search_keys: list[str]


class MeetingDeletion(BaseModel):
    meeting_id: str
    replayed_entities: list[str]
    deleted_entities: list[str]
    states_rewritten: int
    states_deleted: int


class DuplicateEntity(BaseModel):
    id: str
    name: str
    type: EntityType
    aliases: list[str]
    meetings: int


class DuplicateEvidence(BaseModel):
    name_similarity: float = Field(description="rapidfuzz token-set ratio of the closest names or aliases, 0..1")
    embedding_similarity: float | None = Field(description="cosine of the name embeddings; none for people")
    shared_meetings: int = Field(description="meetings where both were mentioned (or both attended)")
    never_together: bool = Field(description="both appear in meetings, never in the same one: two ways of saying one thing")
    shared_neighbours: int = Field(description="entities both depend on, are depended on by, or are blocked by")


class DuplicatePair(BaseModel):
    score: float
    a: DuplicateEntity
    b: DuplicateEntity
    evidence: DuplicateEvidence
    merge: MergeRequest = Field(description="A ready-made merge request: the entity in more meetings is the target")
