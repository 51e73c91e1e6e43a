"""Which action items a meeting closes: its claims that work is done, against the open items of earlier meetings.

A claim closes an item of the same owner when it names most of what the item is about ("I sent the specs" closes
"send the specs by Friday"); the item stays open, carried over, until one does. Re-ingesting the meeting that
raised an item keeps the closures later meetings made, on the new version of the same item.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from app.graph.driver import Tx
from app.ingest.extract.action_cues import closes
from app.ingest.models import ActionAssertion, DoneClaim
from app.ingest.names import action_item_id, action_item_order_key
from app.ingest.write import ActionItemRow, ClosureRow


class OwnedClaim(BaseModel):
    owner_id: str
    claim: DoneClaim
    memory_id: str | None


def action_rows(
    actions: list[ActionAssertion], owner_ids: list[str], meeting_id: str, meeting_key: str,
    memory_of: Callable[[int], str | None], named: list[tuple[str, int, str]],
) -> list[ActionItemRow]:
    """One row per action item; `named` is (surface, turn, entity id) of the items the meeting names, so an action
    item is ABOUT the items its own words name."""
    rows = []
    for i, (a, owner_id) in enumerate(zip(actions, owner_ids, strict=True)):
        aid = action_item_id(meeting_id, i)
        rows.append(ActionItemRow(
            id=aid, text=a.text, owner_id=owner_id, quote=a.quote, speaker=a.speaker, turn=a.turn,
            due=a.due.isoformat() if a.due else None, due_text=a.due_text, memory_id=memory_of(a.turn),
            about_ids=sorted({eid for surface, turn, eid in named
                              if turn == a.turn and surface.lower() in a.text.lower()}),
            order_key=action_item_order_key(meeting_key, a.turn, aid),
        ))
    return rows


async def closures(
    tx: Tx, meeting_id: str, meeting_key: str, items: list[ActionItemRow], claims: list[OwnedClaim],
    closed_later: list[dict[str, Any]],
) -> list[ClosureRow]:
    rows: list[ClosureRow] = []
    owners = sorted({c.owner_id for c in claims})
    if owners:
        for item in await tx.run("ingest/open_action_items", owner_ids=owners, before_key=meeting_key):
            claim = next((c for c in claims if c.owner_id == item["owner_id"] and closes(c.claim.text, item["text"])),
                         None)
            if claim:
                rows.append(ClosureRow(action_id=item["id"], meeting_id=meeting_id, quote=claim.claim.quote,
                                       memory_id=claim.memory_id))
    for closed in closed_later:
        same = next((a for a in items if a.owner_id == closed["owner_id"]
                     and (a.text == closed["text"] or closes(closed["text"], a.text))), None)
        if same:
            rows.append(ClosureRow(action_id=same.id, meeting_id=closed["meeting_id"], quote=closed["quote"] or "",
                                   memory_id=closed["memory_id"]))
    return rows
