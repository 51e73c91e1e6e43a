"""The shared client against a real OpenAI-compatible HTTP server: cache, budget, retries, fallback chain, breaker."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import BaseModel

from app.llm.budget import BudgetExhausted, DailyTokenBudget
from app.llm.client import LLMClient, LLMUnavailable
from app.llm.metrics import LLM_METRICS, LLMMetrics
from app.llm.prompts.base import Prompt
from tests.conftest import LiveServer
from tests.llm.conftest import settings_for
from tests.llm.fake_openai import FakeOpenAI, Reply

pytestmark = pytest.mark.anyio


class Answer(BaseModel):
    text: str
    n: int | None


def ask(i: int = 0, padding: int = 0, task: str = "t") -> Prompt[Answer]:
    return Prompt(task, Answer, system="Answer briefly.", user=f"question {i} " + "x" * padding)


async def test_a_second_identical_call_is_answered_from_the_cache(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.default("Answer", {"text": "hi", "n": 1})
    settings = settings_for(fake_openai, tmp_path / "cache")
    client = LLMClient(settings, LLMMetrics())

    first = await client.structured(ask())
    second = await client.structured(ask())
    after_restart = await LLMClient(settings, LLMMetrics()).structured(ask())
    other = await client.structured(ask(1))

    assert first.value == second.value == after_restart.value == Answer(text="hi", n=1)
    assert (first.cached, second.cached, after_restart.cached, other.cached) == (False, True, True, False)
    assert fake_openai.count() == 2
    assert client.metrics.cache_hits == 1 and client.metrics.calls == 3


async def test_tokens_and_cost_are_counted_and_served_at_metrics(
    fake_openai: FakeOpenAI, live_server: LiveServer
) -> None:
    fake_openai.default("Answer", {"text": "hi", "n": 1})
    client = LLMClient(settings_for(fake_openai, None))  # counts into the process-wide LLM_METRICS
    before = LLM_METRICS.snapshot()

    await client.structured(ask(padding=400, task="tokens-test"))
    await client.close()

    assert LLM_METRICS.input_tokens - before["input_tokens"] >= 100
    assert LLM_METRICS.output_tokens > before["output_tokens"] and LLM_METRICS.cost_usd > before["cost_usd"]
    assert LLM_METRICS.calls_by_task["tokens-test"] == 1
    with live_server.client() as http:  # the API in this process serves the same LLM_METRICS
        text = http.get("/metrics").text
    served = {(s.name, *s.labels.values()): s.value for f in text_string_to_metric_families(text) for s in f.samples}
    assert served["smartmeet_llm_tokens_total", "input"] == LLM_METRICS.input_tokens
    assert served["smartmeet_llm_tokens_total", "output"] == LLM_METRICS.output_tokens
    assert served["smartmeet_llm_calls_total", "tokens-test"] == 1
    assert served[("smartmeet_llm_requests_total",)] == LLM_METRICS.requests
    assert served[("smartmeet_llm_cost_usd_total",)] == pytest.approx(LLM_METRICS.cost_usd)
    assert served["smartmeet_llm_call_duration_seconds_count", "primary"] >= 1


async def test_closing_the_client_closes_its_connection_pool(fake_openai: FakeOpenAI) -> None:
    fake_openai.default("Answer", {"text": "hi", "n": 1})
    client = LLMClient(settings_for(fake_openai, None), LLMMetrics())
    await client.structured(ask())
    pool = client._http

    await client.close()

    assert pool is not None and pool.is_closed
    assert (await client.structured(ask(1))).value == Answer(text="hi", n=1)  # on a new pool
    await client.close()


async def test_the_daily_token_budget_stops_calls_instead_of_failing_them(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.default("Answer", {"text": "hi", "n": 1})
    client = LLMClient(settings_for(fake_openai, tmp_path / "cache", llm_daily_token_budget=300), LLMMetrics())

    await client.structured(ask(0, padding=600))  # about 160 tokens spent
    with pytest.raises(LLMUnavailable, match="daily token budget"):
        await client.structured(ask(1, padding=600))

    assert fake_openai.count() == 1
    assert client.metrics.budget_refusals == 1
    assert (await client.structured(ask(0, padding=600))).cached  # the cache still answers


def test_the_budget_starts_again_the_next_day_and_survives_a_restart(tmp_path: Path) -> None:
    today = [date(2026, 3, 1)]
    budget = DailyTokenBudget(100, tmp_path, today=lambda: today[0])
    budget.spend(90)
    with pytest.raises(BudgetExhausted):
        DailyTokenBudget(100, tmp_path, today=lambda: today[0]).check(20)
    today[0] += timedelta(days=1)
    budget.check(90)
    assert budget.remaining() == 100


async def test_429_500_and_timeouts_are_retried_with_backoff(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.default("Answer", {"text": "finally", "n": None})
    fake_openai.script("Answer", Reply(status=429), Reply(status=500), Reply(delay_s=2.0))
    client = LLMClient(settings_for(fake_openai, None, llm_max_attempts=4, llm_timeout_s=1.0), LLMMetrics())

    reply = await client.structured(ask())

    assert reply.value.text == "finally" and reply.model == "primary"
    assert fake_openai.count() == 4
    assert client.metrics.retries == 3 and client.metrics.requests == 4


async def test_a_failing_model_hands_over_to_the_fallback_chain(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.default("Answer", {"text": "from a fallback", "n": 2})
    fake_openai.failing_models.update({"primary": 500, "secondary": 429})
    settings = settings_for(fake_openai, None, llm_fallback_models="secondary, tertiary")
    client = LLMClient(settings, LLMMetrics())

    reply = await client.structured(ask())

    assert reply.model == "tertiary" and reply.value.text == "from a fallback"
    assert [fake_openai.count(model=m) for m in ("primary", "secondary", "tertiary")] == [3, 3, 1]
    assert client.metrics.fallbacks == 1


async def test_malformed_json_is_not_retried_but_handed_over(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.default("Answer", {"text": "well formed", "n": 3})
    fake_openai.script("Answer", Reply(raw_content='{"text": "cut off", "n": ', model="primary"))
    client = LLMClient(settings_for(fake_openai, None, llm_fallback_models="secondary"), LLMMetrics())

    reply = await client.structured(ask())

    assert reply.model == "secondary" and reply.value.text == "well formed"
    assert fake_openai.count(model="primary") == 1
    assert client.metrics.malformed == 1


async def test_when_every_model_fails_the_error_says_why(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.failing_models.update({"primary": 500})
    fake_openai.script("Answer", Reply(raw_content="not json at all", model="secondary"))
    client = LLMClient(settings_for(fake_openai, None, llm_fallback_models="secondary"), LLMMetrics())

    with pytest.raises(LLMUnavailable) as failed:
        await client.structured(ask())

    assert str(failed.value) == "primary: HTTP 500; secondary: malformed reply"
    assert client.metrics.failures == 1


async def test_the_breaker_skips_a_failing_model_then_lets_one_trial_through(fake_openai: FakeOpenAI) -> None:
    fake_openai.default("Answer", {"text": "ok", "n": 0})
    fake_openai.failing_models["primary"] = 503
    now = [1000.0]
    settings = settings_for(
        fake_openai, None, llm_fallback_models="secondary", llm_max_attempts=1, llm_breaker_failures=2,
        llm_breaker_cooldown_s=30.0,
    )
    client = LLMClient(settings, LLMMetrics(), clock=lambda: now[0])

    for i in range(4):
        assert (await client.structured(ask(i))).model == "secondary"
    assert fake_openai.count(model="primary") == 2  # the breaker opened after two failed calls
    assert client.metrics.breaker_rejections == 2

    now[0] += 31  # cool-down over: one trial goes to the primary, which has recovered
    del fake_openai.failing_models["primary"]
    assert (await client.structured(ask(10))).model == "primary"
    assert (await client.structured(ask(11))).model == "primary"
    assert fake_openai.count(model="primary") == 4


async def test_function_calling_is_understood_too(fake_openai: FakeOpenAI) -> None:
    fake_openai.default("Answer", {"text": "via a tool call", "n": 7})
    client = LLMClient(settings_for(fake_openai, None, llm_structured_method="function_calling"), LLMMetrics())

    reply = await client.structured(ask())

    assert reply.value == Answer(text="via a tool call", n=7)
    assert fake_openai.requests[-1].body["tools"][0]["function"]["name"] == "Answer"


@pytest.mark.parametrize(("param", "other"), [("max_completion_tokens", "max_tokens"), ("max_tokens", "max_completion_tokens")])
async def test_the_output_limit_goes_by_the_name_the_server_knows(fake_openai: FakeOpenAI, param: str, other: str) -> None:
    fake_openai.default("Answer", {"text": "short", "n": None})
    settings = settings_for(fake_openai, None, llm_max_output_tokens=321, llm_max_tokens_param=param)

    await LLMClient(settings, LLMMetrics()).structured(ask())

    body = fake_openai.requests[-1].body
    assert body[param] == 321 and other not in body


async def test_the_tokens_of_a_malformed_reply_still_count(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("Answer", Reply(raw_content='{"text": "cut off at the token limit, n'))
    client = LLMClient(settings_for(fake_openai, None, llm_structured_method="function_calling"), LLMMetrics())

    with pytest.raises(LLMUnavailable, match="malformed reply"):
        await client.structured(ask(padding=400))

    assert client.metrics.malformed == 1 and client.metrics.output_tokens > 0 and client.metrics.input_tokens > 0
