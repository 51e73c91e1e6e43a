"""Optional LLM wording of query answers (llm_word_answers); the rule-based text stays when it fails."""

from __future__ import annotations

from app.llm.client import LLMClient, LLMUnavailable
from app.llm.prompts import WORD_ANSWER
from app.query.models import QueryAnswer


class AnswerWriter:
    def __init__(self, client: LLMClient) -> None:
        self.client = client

    async def word(self, question: str, answer: QueryAnswer) -> QueryAnswer:
        try:
            reply = await self.client.structured(WORD_ANSWER(question, answer.answer, answer.data))
        except LLMUnavailable:
            return answer
        text = reply.value.answer.strip()
        return answer.model_copy(update={"answer": text}) if text else answer
