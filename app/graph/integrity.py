"""Invariants of a well-formed graph, checked by the fault tests and the load bench: no meeting partly stored,
every entity's versions one chain with one current state, nothing left over from a half-written meeting."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from app.graph.driver import Graph


class IntegrityReport(BaseModel):
    incomplete_meetings: list[dict[str, Any]]
    broken_state_chains: list[dict[str, Any]]
    orphans: dict[str, int]

    @property
    def ok(self) -> bool:
        return not self.incomplete_meetings and not self.broken_state_chains and not any(self.orphans.values())


async def check_integrity(graph: Graph) -> IntegrityReport:
    return IntegrityReport(
        incomplete_meetings=await graph.read("checks/incomplete_meetings"),
        broken_state_chains=await graph.read("checks/broken_state_chains"),
        orphans=(await graph.read("checks/orphan_counts"))[0],
    )


async def memory_counts(graph: Graph, meeting_ids: list[str]) -> dict[str, int]:
    """Memories per stored meeting, for those of `meeting_ids` that exist."""
    rows = await graph.read("checks/meeting_memory_counts", meeting_ids=meeting_ids)
    return {row["meeting_id"]: row["memories"] for row in rows}
