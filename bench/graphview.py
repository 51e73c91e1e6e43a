"""What bench/realworld.py reads back from the graph, through `GET /api/admin/export` of the running API."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import httpx


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str]

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class Decision:
    id: str
    meeting_id: str
    summary: str
    quote: str
    turns: list[tuple[int, int]] = field(default_factory=list)  # of the memories it cites
    about: list[Entity] = field(default_factory=list)


@dataclass
class GraphView:
    meetings: dict[str, str]  # meeting id -> external id
    memories: dict[str, tuple[str, int, int]]  # memory id -> (external id, turn_start, turn_end)
    entities: dict[str, Entity]
    mentioned: dict[str, set[str]]  # external id -> entity ids mentioned in its memories
    attended: dict[str, set[str]]  # external id -> person ids that attended
    decisions: list[Decision]

    def items(self, external_ids: set[str] | None = None) -> list[Entity]:
        """Non-person entities, all of them or those mentioned in the given meetings."""
        ids = set(self.entities) if external_ids is None else set().union(*(self.mentioned[x] for x in external_ids))
        return sorted((self.entities[i] for i in ids if self.entities[i].type != "person"), key=lambda e: e.name)

    def people_of(self, external_id: str) -> set[str]:
        mentioned = {i for i in self.mentioned[external_id] if self.entities[i].type == "person"}
        return mentioned | self.attended[external_id]


def read_graph(client: httpx.Client) -> GraphView:
    response = client.get("/api/admin/export")
    response.raise_for_status()
    body = response.json()
    meetings: dict[str, str] = {}
    memories: dict[str, tuple[str, int, int]] = {}
    entities: dict[str, Entity] = {}
    decisions: dict[str, Decision] = {}
    memory_meeting: dict[str, str] = {}
    for node in body["nodes"]:
        props: dict[str, Any] = node["props"]
        labels = node["labels"]
        if "Meeting" in labels:
            meetings[props["id"]] = props.get("external_id") or props["id"]
        elif "Memory" in labels:
            memory_meeting[props["id"]] = props["meeting_id"]
            memories[props["id"]] = ("", int(props["turn_start"]), int(props["turn_end"]))
        elif "Entity" in labels:
            entities[props["id"]] = Entity(props["id"], props["name"], props.get("type") or "",
                                           props.get("aliases") or [])
        elif "Decision" in labels:
            decisions[props["id"]] = Decision(props["id"], props["meeting_id"], props.get("summary") or "",
                                              props.get("quote") or "")
    for mid, (_, start, end) in memories.items():
        memories[mid] = (meetings.get(memory_meeting[mid], ""), start, end)
    mentioned: dict[str, set[str]] = defaultdict(set)
    attended: dict[str, set[str]] = defaultdict(set)
    for rel in body["rels"]:
        start, end = rel["start"]["id"], rel["end"]["id"]
        if rel["type"] == "MENTIONED_IN" and end in memories and start in entities:
            mentioned[memories[end][0]].add(start)
        elif rel["type"] == "ATTENDED" and start in entities:
            attended[meetings.get(end, end)].add(start)
        elif rel["type"] == "EVIDENCED_BY" and start in decisions and end in memories:
            decisions[start].turns.append(memories[end][1:])
        elif rel["type"] == "ABOUT" and start in decisions and end in entities:
            decisions[start].about.append(entities[end])
    for decision in decisions.values():
        decision.meeting_id = meetings.get(decision.meeting_id, decision.meeting_id)  # as external id
    return GraphView(meetings, memories, entities, mentioned, attended, list(decisions.values()))
