"""Catalogue import: known work items (name, aliases, type, owner) from CSV or JSON, the shape Jira, Linear and
GitHub issue exports reduce to ("Summary"/"Title" for the name, "Assignee" for the owner, "Epic"/"Story"/"Bug"
for the type are read too).

Every row is checked before anything is written: one bad row refuses the whole import, with each problem named by
row (1 for the first item) and field. Items get their ids from `names.entity_id`; an item whose name is already
an entity's name or alias updates that entity (its old name becomes an alias). Catalogued items are never swept
as orphans, and extraction recognises their names wherever they are said (`evidence.with_catalogued`).
Importing the same catalogue again changes nothing.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import anyio
from pydantic import ValidationError

from app.admin.errors import Invalid
from app.admin.models import CatalogueEntry, CatalogueItem, CatalogueResult, CatalogueRowError
from app.embedding import Embedder
from app.graph.driver import Graph, Tx
from app.ingest.chains import sweep_orphans
from app.ingest.extract.lexicon import guess_type
from app.ingest.models import EntityType
from app.ingest.names import distinct_aliases, entity_id, fold, normalize_name, search_keys
from app.ingest.resolve import initials

_COLUMNS = {
    "name": ("name", "title", "summary"),
    "aliases": ("aliases", "alias", "also known as"),
    "type": ("type", "issue type", "kind"),
    "owner": ("owner", "assignee", "assignees"),
}
TYPES = {
    **dict.fromkeys(("project", "epic", "initiative"), EntityType.PROJECT),
    **dict.fromkeys(("feature", "story", "user story", "improvement"), EntityType.FEATURE),
    **dict.fromkeys(("task", "sub-task", "subtask", "bug", "chore", "issue"), EntityType.TASK),
}


class CatalogueRejected(Invalid):
    def __init__(self, errors: list[CatalogueRowError]) -> None:
        super().__init__("; ".join(f"row {e.row}, {e.field}: {e.msg}" for e in errors))
        self.errors = errors


def parse_catalogue(raw: bytes | str, filename: str = "") -> list[CatalogueItem]:
    """JSON (a list of items, or {"items": [...]}) when the file says so or the text starts like JSON, else CSV."""
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:
        raise CatalogueRejected([CatalogueRowError(row=0, field="file", msg="is not UTF-8 text")]) from exc
    if filename.lower().endswith(".json") or text.lstrip()[:1] in ("[", "{"):
        return validate_rows(_json_rows(text))
    try:
        return validate_rows(_csv_rows(text))
    except csv.Error as exc:
        raise CatalogueRejected([CatalogueRowError(row=0, field="file", msg=f"is not readable CSV: {exc}")]) from exc


def _json_rows(text: str) -> list[Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogueRejected([CatalogueRowError(row=0, field="file", msg=f"is not valid JSON: {exc}")]) from exc
    rows = data.get("items") if isinstance(data, dict) else data
    if not isinstance(rows, list):
        raise CatalogueRejected([CatalogueRowError(row=0, field="items", msg="expected a list of items")])
    return rows


def _csv_rows(text: str) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text))
    header = {(h or "").strip().lower(): h for h in reader.fieldnames or []}
    columns = {field: next((header[n] for n in names if n in header), None) for field, names in _COLUMNS.items()}
    if columns["name"] is None:
        raise CatalogueRejected([CatalogueRowError(row=0, field="name", msg=(
            f"the header has no name column (one of {', '.join(_COLUMNS['name'])}); it has {list(header)}"))])
    rows = []
    for line in reader:
        row: dict[str, Any] = {f: (line.get(c) or "").strip() for f, c in columns.items() if c is not None}
        row["aliases"] = [a for a in row.get("aliases", "").replace("|", ";").split(";") if a.strip()]
        rows.append({k: v for k, v in row.items() if v not in ("", None) or k == "name"})
    return rows


def validate_rows(rows: list[Any]) -> list[CatalogueItem]:
    items, errors, first_seen = [], [], {}
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            errors.append(CatalogueRowError(row=number, field="row", msg="expected an object with a name"))
            continue
        kind = row.get("type")
        if isinstance(kind, str) and kind.strip():
            if kind.strip().lower() not in TYPES:
                errors.append(CatalogueRowError(row=number, field="type", msg=(
                    f"unknown type {kind!r}; use project, feature or task (or epic, story, bug, ...)")))
                continue
            row = {**row, "type": TYPES[kind.strip().lower()]}
        try:
            item = CatalogueItem.model_validate(row)
        except ValidationError as exc:
            errors += [CatalogueRowError(row=number, field=".".join(map(str, e["loc"])) or "row",
                                         msg=e["msg"].removeprefix("Value error, ")) for e in exc.errors()]
            continue
        key = normalize_name(item.name)
        if key in first_seen:
            errors.append(CatalogueRowError(row=number, field="name", msg=f"the same item as row {first_seen[key]}"))
            continue
        first_seen[key] = number
        items.append(item)
    if errors:
        raise CatalogueRejected(errors)
    if not items:
        raise CatalogueRejected([CatalogueRowError(row=0, field="items", msg="the catalogue lists no items")])
    return items


async def import_catalogue(graph: Graph, embedder: Embedder, items: list[CatalogueItem]) -> CatalogueResult:
    names = [item.name for item in items]
    vectors = dict(zip(names, await anyio.to_thread.run_sync(embedder.encode, names)))
    return await graph.in_write_transaction(lambda tx: _import(tx, items, vectors))


async def _import(tx: Tx, items: list[CatalogueItem], vectors: dict[str, list[float]]) -> CatalogueResult:
    keys = sorted({k for item in items for k in search_keys(item.name, item.aliases)})
    in_use = await tx.run("admin/names_in_use", id="", person=False, keys=keys)
    owners_of = {k: [r for r in in_use if k in r["keys"]] for k in keys}
    ids = sorted({r["id"] for r in in_use})
    stored = {r["id"]: r for r in await tx.run("curation/read_catalogue_entities", ids=ids)}
    errors, entries, writes, old_owners = [], [], [], set()
    for number, item in enumerate(items, start=1):
        named = owners_of.get(normalize_name(item.name), [])
        if len(named) > 1:
            errors.append(CatalogueRowError(row=number, field="name", msg=(
                f"{item.name!r} names several items ({', '.join(r['id'] for r in named)}); merge them first")))
            continue
        eid = named[0]["id"] if named else entity_id(item.name)
        clashes = [r for a in item.aliases for r in owners_of.get(normalize_name(a), []) if r["id"] != eid]
        if clashes:
            errors.append(CatalogueRowError(row=number, field="aliases", msg=(
                f"{clashes[0]['name']!r} ({clashes[0]['id']}) already has the name {clashes[0]['keys'][0]!r}; "
                "merge the two or leave the alias out")))
            continue
        entry, write = _plan(eid, item, stored.get(eid), vectors[item.name])
        entries.append(entry)
        if write:
            writes.append(write)
            if stored.get(eid) and stored[eid]["owner_id"]:
                old_owners.add(stored[eid]["owner_id"])
    if errors:
        raise CatalogueRejected(errors)
    if writes:
        await tx.run("curation/upsert_catalogue_items", items=writes)
        await sweep_orphans(tx, old_owners)
    count = {s: sum(1 for e in entries if e.status == s) for s in ("created", "updated", "unchanged")}
    return CatalogueResult(**count, items=entries)


def _plan(
    eid: str, item: CatalogueItem, stored: dict[str, Any] | None, vector: list[float]
) -> tuple[CatalogueEntry, dict[str, Any] | None]:
    """What the entity becomes, and the row to write (None when it is that already)."""
    old_name = stored["name"] if stored else item.name
    kept = ([old_name] if fold(old_name) != fold(item.name) else []) + list(stored["aliases"] or [] if stored else [])
    aliases = distinct_aliases(item.name, kept, item.aliases)
    kind = item.type or (EntityType(stored["type"]) if stored else guess_type(item.name)[0])
    owner = item.owner or (stored["owner"] if stored else None)
    entry = CatalogueEntry(id=eid, name=item.name, type=kind, aliases=aliases, owner=owner, status="created")
    if stored:
        same = (stored["name"], stored["type"], list(stored["aliases"] or []), stored["owner"], stored["catalogued"])
        entry.status = "unchanged" if same == (item.name, kind.value, aliases, owner, True) else "updated"
        if entry.status == "unchanged":
            return entry, None
    write = {
        "id": eid, "name": item.name, "type": kind.value, "label": kind.value.capitalize(), "aliases": aliases,
        "name_key": normalize_name(item.name), "search_keys": search_keys(item.name, aliases),
        "initials": initials(item.name),
        "name_embedding": vector if not stored or stored["name"] != item.name else None,
        "owner": {"id": entity_id(owner, person=True), "name": owner, "name_key": normalize_name(owner),
                  "search_keys": search_keys(owner)} if owner else None,
    }
    return entry, write
