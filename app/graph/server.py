"""The project's own Neo4j Community server: jars from Maven Central, one detached JVM per data dir.

Layout of a data dir (the instance's home): conf/neo4j.conf, data/, logs/, run/neo4j.pid, import/, plugins/.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError
from pydantic import BaseModel, SecretStr

from app.config import PROJECT_ROOT, Settings

POM = PROJECT_ROOT / "neo4j" / "pom.xml"
HOST = "127.0.0.1"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
MIN_PASSWORD_LENGTH = 8

# The `server.jvm.additional` flags of the official 5.26 tarball's neo4j.conf. We start the JVM ourselves
# rather than through Neo4j's bootloader, so they are passed here instead of through neo4j.conf.
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+AlwaysPreTouch",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dlog4j.layout.jsonTemplate.maxStringLength=32768",
    "-Dfile.encoding=UTF-8",
)


class Neo4jServerError(RuntimeError):
    """The Neo4j server could not be assembled, started or stopped."""


class PortInUseError(Neo4jServerError):
    def __init__(self, port: int) -> None:
        super().__init__(
            f"port {port} on {HOST} is already in use by another process; "
            "stop it or choose other ports (NEO4J_BOLT_PORT, NEO4J_HTTP_PORT)"
        )
        self.port = port


class ServerStatus(BaseModel):
    running: bool
    pid: int | None
    bolt_uri: str
    http_url: str
    browser_url: str
    version: str
    data_dir: Path


class Neo4jServer:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.version_dir = settings.neo4j_cache_dir.expanduser().resolve() / settings.neo4j_version
        self.lib_dir = self.version_dir / "lib"
        self.data_dir = settings.neo4j_data_dir.expanduser().resolve()
        self.conf_dir = self.data_dir / "conf"
        self.logs_dir = self.data_dir / "logs"
        self.pid_file = self.data_dir / "run" / "neo4j.pid"
        self._process: subprocess.Popen[bytes] | None = None

    def assemble(self) -> Path:
        """Download the server and Browser jars into the per-version cache, unless already there."""
        marker = self.version_dir / "assembled.txt"
        wanted = f"neo4j {self.settings.neo4j_version}\nbrowser {self.settings.neo4j_browser_version}\n"
        if self.lib_dir.is_dir() and marker.is_file() and marker.read_text() == wanted:
            return self.lib_dir
        mvn = shutil.which("mvn")
        if mvn is None:
            raise Neo4jServerError("Maven (mvn) is not on PATH; it is needed to fetch the Neo4j jars")
        staging = self.version_dir / f"lib.{os.getpid()}.partial"
        shutil.rmtree(staging, ignore_errors=True)
        result = subprocess.run(
            [
                mvn,
                "-q",
                "-B",
                "-f",
                str(POM),
                "dependency:copy-dependencies",
                f"-DoutputDirectory={staging}",
                f"-Dneo4j.version={self.settings.neo4j_version}",
                f"-Dbrowser.version={self.settings.neo4j_browser_version}",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            shutil.rmtree(staging, ignore_errors=True)
            raise Neo4jServerError(f"mvn could not fetch the Neo4j jars:\n{_tail(result.stdout + result.stderr)}")
        shutil.rmtree(self.lib_dir, ignore_errors=True)
        staging.rename(self.lib_dir)
        marker.write_text(wanted)
        return self.lib_dir

    def start(self, timeout_s: float = 120) -> ServerStatus:
        """Start the server (or find it running) and return once Bolt and HTTP answer."""
        deadline = time.monotonic() + timeout_s
        current = self.status()
        if current.running and current.pid is not None:
            self._wait_until_ready(current.pid, deadline)
            return current
        password = self._password()
        for port in (self.settings.neo4j_bolt_port, self.settings.neo4j_http_port):
            if not _port_is_free(port):
                raise PortInUseError(port)
        lib_dir = self.assemble()
        self._write_conf()
        # The initial password only takes effect before the system database is first created.
        if not (self.data_dir / "data" / "databases" / "system").exists():
            self._run_admin(lib_dir, "dbms", "set-initial-password", password)
        pid = self._launch(lib_dir)
        try:
            self._wait_until_ready(pid, deadline)
        except Neo4jServerError:
            self.stop()
            raise
        return self.status()

    def stop(self, timeout_s: float = 60) -> None:
        """Shut the server down cleanly (SIGTERM); SIGKILL only if it does not exit in time."""
        pid = self._running_pid()
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            if not self._wait_for_exit(pid, timeout_s):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                self._wait_for_exit(pid, 10)
        if self._process is not None:
            self._process.wait()
            self._process = None
        self.pid_file.unlink(missing_ok=True)

    def status(self) -> ServerStatus:
        http_url = f"http://{HOST}:{self.settings.neo4j_http_port}"
        pid = self._running_pid()
        return ServerStatus(
            running=pid is not None,
            pid=pid,
            bolt_uri=f"bolt://{HOST}:{self.settings.neo4j_bolt_port}",
            http_url=http_url,
            browser_url=f"{http_url}/browser/",
            version=self.settings.neo4j_version,
            data_dir=self.data_dir,
        )

    def _password(self) -> str:
        password = self.settings.neo4j_password.get_secret_value()
        if len(password) < MIN_PASSWORD_LENGTH:
            raise Neo4jServerError(f"NEO4J_PASSWORD must have at least {MIN_PASSWORD_LENGTH} characters")
        return password

    def _conf_lines(self) -> list[str]:
        s, home = self.settings, self.data_dir
        bolt, http = f"{HOST}:{s.neo4j_bolt_port}", f"{HOST}:{s.neo4j_http_port}"
        return [
            f"server.default_listen_address={HOST}",
            f"server.default_advertised_address={HOST}",
            f"server.bolt.listen_address={bolt}",
            f"server.bolt.advertised_address={bolt}",
            f"server.http.listen_address={http}",
            f"server.http.advertised_address={http}",
            "server.https.enabled=false",
            "dbms.security.auth_enabled=true",
            f"server.directories.data={home / 'data'}",
            f"server.directories.transaction.logs.root={home / 'data' / 'transactions'}",
            f"server.directories.logs={self.logs_dir}",
            f"server.directories.run={self.pid_file.parent}",
            f"server.directories.import={home / 'import'}",
            f"server.directories.plugins={home / 'plugins'}",
            # Informational only: the heap is set by -Xms/-Xmx in _launch.
            f"server.memory.heap.initial_size={s.neo4j_heap_size}",
            f"server.memory.heap.max_size={s.neo4j_heap_size}",
            f"server.memory.pagecache.size={s.neo4j_pagecache_size}",
            f"db.transaction.timeout={s.neo4j_transaction_timeout}",
            "dbms.usage_report.enabled=false",
            "client.allow_telemetry=false",
            # Netty's default 5 s quiet period, paid twice, makes every shutdown take 10 s longer.
            "internal.dbms.bolt.netty_server_shutdown_quiet_period=1",
        ]

    def _write_conf(self) -> None:
        self.conf_dir.mkdir(parents=True, exist_ok=True)
        (self.conf_dir / "neo4j.conf").write_text("\n".join(self._conf_lines()) + "\n")

    def _run_admin(self, lib_dir: Path, *args: str) -> None:
        env = os.environ | {"NEO4J_HOME": str(self.data_dir), "NEO4J_CONF": str(self.conf_dir)}
        result = subprocess.run(
            [_java(), "-cp", f"{lib_dir}/*", ADMIN_CLASS, *args],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise Neo4jServerError(f"neo4j-admin {args[0]} {args[1]} failed:\n{_tail(result.stdout + result.stderr)}")

    def _launch(self, lib_dir: Path) -> int:
        heap = self.settings.neo4j_heap_size
        command = [
            _java(),
            "-cp",
            f"{lib_dir}/*",
            f"-Xms{heap}",
            f"-Xmx{heap}",
            *JVM_FLAGS,
            MAIN_CLASS,
            f"--home-dir={self.data_dir}",
            f"--config-dir={self.conf_dir}",
        ]
        self.logs_dir.mkdir(parents=True, exist_ok=True)
        self.pid_file.parent.mkdir(parents=True, exist_ok=True)
        with (self.logs_dir / "console.log").open("ab") as console:
            self._process = subprocess.Popen(
                command,
                cwd=self.data_dir,
                stdin=subprocess.DEVNULL,
                stdout=console,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.pid_file.write_text(f"{self._process.pid}\n")
        return self._process.pid

    def _wait_until_ready(self, pid: int, deadline: float) -> None:
        auth = (self.settings.neo4j_user, self._password())
        uri = f"bolt://{HOST}:{self.settings.neo4j_bolt_port}"
        with GraphDatabase.driver(uri, auth=auth, connection_timeout=2) as driver:
            while True:
                if not self._is_ours(pid):
                    raise Neo4jServerError(f"Neo4j exited during startup; see {self.logs_dir / 'neo4j.log'}")
                try:
                    driver.verify_connectivity()
                    if _http_answers(f"http://{HOST}:{self.settings.neo4j_http_port}/"):
                        return
                except AuthError as exc:
                    raise Neo4jServerError(
                        f"Neo4j rejected user {self.settings.neo4j_user!r}: the data dir {self.data_dir} was "
                        "initialised with another password"
                    ) from exc
                except (DriverError, Neo4jError):
                    pass  # still starting up
                if time.monotonic() > deadline:
                    raise Neo4jServerError(f"Neo4j did not answer on {uri} in time; see {self.logs_dir}")
                time.sleep(0.5)

    def _running_pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text())
        except (FileNotFoundError, ValueError):
            return None
        return pid if self._is_ours(pid) else None

    def _is_ours(self, pid: int) -> bool:
        """Whether pid is a live Neo4j JVM of this data dir (guards against stale pid files and zombies)."""
        if self._process is not None and self._process.pid == pid:
            # Our own child: its /proc cmdline can read empty for a moment right after exec.
            return self._process.poll() is None
        try:
            args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return False
        return MAIN_CLASS.encode() in args and f"--config-dir={self.conf_dir}".encode() in args

    def _wait_for_exit(self, pid: int, timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        while self._is_ours(pid):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.2)
        return True


@contextlib.contextmanager
def throwaway_neo4j(
    password: str, data_dir: Path | None = None, heap: str = "1g", pagecache: str = "512m",
    start_timeout_s: float = 120, transaction_timeout: str = "60s",
) -> Iterator[Settings]:
    """A Neo4j of our own on free loopback ports (for tests and benchmarks), stopped on exit; yields settings
    that reach it. Its data stays in `data_dir` when given, else lives in a temp dir removed on exit."""
    with contextlib.ExitStack() as cleanup:
        home = data_dir or Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="smartmeet-neo4j-")))
        bolt_port = free_port()
        settings = Settings(
            _env_file=None,
            neo4j_uri=f"bolt://{HOST}:{bolt_port}",
            neo4j_data_dir=home,
            neo4j_bolt_port=bolt_port,
            neo4j_http_port=free_port(),
            neo4j_password=SecretStr(password),
            neo4j_heap_size=heap,
            neo4j_pagecache_size=pagecache,
            neo4j_transaction_timeout=transaction_timeout,
        )
        server = Neo4jServer(settings)
        server.start(start_timeout_s)
        try:
            yield settings
        finally:
            server.stop()


def free_port() -> int:
    """A loopback port free at the moment of asking (the OS's pick)."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if java is None:
        raise Neo4jServerError("java is not on PATH (Neo4j 5.26 needs Java 17 or 21)")
    return java


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # Same option Neo4j's listeners use, so sockets in TIME_WAIT do not count as taken.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def _http_answers(url: str) -> bool:
    # A TCP connect is not enough: Jetty listens well before it serves.
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def _tail(text: str, lines: int = 30) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])
