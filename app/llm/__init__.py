"""The optional LLM path: one shared client (cache, budget, retries, fallback models, breaker) and its prompts."""
