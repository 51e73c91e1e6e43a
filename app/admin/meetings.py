"""Delete a meeting and everything only it contributed, in one transaction (app.ingest.chains does the work)."""

from __future__ import annotations

from app.admin.errors import NotFound
from app.admin.models import MeetingDeletion
from app.graph.driver import Graph, Tx
from app.ingest.chains import remove_meeting


async def delete_meeting(graph: Graph, meeting_id: str) -> MeetingDeletion:
    return await graph.in_write_transaction(lambda tx: _delete(tx, meeting_id))


async def _delete(tx: Tx, meeting_id: str) -> MeetingDeletion:
    removal = await remove_meeting(tx, meeting_id)
    if removal is None:
        raise NotFound(f"no meeting {meeting_id!r}")
    return MeetingDeletion(
        meeting_id=meeting_id,
        replayed_entities=removal.replayed,
        deleted_entities=removal.deleted,
        states_rewritten=removal.states_rewritten,
        states_deleted=removal.states_deleted,
    )
