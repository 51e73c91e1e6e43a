"""The one LLM client the service shares: structured output over langchain-openai, made frugal and resilient.

A call is answered from the prompt cache when it can be; else it must fit today's token budget, and
then goes to each model of the chain (llm_model, then llm_fallback_models) whose circuit breaker lets
it through, with retries (exponential backoff, full jitter) on 429, 5xx, timeouts and dropped
connections. When no model answers, `LLMUnavailable` says why, and the caller falls back to rules.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import anyio
import httpx
import openai
from langchain_openai import ChatOpenAI
from pydantic import BaseModel, ValidationError
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt, wait_random_exponential

from app.config import Settings
from app.llm.breaker import CircuitBreaker
from app.llm.budget import BudgetExhausted, DailyTokenBudget
from app.llm.cache import PromptCache, prompt_key
from app.llm.metrics import LLM_METRICS, LLMMetrics
from app.llm.prompts.base import Prompt
from app.llm.tokens import TokenCounter
from app.observability.metrics import LLM_LATENCY

log = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)

RETRYABLE = (openai.RateLimitError, openai.InternalServerError, openai.APIConnectionError)  # timeouts included
UNPARSABLE = (ValidationError, openai.LengthFinishReasonError, openai.ContentFilterFinishReasonError)


class LLMUnavailable(Exception):
    """No model could answer (budget spent, breakers open, errors); the message says why."""


class MalformedReply(Exception):
    """The model answered, but not in the schema asked for; its tokens were spent all the same."""

    def __init__(self, message: str, usage: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.usage = usage or {}


@dataclass
class Reply(Generic[T]):
    value: T
    model: str
    cached: bool


class LLMClient:
    def __init__(
        self, settings: Settings, metrics: LLMMetrics | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if not settings.llm_base_url:
            raise ValueError("LLMClient needs llm_base_url")
        self.settings = settings
        fallbacks = [m.strip() for m in settings.llm_fallback_models.split(",") if m.strip()]
        self.models = list(dict.fromkeys([settings.llm_model, *fallbacks]))
        self.method = settings.llm_structured_method
        self.metrics = metrics or LLM_METRICS
        self.cache = PromptCache(settings.llm_cache_dir)
        self.budget = DailyTokenBudget(settings.llm_daily_token_budget, settings.llm_cache_dir)
        self.breakers = {
            m: CircuitBreaker(settings.llm_breaker_failures, settings.llm_breaker_cooldown_s, clock) for m in self.models
        }
        self.tokens = TokenCounter(settings.llm_tokenizer)
        self._slots = anyio.Semaphore(settings.llm_max_concurrency)
        self._chats: dict[str, ChatOpenAI] = {}
        self._http: httpx.AsyncClient | None = None

    async def structured(self, prompt: Prompt[T]) -> Reply[T]:
        """`prompt` answered as an instance of its answer model, by the first model of the chain that can."""
        task, schema = prompt.task, prompt.answer
        self.metrics.calls += 1
        self.metrics.calls_by_task[task] += 1
        messages = self._messages(prompt, schema)
        json_schema = schema.model_json_schema()
        keys = {m: prompt_key(m, self.method, messages, json_schema) for m in self.models}
        for model, key in keys.items():
            if (hit := self.cache.get(key)) is not None:
                self.metrics.cache_hits += 1
                return Reply(schema.model_validate_json(hit), model, cached=True)

        estimate = sum(self.tokens.count(text) for _, text in messages) + self.tokens.count(json.dumps(json_schema))
        try:
            self.budget.check(estimate)
        except BudgetExhausted as exc:
            self.metrics.budget_refusals += 1
            raise LLMUnavailable(str(exc)) from exc

        reasons: list[str] = []
        for position, model in enumerate(self.models):
            breaker = self.breakers[model]
            if not breaker.allow():
                self.metrics.breaker_rejections += 1
                reasons.append(f"{model}: circuit open")
                continue
            try:
                value, usage = await self._ask(model, messages, schema)
            except Exception as exc:  # noqa: BLE001 - any failure moves on to the next model; none may lose the meeting
                breaker.record_failure()
                if isinstance(exc, MalformedReply) and exc.usage:
                    self._account_tokens(exc.usage["input_tokens"], exc.usage["output_tokens"])
                reasons.append(f"{model}: {_describe(exc)}")
                log.warning("LLM %s failed for %s: %s", model, task, _describe(exc))
                continue
            except BaseException:
                breaker.record_cancelled()
                raise
            breaker.record_success()
            self._account(usage, estimate, value)
            if position:
                self.metrics.fallbacks += 1
            self.cache.put(keys[model], value.model_dump_json())
            return Reply(value, model, cached=False)
        self.metrics.failures += 1
        raise LLMUnavailable("; ".join(reasons))

    async def close(self) -> None:
        """Closes the connection pool; a later call opens a new one."""
        if self._http is not None:
            await self._http.aclose()
            self._http = None
            self._chats.clear()  # they hold the closed pool

    def _messages(self, prompt: Prompt[T], schema: type[BaseModel]) -> list[tuple[str, str]]:
        system = prompt.system
        if self.method == "json_mode":  # JSON mode does not send the schema, so the prompt must
            system += f"\n\nAnswer with one JSON object matching this JSON schema:\n{json.dumps(schema.model_json_schema())}"
        if self.settings.llm_system_in_user:
            return [("user", f"{system}\n\n{prompt.user}")]
        return [("system", system), ("user", prompt.user)]

    def _chat(self, model: str) -> ChatOpenAI:
        if self._http is None:  # our own connection pool: langchain's shared default outlives event loops
            self._http = httpx.AsyncClient(timeout=self.settings.llm_timeout_s)
        if model not in self._chats:
            key = self.settings.llm_api_key.get_secret_value() if self.settings.llm_api_key else "not-needed"
            limit = self.settings.llm_max_output_tokens
            legacy_limit = self.settings.llm_max_tokens_param == "max_tokens"  # else it would go unheeded: no limit
            self._chats[model] = ChatOpenAI(
                model=model,
                base_url=self.settings.llm_base_url,
                api_key=key,
                timeout=self.settings.llm_timeout_s,
                max_retries=0,  # retries are ours, so they can be counted and bounded
                temperature=0,
                max_tokens=None if legacy_limit else limit,
                extra_body={"max_tokens": limit} if legacy_limit else None,
                use_responses_api=False,
                http_async_client=self._http,
            )
        return self._chats[model]

    async def _ask(self, model: str, messages: list[tuple[str, str]], schema: type[T]) -> tuple[T, dict[str, Any]]:
        runnable = self._chat(model).with_structured_output(schema, method=self.method, include_raw=True)
        retrying = AsyncRetrying(
            retry=retry_if_exception_type(RETRYABLE),
            stop=stop_after_attempt(self.settings.llm_max_attempts),
            wait=wait_random_exponential(multiplier=self.settings.llm_retry_initial_s, max=self.settings.llm_retry_max_s),
            before_sleep=self._count_retry,
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    self.metrics.requests += 1
                    async with self._slots:
                        with LLM_LATENCY.labels(model).time():
                            out = await runnable.ainvoke(messages)
        except UNPARSABLE as exc:  # the SDK parses JSON-schema answers itself and raises on bad ones
            self.metrics.malformed += 1
            raise MalformedReply(str(exc).splitlines()[0]) from exc
        parsed = out["parsed"]
        if parsed is None:
            self.metrics.malformed += 1
            raise MalformedReply(str(out["parsing_error"] or "no structured answer in the reply"), out["raw"].usage_metadata)
        return parsed, out["raw"].usage_metadata or {}

    def _count_retry(self, state: RetryCallState) -> None:
        self.metrics.retries += 1

    def _account(self, usage: dict[str, Any], estimate: int, value: BaseModel) -> None:
        input_tokens = usage.get("input_tokens") or estimate
        output_tokens = usage.get("output_tokens") or self.tokens.count(value.model_dump_json())
        self._account_tokens(input_tokens, output_tokens)

    def _account_tokens(self, input_tokens: int, output_tokens: int) -> None:
        self.metrics.input_tokens += input_tokens
        self.metrics.output_tokens += output_tokens
        self.metrics.cost_usd += (
            input_tokens * self.settings.llm_usd_per_million_input_tokens
            + output_tokens * self.settings.llm_usd_per_million_output_tokens
        ) / 1_000_000
        self.budget.spend(input_tokens + output_tokens)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}"
    if isinstance(exc, openai.APITimeoutError):
        return "timed out"
    if isinstance(exc, openai.APIConnectionError):
        return "connection failed"
    if isinstance(exc, MalformedReply):
        return "malformed reply"
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}"[:200] if text else type(exc).__name__
