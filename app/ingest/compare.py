"""Semantic state comparison: is "wrapping up QA" after "nearly done" a change, or the same state reworded?

An LLM reads a status into vague words, so a reworded statement can look like a change ("nearly done" ->
90%, "wrapping up QA" -> 95%) and would put a false step on the item's timeline. Before the write, each
item whose status/progress this meeting would change is paired with its latest earlier state (looked up
by name), and ONE call decides all of the meeting's pairs; where it says "same state", this meeting's
status/progress for that item are dropped (owner, blockers and the mention stay).
"""

from __future__ import annotations

from collections import defaultdict

from app.graph.driver import Graph
from app.ingest.models import Extraction, MeetingInput, StateAssertion
from app.ingest.names import normalize_name
from app.llm.client import LLMClient, LLMUnavailable
from app.llm.prompts import COMPARE_STATES
from app.llm.prompts.compare_states import StatePair

MAX_PAIRS = 40


def _reading(status: str | None, progress: int | None) -> str:
    return ", ".join(x for x in (status, f"{progress}%" if progress is not None else None) if x) or "unknown"


class StateComparer:
    def __init__(self, graph: Graph, client: LLMClient) -> None:
        self.graph = graph
        self.client = client

    async def settle(self, meeting: MeetingInput, extraction: Extraction) -> Extraction:
        """The extraction without the status/progress of items whose state was only reworded."""
        by_key: dict[str, list[StateAssertion]] = defaultdict(list)
        for state in extraction.states:
            if state.status is not None or state.progress is not None:
                by_key[normalize_name(state.entity)].append(state)
        if not by_key:
            return extraction
        rows = await self.graph.read(
            "llm/earlier_states",
            name_keys=sorted(by_key),
            before_key=f"{meeting.date.isoformat()}|{meeting.external_id or ''}",
        )
        pairs: dict[int, str] = {}
        asked: list[StatePair] = []
        for row in rows:
            if row["status"] is None or not row["quote"] or row["name_key"] in pairs.values():
                continue
            last = max(by_key[row["name_key"]], key=lambda s: s.turn)
            status = last.status.value if last.status else row["status"]
            progress = last.progress if last.progress is not None else row["progress"]
            if (status, progress) == (row["status"], row["progress"]) or len(asked) >= MAX_PAIRS:
                continue
            pairs[len(asked)] = row["name_key"]
            asked.append(StatePair(
                id=len(asked), item=row["name"], before=_reading(row["status"], row["progress"]),
                before_quote=row["quote"], after=_reading(status, progress), after_quote=last.quote,
            ))
        if not asked:
            return extraction
        try:
            reply = await self.client.structured(COMPARE_STATES(asked))
        except LLMUnavailable:
            return extraction  # unchecked is better than lost
        reworded = {pairs[v.id] for v in reply.value.verdicts if not v.changed and v.id in pairs}
        if not reworded:
            return extraction
        states = [
            s.model_copy(update={"status": None, "progress": None}) if normalize_name(s.entity) in reworded else s
            for s in extraction.states
        ]
        kept = [s for s in states if any(v is not None for v in (s.status, s.progress, s.owner, s.blockers))]
        return extraction.model_copy(update={"states": kept})
