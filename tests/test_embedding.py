"""The shared embedder: one request's batches take turns with everyone else's, smallest request first, so a huge
transcript cannot starve a question or a short meeting (issue 13's "one big job stalls everyone")."""

from __future__ import annotations

import threading
import time

import numpy as np

from app.embedding import ShortestFirst, get_embedder


def test_the_waiter_with_the_least_work_goes_next() -> None:
    turns, order = ShortestFirst(), []
    holding, release = threading.Event(), threading.Event()

    def holder() -> None:
        with turns.turn(100):
            holding.set()
            release.wait()

    def waiter(work: int) -> None:
        with turns.turn(work):
            order.append(work)

    first = threading.Thread(target=holder)
    first.start()
    holding.wait()
    waiters = [threading.Thread(target=waiter, args=(work,)) for work in (50, 1, 7)]
    for thread in waiters:
        thread.start()
    while len(turns._waiting) < 3:
        time.sleep(0.01)
    release.set()
    for thread in [first, *waiters]:
        thread.join()
    assert order == [1, 7, 50]


def test_a_question_is_encoded_while_a_long_transcript_is_still_embedding() -> None:
    embedder = get_embedder()
    long_meeting = [f"turn {i}: the ledger service migration is blocked on the vendor contract" for i in range(800)]
    finished: dict[str, float] = {}

    def encode(name: str, texts: list[str]) -> None:
        embedder.encode(texts)
        finished[name] = time.monotonic()

    big = threading.Thread(target=encode, args=("meeting", long_meeting))
    big.start()
    time.sleep(0.5)  # the meeting holds the model by now
    encode("question", ["what is blocking the ledger service?"])
    big.join()
    assert finished["question"] < finished["meeting"]


def test_batched_turns_give_the_same_vectors_as_one_text_at_a_time() -> None:
    embedder = get_embedder(batch_size=4)
    texts = [f"sentence number {i} about the checkout redesign" for i in range(10)]
    together = np.array(embedder.encode(texts))
    alone = np.array([embedder.encode([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-5)
