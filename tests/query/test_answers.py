from datetime import date

from app.query import answers
from app.query.dates import MeetingRef

MEETING = MeetingRef(id="m", external_id="m09", title="Weekly sync 9", date=date(2026, 3, 2))


def change(entity: str) -> dict[str, str]:
    return {"entity": entity, "field": "status"}


def test_changes_name_the_items_changed() -> None:
    assert answers.changes(MEETING, []) == "Nothing changed since the 2026-03-02 meeting."
    text = answers.changes(MEETING, [change("Ledger"), change("Atlas"), change("Ledger")])
    assert text == "Since the 2026-03-02 meeting, 3 change(s) to Atlas and Ledger."


def test_long_change_lists_are_cut_and_point_to_the_rest() -> None:
    items = [change(f"Item {n:02d}") for n in range(30)]
    text = answers.changes(MEETING, items, "/api/changes?since=m09&offset=30")
    assert "more than 30 changes" in text and "Item 09 and 20 other items" in text
    assert text.endswith("The rest: /api/changes?since=m09&offset=30.")
