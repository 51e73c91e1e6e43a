"""The real API over HTTP on a free loopback port, in a thread of this process: what the tests and the benches
that need a live server start (`with running_api(settings) as base_url: ...`)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from app.config import Settings
from app.graph.server import free_port
from app.main import create_app

KEEP_ALIVE_S = 120


@contextmanager
def running_api(settings: Settings, start_timeout_s: float = 600) -> Iterator[str]:
    """Yields the server's base URL once it answers; loading the embedder can take minutes on a busy machine."""
    port = free_port()
    # Its clients share this process and its GIL, so on a loaded machine one can sit idle past uvicorn's 5 s
    # keep-alive and send its next request into a connection the server is closing (a reset, not an answer).
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning",
                            timeout_keep_alive=KEEP_ALIVE_S)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout_s
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the API server did not start")
        time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
