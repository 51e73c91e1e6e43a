"""Rename an entity, add or remove aliases, change its type; one transaction each."""

from __future__ import annotations

import anyio

from app.admin.errors import Conflict, Invalid, NotFound
from app.admin.models import EntityEdit, EntityPatch
from app.embedding import Embedder
from app.graph.driver import Graph, Tx
from app.ingest.chains import lock_existing
from app.ingest.models import EntityType
from app.ingest.names import distinct_aliases, normalize_name, search_keys
from app.ingest.resolve import initials


async def patch_entity(graph: Graph, embedder: Embedder | None, entity_id: str, patch: EntityPatch) -> EntityEdit:
    """`embedder` is needed only for a rename: a work item's name embedding follows its name."""
    vector = None
    if patch.name:
        if embedder is None:
            raise ValueError("renaming needs an embedder")
        vector = (await anyio.to_thread.run_sync(embedder.encode, [patch.name]))[0]
    return await graph.in_write_transaction(lambda tx: _patch(tx, entity_id, patch, vector))


async def _patch(tx: Tx, entity_id: str, patch: EntityPatch, name_vector: list[float] | None) -> EntityEdit:
    # locked first, so the read sees an entity a concurrent merge is deleting as gone, not half there
    locked = await lock_existing(tx, [entity_id])
    rows = await tx.run("admin/read_entities", entity_ids=[entity_id]) if locked else []
    if not rows or rows[0]["type"] is None:
        raise NotFound(f"no entity {entity_id!r}")
    entity = rows[0]
    old_type = EntityType(entity["type"])
    new_type = patch.type or old_type
    if (new_type == EntityType.PERSON) != (old_type == EntityType.PERSON):
        raise Invalid(f"a {old_type.value} cannot become a {new_type.value}: people and work items stay apart")

    name = patch.name or entity["name"]
    renamed = name != entity["name"]
    aliases = list(entity["aliases"] or [])
    known = {a.lower() for a in aliases}
    unknown = [a for a in patch.remove_aliases if a.lower() not in known]
    if unknown:
        raise Invalid(f"{entity_id!r} has no alias {unknown[0]!r}; its aliases are {aliases}")
    if any(a.lower() == name.lower() for a in patch.add_aliases):
        raise Invalid(f"{name!r} is the entity's name, not an alias")
    removed = {a.lower() for a in patch.remove_aliases}
    kept = [a for a in aliases if a.lower() not in removed]
    aliases = distinct_aliases(name, [entity["name"]] if renamed else [], kept, patch.add_aliases)

    person = new_type == EntityType.PERSON
    new_keys = sorted({normalize_name(n) for n in ([name] if renamed else []) + patch.add_aliases} - {""})
    clashes = await tx.run("admin/names_in_use", id=entity_id, person=person, keys=new_keys) if new_keys else []
    if clashes:
        other = clashes[0]
        raise Conflict(
            f"{other['keys'][0]!r} already names {other['name']!r} ({other['id']}); merge the two instead"
        )

    await tx.run(
        "admin/update_entity", id=entity_id, name=name, type=new_type.value, label=new_type.value.capitalize(),
        aliases=aliases, name_key=normalize_name(name), initials=initials(name) if not person else None,
        search_keys=search_keys(name, aliases),
        name_embedding=name_vector if renamed and not person else None,
    )
    return EntityEdit(id=entity_id, name=name, type=new_type, aliases=aliases, search_keys=search_keys(name, aliases))
