"""Counters of LLM use, as plain attributes an exporter can read (e.g. into Prometheus counters).

`LLM_METRICS` is the process-wide instance the service's client counts into.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field


@dataclass
class LLMMetrics:
    calls: int = 0  # logical calls asked of the client
    requests: int = 0  # HTTP requests sent, retries included
    retries: int = 0
    cache_hits: int = 0
    failures: int = 0  # calls no model could answer
    fallbacks: int = 0  # calls answered by a model after the first
    malformed: int = 0  # replies that did not fit the schema
    breaker_rejections: int = 0  # models skipped because their breaker was open
    budget_refusals: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0
    calls_by_task: Counter[str] = field(default_factory=Counter)

    def snapshot(self) -> dict[str, object]:
        data = asdict(self)
        data["calls_by_task"] = dict(self.calls_by_task)
        data["cost_usd"] = round(self.cost_usd, 6)
        return data


LLM_METRICS = LLMMetrics()
