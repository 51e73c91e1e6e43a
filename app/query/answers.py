"""Readable sentences for each intent's data."""

from __future__ import annotations

from typing import Any

from app.query.action_items import ActionItemView
from app.query.critical_path import CriticalPath
from app.query.dates import MeetingRef
from app.query.intents import Intent
from app.query.search import SearchHit

UNKNOWN = "I'm not sure what you're asking. Try one of the example questions."
EXAMPLES = [
    "What is the status of Project Atlas?",
    "What is blocking the checkout redesign?",
    "How has the ledger service progressed?",
    "What does the reporting dashboard depend on?",
    "What depends on the ledger service?",
    "How does the reporting dashboard depend on the ledger service?",
    "What is the critical path?",
    "Who owns Atlas?",
    "What is Ines working on?",
    "What changed since March 9?",
    "What did we decide about the ledger?",
    "How many items are blocked?",
    "What happened in the last meeting?",
    "Where did we talk about the vendor API?",
    "What are Ravi's action items?",
    "What's overdue?",
]


def join(items: list[str], word: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _status(state: dict[str, Any]) -> str:
    status = (state.get("status") or "planned").replace("_", " ")
    progress = state.get("progress")
    return f"{status} ({progress}%)" if progress is not None else status


def state(intent: Intent, name: str, st: dict[str, Any]) -> str:
    owner, blockers = st.get("owner"), st.get("blockers") or []
    if intent == Intent.OWNER:
        return f"{name} is owned by {owner}." if owner else f"No owner has been named for {name}."
    if intent == Intent.BLOCKERS:
        if blockers:
            return f"{name} is blocked by {join(blockers)}."
        return f"Nothing is blocking {name}; it is {_status(st)}."
    text = f"{name} is {_status(st)}"
    if owner:
        text += f", owned by {owner}"
    if blockers:
        text += f", blocked by {join(blockers)}"
    return text + "."


def untracked(intent: Intent, name: str, meetings: int) -> str:
    came_up = f"; it came up in {meetings} meeting(s)" if meetings else ""
    if intent == Intent.OWNER:
        return f"No owner has been named for {name}{came_up}."
    if intent == Intent.BLOCKERS:
        return f"Nothing has been said to block {name}{came_up}."
    return f"No status has been recorded for {name}{came_up}."


def as_of(name: str, data: dict[str, Any], meeting: MeetingRef) -> str:
    when = f"As of the {meeting.date.isoformat()} meeting ({meeting.title})"
    if data.get("status") is None:
        return f"{when}, no status had been recorded for {name}."
    return f"{when}, {name} was {_status(data)}."


def timeline(name: str, events: list[dict[str, Any]]) -> str:
    if not events:
        return f"No state changes have been recorded for {name}."
    steps = [f"{e['date']}: {_status(e)}" + (f", owner {e['owner']}" if "owner" in e["changed"] and e["owner"] else "")
             for e in events]
    return f"{name} changed in {len(events)} meeting(s): " + "; ".join(steps) + "."


def dependencies(forward: bool, name: str, items: list[dict[str, Any]]) -> str:
    if not items:
        return f"{name} depends on nothing recorded." if forward else f"Nothing recorded depends on {name}."
    direct = [i["name"] for i in items if i["depth"] == 1]
    indirect = [i["name"] for i in items if i["depth"] > 1]
    lead = f"{name} depends on {join(direct)}" if forward else f"{join(direct)} depend(s) directly on {name}"
    if indirect:
        lead += f"; indirectly {'on ' if forward else 'also '}{join(indirect)}"
    return lead + "."


def path(start: str, end: str, paths: list[list[str]]) -> str:
    if not paths:
        return f"No dependency chain links {start} and {end}."
    return f"{' → '.join(paths[0])} ({len(paths[0]) - 1} step(s))."


def critical(result: CriticalPath) -> str:
    if not result.path:
        return "There is no unfinished dependency chain."
    text = f"The critical path is {' → '.join(result.path)}, with {result.remaining} points of remaining work."
    if result.cycles:
        text += f" Warning: {len(result.cycles)} dependency cycle(s) found, e.g. {' → '.join(result.cycles[0])}."
    return text


def owned_by(person: str, rows: list[dict[str, Any]]) -> str:
    if not rows:
        return f"{person} owns no open items."
    items = [f"{r['name']} ({_status(r)})" for r in rows]
    return f"{person} owns {join(items)}."


def action_items(items: list[ActionItemView], owner: str | None = None, meeting: MeetingRef | None = None,
                 overdue: bool = False, about: str | None = None) -> str:
    scope = " overdue" if overdue else ""
    whose = f" for {owner}" if owner else ""
    where = f" from the {meeting.date.isoformat()} meeting ({meeting.title})" if meeting else ""
    what = f" about {about}" if about else ""
    if not items:
        return f"No{scope} action items{whose}{what}{where}."
    listed = [f"{'' if owner else i.owner + ': '}{i.text} ({_action_notes(i)})" for i in items[:10]]
    more = f" and {len(items) - 10} more" if len(items) > 10 else ""
    noun = "action item" if len(items) == 1 else "action items"
    return f"{len(items)}{scope} {noun}{whose}{what}{where}: {'; '.join(listed)}{more}."


def _action_notes(item: ActionItemView) -> str:
    due = f"due {item.due}" if item.due else item.due_text
    done = f"done in the {item.closed_date} meeting" if item.status == "done" else None
    return "; ".join(x for x in (due, done, f"raised {item.meeting_date} by {item.speaker}") if x)


def changes(meeting: MeetingRef, items: list[dict[str, Any]], rest: str | None = None) -> str:
    """`rest`: where the changes after these are listed, when there are more."""
    if not items:
        return f"Nothing changed since the {meeting.date.isoformat()} meeting."
    since = f"Since the {meeting.date.isoformat()} meeting"
    names = sorted({c["entity"] for c in items})
    named = join(names) if len(names) <= 10 else f"{', '.join(names[:10])} and {len(names) - 10} other items"
    if rest:
        return f"{since}, more than {len(items)} changes; the first {len(items)} are to {named}. The rest: {rest}."
    return f"{since}, {len(items)} change(s) to {named}."


def decisions(name: str, rows: list[dict[str, Any]]) -> str:
    latest = rows[0]
    return f"Latest decision on {name} ({latest['date']}): {latest['summary']}" + (
        f" ({len(rows) - 1} earlier)." if len(rows) > 1 else "."
    )


def passages(hits: list[SearchHit]) -> str:
    """The passages, grouped by meeting in date order, each quoted."""
    if not hits:
        return "Nothing in the stored meetings matches."
    by_meeting: dict[str, list[SearchHit]] = {}
    for hit in sorted(hits, key=lambda h: (h.date or "", h.meeting_id, h.turn_start)):
        by_meeting.setdefault(hit.meeting_id, []).append(hit)
    parts = []
    for group in by_meeting.values():
        quotes = " … ".join(f"“{h.text[:300]}”" for h in group)
        parts.append(f"In {group[0].title or group[0].external_id} ({group[0].date}): {quotes}")
    return "\n".join(parts)


def meeting(summary: dict[str, Any]) -> str:
    discussed = [d["name"] for d in summary["discussed"]]
    text = f"{summary['title']} ({summary['date']}) discussed {join(discussed) or 'no tracked items'}."
    if summary["changes"]:
        text += " Changes: " + "; ".join(f"{c['name']} → {_status(c)}" for c in summary["changes"]) + "."
    if summary["decisions"]:
        text += " Decisions: " + "; ".join(d["summary"] for d in summary["decisions"]) + "."
    return text


def count(status: str | None, n: int, names: list[str]) -> str:
    what = f"{status.replace('_', ' ')} " if status else ""
    return f"{n} {what}item(s)" + (f": {join(names[:10])}" if names else "") + "."
