from app.query.critical_path import WorkItem, critical_path


def item(i: str, progress: int, *deps: str) -> WorkItem:
    return WorkItem(id=i, name=i.upper(), status="in_progress", progress=progress, depends_on=list(deps))


def test_longest_chain_by_remaining_work() -> None:
    result = critical_path([item("a", 50, "b", "c"), item("b", 0), item("c", 90), item("d", 0)])
    assert result.path == ["A", "B"] and result.remaining == 150


def test_cycles_are_reported_not_followed() -> None:
    result = critical_path([item("a", 0, "b"), item("b", 0, "a")])
    assert result.cycles and result.remaining == 200


def test_large_chain_is_linear() -> None:
    n = 10_000
    items = [item(f"n{i}", 50, f"n{i + 1}") for i in range(n - 1)] + [item(f"n{n - 1}", 50)]
    assert critical_path(items).remaining == 50 * n
