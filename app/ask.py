"""`smartmeet ask`: a question answered on the local graph or by a remote API, printed for a person."""

from __future__ import annotations

from typing import Any

import httpx

from app.config import Settings
from app.query.sourced import SourcedAnswer


class RemoteError(RuntimeError):
    pass


async def ask_local(settings: Settings, question: str) -> SourcedAnswer:
    from app.services import build_services
    from app.query.sourced import with_details

    services = build_services(settings)
    try:
        return await with_details(services.graph, await services.engine.ask(question))
    finally:
        await services.close()


def ask_remote(api: str, key: str | None, question: str, timeout_s: float = 60) -> SourcedAnswer:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    with httpx.Client(base_url=api.rstrip("/"), headers=headers, timeout=timeout_s) as client:
        answer = _json(client.post("/api/query", json={"question": question}))
        ids = [s["memory_id"] for s in answer.get("sources", []) if s.get("memory_id")]
        details = {d["memory_id"]: d for d in _json(client.get("/api/sources", params={"memory_id": ids}))["sources"]} \
            if ids else {}
    sources = [{**details.get(s.get("memory_id"), {}), **{k: v for k, v in s.items() if v is not None}}
               for s in answer.get("sources", [])]
    return SourcedAnswer(**{**answer, "sources": sources})


def _json(response: httpx.Response) -> Any:
    if response.status_code >= 400:
        try:
            detail = response.json().get("detail")
        except ValueError:
            detail = response.text[:300]
        raise RemoteError(f"{response.request.url.path}: HTTP {response.status_code}: {detail}")
    return response.json()


def render(answer: SourcedAnswer, show_cypher: bool) -> str:
    lines = [answer.answer]
    if answer.sources:
        lines += ["", "Sources:"]
        for s in answer.sources:
            where = " · ".join(x for x in (s.external_id or s.title or s.meeting_id, s.date,
                                           ", ".join(s.speakers) or None) if x)
            lines.append(f"  - {where}")
            if s.quote:
                lines.append(f"    “{s.quote}”")
    if show_cypher and answer.cypher:
        lines += ["", "Cypher:", answer.cypher.statement]
        if answer.cypher.parameters:
            lines.append(f"// parameters: {answer.cypher.parameters}")
    return "\n".join(lines)
