"""The pure parts of curation: lossless property values, and folding two entities' versions of one meeting."""

from __future__ import annotations

from datetime import UTC

from neo4j.time import Date, DateTime

from app.admin.chains import StoredState, fold_into, rebuild, rewrite_ids
from app.admin.values import decode, encode, vector_digest
from app.ingest.diff import Delta, Snapshot, StateVersion
from app.ingest.models import Status


def test_property_values_round_trip_through_json() -> None:
    import json

    values = [
        "text", 3, 0.1 + 0.2, True, None, [], ["a", "b"], [0.1, -2.5e-08],
        Date(2026, 3, 2), DateTime(2026, 11, 21, 10, 45, 4, 246000000, tzinfo=UTC),
        DateTime.from_iso_format("2026-11-21T10:45:04.246000001+00:00"),
    ]
    for value in values:
        assert decode(json.loads(json.dumps(encode(value)))) == value


def test_vector_digests_tell_vectors_apart() -> None:
    assert vector_digest([0.1, 0.2]) == vector_digest([0.1, 0.2])
    assert vector_digest([0.1, 0.2]) != vector_digest([0.1, 0.2000001])


def _version(entity: str, meeting: str, key: str, **delta: object) -> StateVersion:
    return StateVersion(id=f"{entity}@{meeting}", entity_id=entity, meeting_id=meeting, date=key[:10],
                        sort_key=key, snapshot=Snapshot(), delta=Delta(**delta), quote=f"{entity} {meeting}")


def test_versions_of_one_meeting_fold_in_the_order_they_were_said() -> None:
    early = StoredState(version=_version("a", "m1", "2026-01-01|m1", progress=30, owner="p1"), turn=2)
    late = StoredState(version=_version("b", "m1", "2026-01-01|m1", progress=60), turn=9)
    other = StoredState(version=_version("b", "m2", "2026-01-08|m2", status=Status.DONE), turn=0)
    folded = {v.meeting_id: v for v in fold_into("a", [late, early, other], preferred="a")}
    assert folded["m1"].id == "a@m1" and folded["m1"].entity_id == "a"
    assert folded["m1"].delta == Delta(progress=60, owner="p1")
    assert folded["m1"].quote == "b m1"  # the provenance of the last statement
    plan = rebuild("a", list(folded.values()), ["a@m1", "b@m1", "b@m2"])
    assert [(v.id, v.snapshot.status, v.snapshot.progress) for v in plan.upserts] == [
        ("a@m1", Status.IN_PROGRESS, 60), ("a@m2", Status.DONE, 100)]
    assert plan.deletes == ["b@m1", "b@m2"] and plan.chains[0].current_id == "a@m2"


def test_rewritten_ids_point_at_the_survivor_and_never_at_oneself() -> None:
    version = _version("x", "m1", "2026-01-01|m1", status=Status.BLOCKED, owner="p2", blockers=["b", "a", "c"])
    rewritten = rewrite_ids(version, {"p2": "p1", "b": "a", "c": "x"})
    assert rewritten.delta.owner == "p1" and rewritten.delta.blockers == ["a"]
