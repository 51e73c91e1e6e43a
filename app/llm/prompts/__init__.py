"""Every LLM task, each its prompt paired with the model of its answer (one module a task holds both):
`await client.structured(COMPARE_STATES(pairs))` answers a `StateComparison`."""

from app.llm.prompts import compare_states, extract_meeting, text_to_cypher, word_answer
from app.llm.prompts.base import Task

COMPARE_STATES = Task("compare_states", compare_states.StateComparison, compare_states.messages)
EXTRACT_MEETING = Task("extract_meeting", extract_meeting.MeetingExtraction, extract_meeting.messages)
TEXT_TO_CYPHER = Task("text_to_cypher", text_to_cypher.GeneratedCypher, text_to_cypher.messages)
WORD_ANSWER = Task("word_answer", word_answer.WordedAnswer, word_answer.messages)
