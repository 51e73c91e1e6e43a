"""The `smartmeet` command line."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import typer

from app.admin.cli import register as register_admin_commands
from app.config import get_settings
from app.graph.server import Neo4jServer, Neo4jServerError, ServerStatus

if TYPE_CHECKING:
    from app.security.keys import KeyStore

T = TypeVar("T")

app = typer.Typer(
    help="Smart-Meet Graph: meeting transcripts in, a versioned knowledge graph out.", no_args_is_help=True
)
neo4j_app = typer.Typer(help="The project's own Neo4j server (jars from Maven Central).", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
keys_app = typer.Typer(help="API keys with scopes (read, write, admin); a key is shown once, when created.",
                       no_args_is_help=True)
app.add_typer(keys_app, name="keys")


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


@app.command()
def migrate() -> None:
    """Apply the schema migrations in cypher/schema that the graph has not seen yet."""
    from app.graph.driver import Graph
    from app.graph.migrations import migrate as apply_migrations

    async def run() -> list[str]:
        graph = Graph(get_settings())
        try:
            return [m.statement_name for m in await apply_migrations(graph)]
        finally:
            await graph.close()

    applied = asyncio.run(run())
    typer.echo(f"applied {len(applied)} migration(s)" + (": " + ", ".join(applied) if applied else "; schema is current"))


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., exists=True, help="Meeting JSON files (the API's shape), or folders of them"),
    workers: int = typer.Option(2, min=1, max=16, help="Meetings prepared (chunked, read, embedded) ahead of the write."),
) -> None:
    """Ingest meeting files straight into the graph in date order, with progress and an ETA."""
    from pydantic import ValidationError
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from app.ingest.backfill import backfill
    from app.ingest.requests import IngestRequest
    from app.services import build_services

    files = sorted({f for p in paths for f in (sorted(p.glob("*.json")) if p.is_dir() else [p])})
    meetings = []
    for path in files:
        try:
            meetings.append(IngestRequest.model_validate_json(path.read_text(encoding="utf-8")).to_meeting())
        except (ValidationError, UnicodeDecodeError) as exc:
            typer.secho(f"{path}: {exc}", err=True, fg=typer.colors.RED)

    async def run() -> None:
        services = build_services(get_settings())
        columns = (TextColumn("Ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn())
        try:
            await services.ensure_schema()
            with Progress(*columns) as progress:
                bar = progress.add_task("ingest", total=len(meetings))
                async for outcome in backfill(services.pipeline, meetings, workers=workers):
                    name = outcome.meeting.external_id or outcome.meeting.title
                    if outcome.result is None:
                        progress.console.print(f"[red]{name}: {outcome.error}[/red]")
                    else:
                        r = outcome.result
                        progress.console.print(f"{name}: {r.status}, {r.entities} items, {r.states} state changes")
                    progress.advance(bar)
        finally:
            await services.close()

    asyncio.run(run())


def _with_key_store(work: Callable[[KeyStore], Awaitable[T]]) -> T:
    from app.graph.driver import Graph
    from app.graph.migrations import migrate as apply_migrations
    from app.security.keys import KeyStore

    async def run() -> T:
        graph = Graph(get_settings())
        try:
            await apply_migrations(graph)
            return await work(KeyStore(graph, cache_s=0))
        finally:
            await graph.close()

    return asyncio.run(run())


@keys_app.command("create")
def keys_create(
    scopes: str = typer.Option("read", help="Comma-separated scopes: read, write, admin."),
    name: str = typer.Option(None, help="What the key is for."),
) -> None:
    """Create a key and print it (only this once; Neo4j keeps a hash)."""
    from app.security.keys import Scope

    try:
        wanted = [Scope(s.strip()) for s in scopes.split(",") if s.strip()]
    except ValueError as exc:
        raise typer.BadParameter(f"{exc}; scopes are read, write, admin", param_hint="--scopes") from exc
    if not wanted:
        raise typer.BadParameter("name at least one scope", param_hint="--scopes")
    new = _with_key_store(lambda store: store.create(wanted, name))
    scopes_text = ",".join(new.api_key.scopes)
    typer.echo(f"key id {new.api_key.key_id}, scopes {scopes_text}; store the key now, it is not shown again:", err=True)
    typer.echo(new.key)


@keys_app.command("list")
def keys_list() -> None:
    """List keys (ids, names, scopes, revoked), never the keys themselves."""
    for key in _with_key_store(lambda store: store.list()):
        state = f"revoked {key.revoked_at:%Y-%m-%d}" if key.revoked and key.revoked_at else "active"
        typer.echo(f"{key.key_id}  {','.join(key.scopes):<16} {state:<18} {key.created_at:%Y-%m-%d}  {key.name or ''}")


@keys_app.command("revoke")
def keys_revoke(key_id: str = typer.Argument(..., help="The key id shown by `keys create` and `keys list`.")) -> None:
    """Revoke a key; API processes stop accepting it within API_KEY_CACHE_S seconds."""
    key = _with_key_store(lambda store: store.revoke(key_id))
    if key is None:
        typer.secho(f"no key {key_id!r}", err=True, fg=typer.colors.RED)
        raise typer.Exit(1)
    typer.echo(f"key {key_id} revoked")


@app.command()
def serve(
    host: str = typer.Option(None, help="Defaults to API_HOST (127.0.0.1)."),
    port: int = typer.Option(None, help="Defaults to API_PORT (8000)."),
    background: bool = typer.Option(False, help="Start in the background and return once /health answers."),
    stop: bool = typer.Option(False, help="Stop a server started with --background."),
) -> None:
    """Serve the HTTP API."""
    settings = get_settings()
    host, port = host or settings.api_host, port or settings.api_port
    pid_file = settings.neo4j_data_dir.parent / "api.pid"
    if stop:
        _stop_background(pid_file)
        return
    if background:
        _start_background(pid_file, host, port)
        return
    import uvicorn

    uvicorn.run("app.main:create_app", factory=True, host=host, port=port, log_level="info")


def _start_background(pid_file: Path, host: str, port: int) -> None:
    import httpx

    pid_file.parent.mkdir(parents=True, exist_ok=True)
    log = (pid_file.parent / "api.log").open("ab")
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--host", host, "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    pid_file.write_text(str(process.pid))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            typer.secho(f"the API exited; see {log.name}", err=True, fg=typer.colors.RED)
            raise typer.Exit(1)
        try:
            if httpx.get(f"http://{host}:{port}/health", timeout=2).status_code == 200:
                typer.echo(f"API serving on http://{host}:{port} (pid {process.pid}, log {log.name})")
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    typer.secho("the API did not become healthy in time", err=True, fg=typer.colors.RED)
    raise typer.Exit(1)


def _stop_background(pid_file: Path) -> None:
    if not pid_file.exists():
        typer.echo("no background API to stop")
        return
    pid = int(pid_file.read_text())
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    pid_file.unlink()
    typer.echo(f"API (pid {pid}) stopped")


@app.command()
def ask(
    question: str = typer.Argument(..., help='A question, e.g. "what is blocking the billing revamp?"'),
    api: str = typer.Option(None, help="Ask a remote API (e.g. http://host:8000) instead of the local graph."),
    key: str = typer.Option(None, envvar="SMARTMEET_API_KEY", help="API key for --api."),
    cypher: bool = typer.Option(False, "--cypher", help="Also print the Cypher behind the answer."),
    as_json: bool = typer.Option(False, "--json", help="Print the raw answer as JSON."),
) -> None:
    """Answer a question, with its sources (meeting, date, speakers, quote)."""
    import httpx

    from app.ask import RemoteError, ask_local, ask_remote, render

    try:
        answer = ask_remote(api, key, question) if api else asyncio.run(ask_local(get_settings(), question))
    except (RemoteError, OSError, httpx.HTTPError) as exc:
        typer.secho(f"error: {exc}", err=True, fg=typer.colors.RED)
        raise typer.Exit(1) from exc
    typer.echo(answer.model_dump_json(indent=2) if as_json else render(answer, cypher))


@app.command()
def mcp() -> None:
    """Serve the MCP server over stdio (for Claude Desktop, VS Code and other assistants)."""
    from app.mcp.stdio import run_stdio

    asyncio.run(run_stdio(get_settings()))


register_admin_commands(app)


if __name__ == "__main__":
    app()
