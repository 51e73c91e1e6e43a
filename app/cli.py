"""The `smartmeet` command line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from app.config import get_settings
from app.graph.server import Neo4jServer, Neo4jServerError, ServerStatus

app = typer.Typer(
    help="Smart-Meet Graph: meeting transcripts in, a versioned knowledge graph out.", no_args_is_help=True
)
neo4j_app = typer.Typer(help="The project's own Neo4j server (jars from Maven Central).", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")


@contextmanager
def _friendly_errors() -> Iterator[None]:
    try:
        yield
    except Neo4jServerError as exc:
        typer.secho(f"error: {exc}", err=True, fg=typer.colors.RED)
        raise typer.Exit(1) from exc


def _print_status(status: ServerStatus) -> None:
    if not status.running:
        typer.echo(f"Neo4j {status.version} is not running (data dir {status.data_dir})")
        return
    user = get_settings().neo4j_user
    typer.echo(f"Neo4j {status.version} is running (pid {status.pid}, data dir {status.data_dir})")
    typer.echo(f"  Bolt:    {status.bolt_uri}  (user {user})")
    typer.echo(f"  HTTP:    {status.http_url}")
    typer.echo(f"  Browser: {status.browser_url}")


@neo4j_app.command()
def assemble() -> None:
    """Fetch the Neo4j server and Browser jars (cached per version)."""
    with _friendly_errors():
        lib_dir = Neo4jServer(get_settings()).assemble()
    typer.echo(f"Neo4j jars ready in {lib_dir}")


@neo4j_app.command()
def start(timeout: float = typer.Option(120, help="Seconds to wait for Bolt to answer.")) -> None:
    """Start Neo4j in the background (no-op when already running)."""
    with _friendly_errors():
        status = Neo4jServer(get_settings()).start(timeout_s=timeout)
    _print_status(status)


@neo4j_app.command()
def stop(timeout: float = typer.Option(60, help="Seconds to wait for a clean shutdown before killing.")) -> None:
    """Stop Neo4j (no-op when not running)."""
    with _friendly_errors():
        Neo4jServer(get_settings()).stop(timeout_s=timeout)
    typer.echo("Neo4j stopped")


@neo4j_app.command()
def status() -> None:
    """Show whether Neo4j is running and where to reach it."""
    _print_status(Neo4jServer(get_settings()).status())
