from app.ingest.diff import Delta, Snapshot, StateVersion, apply_delta, merge_assertions, replay_chain
from app.ingest.models import StateAssertion, Status


def version(vid: str, key: str, delta: Delta) -> StateVersion:
    return StateVersion(id=vid, entity_id="e", meeting_id=vid, date=key, sort_key=key, snapshot=Snapshot(), delta=delta)


def test_later_statements_in_a_meeting_win() -> None:
    delta = merge_assertions([
        StateAssertion(entity="x", turn=3, quote="", progress=60),
        StateAssertion(entity="x", turn=1, quote="", progress=40, owner="Ann"),
    ])
    assert delta.progress == 60 and delta.owner == "Ann"


def test_blocked_then_unblocked_clears_blockers_and_resumes() -> None:
    blocked = apply_delta(Snapshot(status=Status.IN_PROGRESS, progress=30), Delta(status=Status.BLOCKED, blockers=["b"]))
    assert blocked.status == Status.BLOCKED and blocked.blockers == ["b"]
    resumed = apply_delta(blocked, Delta(blockers=[]))
    assert resumed.status == Status.IN_PROGRESS and resumed.blockers == [] and resumed.progress == 30


def test_done_implies_full_progress_and_progress_implies_started() -> None:
    assert apply_delta(Snapshot(progress=70), Delta(status=Status.DONE)).progress == 100
    assert apply_delta(Snapshot(), Delta(progress=20)).status == Status.IN_PROGRESS


def test_append_creates_one_version_linked_to_the_previous() -> None:
    base = version("s1", "2026-01-01|a", Delta(progress=10)).model_copy(
        update={"snapshot": Snapshot(status=Status.IN_PROGRESS, progress=10)})
    plan = replay_chain("e", base, [], version("s2", "2026-01-08|b", Delta(progress=30)))
    assert [v.id for v in plan.upserts] == ["s2"]
    assert plan.upserts[0].changed == ["progress"]
    assert plan.chains[0].links == [{"from_id": "s1", "to_id": "s2", "changed": ["progress"]}]
    assert plan.chains[0].current_id == "s2"


def test_unchanged_statement_creates_no_version() -> None:
    base = version("s1", "2026-01-01|a", Delta(progress=10)).model_copy(
        update={"snapshot": Snapshot(status=Status.IN_PROGRESS, progress=10)})
    plan = replay_chain("e", base, [], version("s2", "2026-01-08|b", Delta(progress=10)))
    assert plan.upserts == [] and plan.chains == []


def test_out_of_order_meeting_is_placed_by_date_and_later_versions_replayed() -> None:
    later = version("s3", "2026-01-15|c", Delta(progress=50)).model_copy(
        update={"snapshot": Snapshot(status=Status.IN_PROGRESS, progress=50), "changed": ["status", "progress"]})
    inserted = version("s2", "2026-01-08|b", Delta(owner="ann"))
    plan = replay_chain("e", None, [later], inserted)
    by_id = {v.id: v for v in plan.upserts}
    assert by_id["s2"].snapshot.owner == "ann"
    assert by_id["s3"].snapshot.owner == "ann" and by_id["s3"].changed == ["status", "progress"]
    assert plan.chains[0].state_ids == ["s2", "s3"] and plan.chains[0].current_id == "s3"


def test_a_later_version_that_no_longer_changes_anything_is_dropped() -> None:
    later = version("s3", "2026-01-15|c", Delta(progress=50)).model_copy(
        update={"snapshot": Snapshot(status=Status.IN_PROGRESS, progress=50)})
    plan = replay_chain("e", None, [later], version("s2", "2026-01-08|b", Delta(progress=50)))
    assert plan.deletes == ["s3"]
    assert plan.chains[0].state_ids == ["s2"]


def test_after_a_removal_the_chain_is_relinked_even_when_nothing_else_changes() -> None:
    base = version("s1", "2026-01-01|a", Delta(progress=10)).model_copy(
        update={"snapshot": Snapshot(status=Status.IN_PROGRESS, progress=10)})
    assert replay_chain("e", base, [], None).chains == []
    plan = replay_chain("e", base, [], None, relink=True)
    assert plan.chains[0].current_id == "s1" and plan.chains[0].links == []
