"""One normalisation for every layer, in any script."""

from __future__ import annotations

from datetime import date

import httpx
import pytest

from app.graph.lucene import lucene_phrase, lucene_query
from app.ingest.names import distinct_aliases, entity_id, meeting_sort_key, normalize_name
from app.query.linking import normalize

NON_LATIN = ["Иван Петров", "李雷", "Γιώργος Παπάς"]


def test_ingest_and_query_time_agree_on_atlas() -> None:
    assert normalize_name("Project Atlas") == "project atlas"
    assert normalize(" Project Atlas's ") == ["project", "atlas"]
    assert normalize_name("the dashboards") == "dashboard" == " ".join(normalize("the dashboards"))


def test_names_in_any_script_keep_their_own_key_and_id() -> None:
    keys = [normalize_name(n) for n in NON_LATIN]
    assert keys == ["иван петров", "李雷", "γιώργοσ παπάσ"]
    assert len({entity_id(n, person=True) for n in NON_LATIN}) == 3
    assert normalize_name("ＳＳＯ　Ｒｏｌｌｏｕｔ") == "sso rollout"  # NFKC: full-width letters and space
    assert normalize_name("Café Redesign") == "café redesign"
    assert entity_id("!!!") != entity_id("???") and entity_id("Atlas") == entity_id("the atlas")


def test_lucene_terms_are_plain_words_in_any_script() -> None:
    assert lucene_query("status of ö( ü") == "status OR ö OR ü"
    assert lucene_query("李雷 (李雷)") == "李雷"
    assert lucene_phrase("the Иван [Петров]") == '"иван петров"'


def test_aliases_are_distinct_under_case_folding() -> None:
    assert distinct_aliases("Straße Works", ["STRASSE WORKS", "strasse works", "Other"]) == ["Other"]
    assert meeting_sort_key(date(2026, 1, 5), None, "m1") == "2026-01-05|m1"


@pytest.mark.slow
def test_non_latin_people_and_items_work_end_to_end(api: httpx.Client) -> None:
    transcript = "\n".join([
        "Иван Петров: The Платёжный Шлюз is 40 percent done.",
        "李雷: 李雷 owns the Atlas migration.",
        "Γιώργος Παπάς: Thanks.",
    ])
    body = {"title": "intl", "date": "2026-03-02", "participants": NON_LATIN, "transcript": transcript}
    assert api.post("/api/ingest", json=body).status_code in (200, 201)
    people = api.get("/api/entities", params={"type": "person"}).json()["items"]
    assert sorted(p["name"] for p in people) == sorted(NON_LATIN)
    assert len({p["id"] for p in people}) == 3
    for name in NON_LATIN:
        found = api.get("/api/entities", params={"q": name}).json()["items"]
        assert [e["name"] for e in found] == [name], (name, found)
    assert [e["name"] for e in api.get("/api/entities", params={"q": "李雷"}).json()["items"]] == ["李雷"]
    hits = api.get("/api/search", params={"q": "Платёжный", "k": 3}).json()["results"]
    assert "Платёжный" in hits[0]["text"], hits
