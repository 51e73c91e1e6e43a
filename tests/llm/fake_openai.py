"""A real HTTP server on loopback that speaks the OpenAI chat-completions API with scripted answers.

Each request is answered by the next scripted `Reply` for its task (the structured-output schema name,
e.g. "MeetingExtraction"), else by the task's default answer; every request is recorded so tests can
count them. Replies can be an answer, an HTTP error (429, 500), a delay longer than the client's
timeout, or malformed JSON.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

Answer = dict[str, Any] | Callable[[dict[str, Any]], dict[str, Any]]


@dataclass
class Reply:
    answer: Answer | None = None  # the structured answer, or a function of the request body
    status: int = 200
    delay_s: float = 0.0
    raw_content: str | None = None  # sent as-is instead of the answer (malformed JSON)
    model: str | None = None  # only for requests to this model; others skip this reply


@dataclass
class Recorded:
    task: str
    model: str
    body: dict[str, Any]

    @property
    def system(self) -> str:
        return next(m["content"] for m in self.body["messages"] if m["role"] == "system")

    @property
    def user(self) -> str:
        return next(m["content"] for m in self.body["messages"] if m["role"] == "user")


@dataclass
class FakeOpenAI:
    base_url: str = ""
    requests: list[Recorded] = field(default_factory=list)
    defaults: dict[str, Answer] = field(default_factory=dict)
    scripts: dict[str, deque[Reply]] = field(default_factory=lambda: defaultdict(deque))
    failing_models: dict[str, int] = field(default_factory=dict)  # model -> status it always answers

    def script(self, task: str, *replies: Reply) -> None:
        self.scripts[task].extend(replies)

    def default(self, task: str, answer: Answer) -> None:
        self.defaults[task] = answer

    def count(self, task: str | None = None, model: str | None = None) -> int:
        return sum(1 for r in self.requests if (task is None or r.task == task) and (model is None or r.model == model))

    def reset(self) -> None:
        self.requests.clear()
        self.defaults.clear()
        self.scripts.clear()
        self.failing_models.clear()

    def next_reply(self, task: str, model: str) -> Reply:
        if model in self.failing_models:
            return Reply(status=self.failing_models[model])
        queue = self.scripts[task]
        for reply in list(queue):
            if reply.model in (None, model):
                queue.remove(reply)
                return reply
        return Reply(answer=self.defaults.get(task))


def task_of(body: dict[str, Any]) -> str:
    response_format = body.get("response_format") or {}
    if response_format.get("type") == "json_schema":
        return response_format["json_schema"]["name"]
    tools = body.get("tools") or []
    return tools[0]["function"]["name"] if tools else "chat"


def _completion(body: dict[str, Any], content: str) -> dict[str, Any]:
    prompt_tokens = sum(len(str(m.get("content", ""))) for m in body["messages"]) // 4
    completion_tokens = len(content) // 4
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if body.get("tools"):
        name = body["tools"][0]["function"]["name"]
        message = {"role": "assistant", "content": None, "tool_calls": [
            {"id": f"call_{uuid.uuid4().hex[:8]}", "type": "function", "function": {"name": name, "arguments": content}}
        ]}
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "fake"),
        "choices": [{"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    }


def build_app(fake: FakeOpenAI) -> FastAPI:
    app = FastAPI()

    @app.post("/v1/chat/completions")
    async def chat_completions(request: Request) -> JSONResponse:
        body = await request.json()
        task, model = task_of(body), body.get("model", "")
        fake.requests.append(Recorded(task=task, model=model, body=body))
        reply = fake.next_reply(task, model)
        if reply.delay_s:
            await asyncio.sleep(reply.delay_s)
        if reply.status != 200:
            error = {"message": f"scripted {reply.status}", "type": "server_error", "code": str(reply.status)}
            return JSONResponse({"error": error}, status_code=reply.status)
        if reply.raw_content is not None:
            return JSONResponse(_completion(body, reply.raw_content))
        answer = reply.answer
        if callable(answer):
            answer = answer(body)
        if answer is None:
            return JSONResponse({"error": {"message": f"no scripted answer for {task}"}}, status_code=400)
        return JSONResponse(_completion(body, json.dumps(answer)))

    return app


class FakeServer:
    """Runs the fake in a daemon thread on a free loopback port."""

    def __init__(self, port: int) -> None:
        self.fake = FakeOpenAI(base_url=f"http://127.0.0.1:{port}/v1")
        config = uvicorn.Config(build_app(self.fake), host="127.0.0.1", port=port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> FakeOpenAI:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the fake OpenAI server did not start")
            time.sleep(0.05)
        return self.fake

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
