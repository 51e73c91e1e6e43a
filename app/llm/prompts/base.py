"""A prompt paired with the model of its answer: what an LLM task is, and what one call of it asks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, ParamSpec, TypeVar

from pydantic import BaseModel

A = TypeVar("A", bound=BaseModel)
P = ParamSpec("P")


@dataclass(frozen=True)
class Prompt(Generic[A]):
    """One call: its messages, the task it is for (metrics, logs) and the model its answer must fit."""

    task: str
    answer: type[A]
    system: str
    user: str


@dataclass(frozen=True)
class Task(Generic[P, A]):
    """An LLM task: its name, its answer's model and how its messages are built; calling it makes a `Prompt`."""

    name: str
    answer: type[A]
    messages: Callable[P, tuple[str, str]]  # -> (system, user)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> Prompt[A]:
        system, user = self.messages(*args, **kwargs)
        return Prompt(self.name, self.answer, system, user)
