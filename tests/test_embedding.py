"""The shared embedder: one request's batches take turns with everyone else's, smallest request first, so a huge
transcript cannot starve a question or a short meeting (issue 13's "one big job stalls everyone")."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest

from app import embedding
from app.embedding import SentenceTransformerEmbedder, ShortestFirst, get_embedder


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


def test_texts_of_mixed_lengths_come_back_in_the_order_given() -> None:
    embedder = get_embedder(batch_size=2)
    texts = ["ok", "the checkout redesign is blocked on the payment provider's new API " * 5, "budget", "a b c d"]
    vectors = np.array(embedder.encode(texts))
    alone = np.array([embedder.encode([t])[0] for t in texts])
    assert np.allclose(vectors, alone, atol=1e-5)
    assert embedder.encode([]) == []


def test_the_int8_copy_is_made_once_from_the_export_and_stays_close(tmp_path: Path) -> None:
    fp32 = get_embedder(backend="onnx")
    int8 = SentenceTransformerEmbedder(backend="onnx-int8", cache_dir=tmp_path)
    assert int8.backend == "onnx-int8"
    assert sorted(p.name for p in tmp_path.glob("*/onnx/*.onnx")) == ["model.onnx", "model_qint8_matmul.onnx"]
    texts = ["the checkout redesign slipped to March", "Priya owns the API migration", "budget review"]
    cosines = np.sum(np.array(int8.encode(texts)) * np.array(fp32.encode(texts)), axis=1)
    assert cosines.min() > 0.9


def test_an_int8_vector_does_not_depend_on_the_texts_encoded_with_it(tmp_path: Path) -> None:
    int8 = SentenceTransformerEmbedder(backend="onnx-int8", batch_size=16, cache_dir=tmp_path)
    texts = ["ok", "the checkout redesign is blocked on the payment provider's new API " * 5, "budget review"]
    alone = np.array([int8.encode([t])[0] for t in texts])
    assert np.allclose(int8.encode(texts), alone, atol=1e-6)


def test_a_failed_quantisation_falls_back_to_the_fp32_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_quantiser(model_dir: Path) -> str:
        raise ImportError("optimum.onnxruntime is not installed")

    monkeypatch.setattr(embedding, "int8_model_file", no_quantiser)
    fallback = SentenceTransformerEmbedder(backend="onnx-int8", cache_dir=tmp_path)
    assert fallback.backend == "onnx"
    texts = ["the checkout redesign slipped to March", "budget review"]
    assert np.allclose(fallback.encode(texts), get_embedder(backend="onnx").encode(texts), atol=1e-5)


def test_the_default_runtime_is_an_openvino_export_made_once_and_close_to_pytorch(tmp_path: Path) -> None:
    openvino = SentenceTransformerEmbedder(cache_dir=tmp_path)
    assert openvino.backend == "openvino"
    assert [p.name for p in tmp_path.glob("*/openvino/*.xml")] == ["openvino_model.xml"]
    texts = ["the checkout redesign slipped to March", "Priya owns the API migration", "budget review"]
    cosines = np.sum(np.array(openvino.encode(texts)) * np.array(get_embedder(backend="torch").encode(texts)), axis=1)
    assert cosines.min() > 0.999
    again = SentenceTransformerEmbedder(cache_dir=tmp_path)  # loads the cached export
    assert np.allclose(again.encode(texts), openvino.encode(texts), atol=1e-6)


def test_a_failed_openvino_export_falls_back_to_onnx_runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    exported = embedding.exported_model_dir

    def no_openvino(cache_dir: Path, runtime: str = "onnx") -> Path:
        if runtime == "openvino":
            raise ImportError("optimum.intel is not installed")
        return exported(cache_dir, runtime)

    monkeypatch.setattr(embedding, "exported_model_dir", no_openvino)
    assert SentenceTransformerEmbedder(backend="openvino", cache_dir=tmp_path).backend == "onnx"
