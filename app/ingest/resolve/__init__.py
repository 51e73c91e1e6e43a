"""Entity resolution: which graph entity each spoken name refers to. Pure logic, no database.

A meeting's surfaces and the candidate entities from the graph start as separate groups, then
groups merge tier by tier, strongest evidence first: the same normalised name, the same name
without a project wrapper ("Project Atlas" / "the Atlas project"), an acronym ("single sign-on" /
"SSO Integration"), a token subset with the same head noun ("the dashboard" / "Analytics
Dashboard") (`lexical`), and last the embedding similarity of the names (`embedding`), trusted only where
a second, lexical signal agrees: a shared head noun, or a typo in one word with everything else the same.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from app.ingest.models import EntityMention, EntityType
from app.ingest.names import distinct_aliases, entity_id, normalize_name
from app.ingest.resolve.embedding import merge_by_embedding
from app.ingest.resolve.lexical import Group, Tier, merge_tier
from app.ingest.resolve.models import Embed, KnownEntity, Resolution, ResolvedEntity
from app.ingest.extract.lexicon import guess_type
from app.ingest.resolve.naming import Name, acronyms, canonical_name, display_name, initials, is_fuller_name, name_rank
from app.ingest.resolve.people import resolve_person

__all__ = ["KnownEntity", "Resolution", "ResolvedEntity", "acronyms", "initials", "resolve_entities", "resolve_person"]


def resolve_entities(
    mentions: list[EntityMention], known: list[KnownEntity], embed: Embed | None = None, people: Sequence[str] = ()
) -> Resolution:
    """Map every mention surface to one entity: an existing one from `known`, or a new one. A surface that is
    one of `people` is never merged into an item, and a person's name never becomes an item's alias."""
    person_keys = {normalize_name(p) for p in people} - {""}

    def item_names(names: Iterable[str]) -> list[Name]:
        return [Name.of(n) for n in dict.fromkeys(names) if normalize_name(n) not in person_keys]

    surfaces = list(dict.fromkeys(m.surface for m in mentions if m.surface.strip()))
    groups = [Group(item_names([k.name, *k.aliases]) or [Name.of(k.name)], known=k) for k in known]
    groups += [Group([Name.of(s)], surfaces=[s], person=normalize_name(s) in person_keys) for s in surfaces]
    for tier in Tier:
        merge_tier(groups, tier)
    if embed is not None:
        merge_by_embedding(groups, known, embed)
    return _resolution([g for g in groups if g.surfaces], mentions, person_keys)


def _entity_type(group: Group, mentions: list[EntityMention], name: str) -> EntityType:
    surfaces = set(group.surfaces)
    sure = [guess_type(s)[0] for s in group.surfaces if guess_type(s)[1]]
    if sure:
        return Counter(sure).most_common(1)[0][0]
    votes = [m.type for m in mentions if m.surface in surfaces and m.type is not None]
    return Counter(votes).most_common(1)[0][0] if votes else guess_type(name)[0]


def _resolution(groups: list[Group], mentions: list[EntityMention], person_keys: set[str]) -> Resolution:
    entities: list[ResolvedEntity] = []
    by_surface: dict[str, str] = {}
    for group in groups:
        if group.known is not None:
            known = group.known
            best_new = max(group.surfaces, key=lambda s: (name_rank(s), -group.surfaces.index(s)))
            name = display_name(best_new) if is_fuller_name(best_new, known.name) else known.name
            aliases = distinct_aliases(name, [known.name], known.aliases, group.surfaces)
            aliases = [a for a in aliases if normalize_name(a) not in person_keys]
            entity = ResolvedEntity(id=known.id, name=name, type=known.type, aliases=aliases, is_new=False)
        else:
            name = canonical_name(group.surfaces)
            entity = ResolvedEntity(
                id=entity_id(name),
                name=name,
                type=_entity_type(group, mentions, name),
                aliases=distinct_aliases(name, group.surfaces),
                is_new=True,
            )
        entities.append(entity)
        by_surface.update((s, entity.id) for s in group.surfaces)
    return Resolution(entities=entities, by_surface=by_surface)
