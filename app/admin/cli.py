"""The curation commands of `smartmeet` (registered on the main Typer app in app/cli.py)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer
from pydantic import BaseModel, ValidationError

from app.admin.errors import AdminError
from app.admin.models import EntityPatch, MergeRequest
from app.config import get_settings
from app.graph.driver import Graph
from app.ingest.models import EntityType

T = TypeVar("T")


def _run(work: Callable[[Graph], Awaitable[T]]) -> T:
    async def run() -> T:
        from app.graph.migrations import migrate

        graph = Graph(get_settings())
        try:
            await migrate(graph)
            return await work(graph)
        finally:
            await graph.close()

    try:
        return asyncio.run(run())
    except AdminError as exc:
        typer.secho(f"error ({exc.status}): {exc.detail}", err=True, fg=typer.colors.RED)
        raise typer.Exit(1) from exc


def _validated(model: type[BaseModel], **fields: object) -> BaseModel:
    try:
        return model(**fields)
    except ValidationError as exc:
        messages = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
        typer.secho(f"error: {messages}", err=True, fg=typer.colors.RED)
        raise typer.Exit(2) from exc


def _echo(result: BaseModel | list[BaseModel]) -> None:
    if isinstance(result, list):
        typer.echo("[" + ",\n".join(r.model_dump_json(indent=2) for r in result) + "]")
    else:
        typer.echo(result.model_dump_json(indent=2))


def _patch(entity_id: str, **fields: object) -> None:
    from app.admin.edit import patch_entity
    from app.embedding import embedder_for

    patch = _validated(EntityPatch, **fields)
    embedder = embedder_for(get_settings()) if patch.name else None
    _echo(_run(lambda graph: patch_entity(graph, embedder, entity_id, patch)))


def register(app: typer.Typer) -> None:
    catalogue = typer.Typer(help="Known work items from an issue tracker's export.", no_args_is_help=True)
    app.add_typer(catalogue, name="catalogue")

    @catalogue.command("import")
    def import_catalogue(
        file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV or JSON")],
    ) -> None:
        """Create or update the items a catalogue lists; extraction then recognises their names. Idempotent."""
        from app.admin.catalogue import CatalogueRejected, import_catalogue as run_import, parse_catalogue
        from app.embedding import embedder_for

        try:
            items = parse_catalogue(file.read_bytes(), file.name)
        except CatalogueRejected as exc:
            for error in exc.errors:
                typer.secho(f"error: row {error.row}, {error.field}: {error.msg}", err=True, fg=typer.colors.RED)
            raise typer.Exit(2) from exc
        embedder = embedder_for(get_settings())
        _echo(_run(lambda graph: run_import(graph, embedder, items)))

    @app.command()
    def duplicates(
        limit: int = typer.Option(20, min=1, max=500, help="At most this many pairs."),
        min_score: float = typer.Option(0.65, min=0, max=1, help="Leave out pairs scoring less."),
    ) -> None:
        """Likely duplicate entities, best first, with the evidence and a ready `smartmeet merge` line."""
        from app.admin.duplicates import find_duplicates

        for pair in _run(lambda graph: find_duplicates(graph, limit, min_score)):
            e = pair.evidence
            typer.echo(f"{pair.score:.2f}  {pair.a.name!r} ({pair.a.id})  ~  {pair.b.name!r} ({pair.b.id})")
            embedding = "-" if e.embedding_similarity is None else f"{e.embedding_similarity:.2f}"
            typer.echo(f"      names {e.name_similarity:.2f}, embeddings {embedding}, shared meetings "
                       f"{e.shared_meetings}, never together {e.never_together}, shared neighbours {e.shared_neighbours}")
            typer.echo(f"      smartmeet merge {pair.merge.target} {' '.join(pair.merge.sources)}")

    @app.command()
    def merge(
        target: Annotated[str, typer.Argument(help="The entity that stays.")],
        sources: Annotated[list[str], typer.Argument(help="Entities folded into the target.")],
    ) -> None:
        """Merge entities into TARGET in one transaction; prints the merge id to undo it with."""
        from app.admin.merge import merge_entities

        request = _validated(MergeRequest, target=target, sources=sources)
        _echo(_run(lambda graph: merge_entities(graph, request)))

    @app.command("undo-merge")
    def undo_merge(merge_id: str = typer.Argument(..., help="The id `smartmeet merge` printed.")) -> None:
        """Put the graph back exactly as it was before a merge."""
        from app.admin.merge import undo_merge as undo

        _echo(_run(lambda graph: undo(graph, merge_id)))

    @app.command()
    def rename(entity_id: str, name: str) -> None:
        """Rename an entity; the old name becomes an alias, so it still resolves."""
        _patch(entity_id, name=name)

    @app.command()
    def alias(
        entity_id: str,
        add: Annotated[list[str] | None, typer.Option("--add", help="An alias to add (repeatable).")] = None,
        remove: Annotated[list[str] | None, typer.Option("--remove", help="An alias to remove (repeatable).")] = None,
    ) -> None:
        """Add or remove aliases of an entity."""
        _patch(entity_id, add_aliases=add or [], remove_aliases=remove or [])

    @app.command("set-type")
    def set_type(entity_id: str, type: EntityType) -> None:
        """Change an entity's type (and its label): project, feature or task; people stay people."""
        _patch(entity_id, type=type)

    @app.command()
    def dismiss(entity_id: str = typer.Argument(..., help="The work item that is not one.")) -> None:
        """Mark an entity as not a work item: it is removed and later meetings never create it again; undoable."""
        from app.admin.dismiss import dismiss_entity

        _echo(_run(lambda graph: dismiss_entity(graph, entity_id)))

    @app.command()
    def dismissals(limit: int = typer.Option(100, min=1, max=1000, help="At most this many.")) -> None:
        """Entities marked as not work items, newest first, with the names now ignored."""
        from app.admin.dismiss import list_dismissals

        _echo(_run(lambda graph: list_dismissals(graph, limit)))

    @app.command("undo-dismiss")
    def undo_dismiss(dismissal_id: str = typer.Argument(..., help="The id `smartmeet dismiss` printed.")) -> None:
        """Restore a dismissed entity and take its names off the ignore list."""
        from app.admin.dismiss import undo_dismissal

        _echo(_run(lambda graph: undo_dismissal(graph, dismissal_id)))

    @app.command("delete-meeting")
    def delete_meeting(meeting_id: str) -> None:
        """Delete a meeting and everything only it contributed; touched state chains are replayed."""
        from app.admin.meetings import delete_meeting as delete

        _echo(_run(lambda graph: delete(graph, meeting_id)))
