"""The embedding tier: names that are one item said two ways, where a lexical signal and the embeddings agree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.ingest.names import words
from app.ingest.resolve.lexical import Group, typo
from app.ingest.resolve.models import Embed, KnownEntity
from app.ingest.resolve.naming import Name, types_compatible

# Embedding similarity of short names can't tell a paraphrase ("privacy audit" / "GDPR Audit") from a
# sibling ("security audit" / "privacy audit": 0.80!), and a typo can't tell a misspelling ("dashbaord")
# from another word ("review" / "preview"), so neither merges alone: similarity is trusted only with a
# lexical signal, in two shapes. A plain word standing in for a jargon word under the same head noun, where
# both the names and the two differing words must be close; or a typo in one long word with the rest the
# same, where the names must be close, and very close unless the typo only swaps letters ("dashbaord"; an
# added or lost letter often makes another word: "player" / "layer"). Names with no word in common are never
# merged by meaning alone.
PARAPHRASE_NAME_THRESHOLD = 0.55
PARAPHRASE_WORD_THRESHOLD = 0.35
TYPO_NAME_THRESHOLD = 0.6
RESPELT_NAME_THRESHOLD = 0.8
EMBEDDING_MARGIN = 0.05


@dataclass(frozen=True)
class _Paraphrase:
    """Texts whose embeddings decide whether two names are paraphrases of each other."""

    names: tuple[str, str]
    differing_words: tuple[str, str] | None  # None for a typo
    swapped_letters: bool = False  # a typo that only reorders letters

    @classmethod
    def of(cls, a: Name, b: Name) -> _Paraphrase | None:
        if not types_compatible(a, b):
            return None
        names = (embedding_text(a.text), embedding_text(b.text))
        if spellings := typo(a, b):
            return cls(names, None, sorted(spellings[0]) == sorted(spellings[1]))
        shared = set(a.core) & set(b.core)
        if not shared:
            return None
        only_a = [w for w in a.core if w not in shared]
        only_b = [w for w in b.core if w not in shared]
        if a.head != b.head or not only_a or not only_b or len(only_a) > 2 or len(only_b) > 2:
            return None
        if any(w in a.jargon for w in only_a) == any(w in b.jargon for w in only_b):
            return None  # two plain words (or two codes) under one head are usually siblings
        return cls(names, (" ".join(only_a), " ".join(only_b)))

    def texts(self) -> tuple[str, ...]:
        return self.names + (self.differing_words or ())

    def score(self, vectors: _Vectors) -> float | None:
        similarity = vectors.cosine(*self.names)
        if self.differing_words is None:
            threshold = TYPO_NAME_THRESHOLD if self.swapped_letters else RESPELT_NAME_THRESHOLD
            return similarity if similarity >= threshold else None
        ok = (
            similarity >= PARAPHRASE_NAME_THRESHOLD
            and vectors.cosine(*self.differing_words) >= PARAPHRASE_WORD_THRESHOLD
        )
        return similarity if ok else None


class _Vectors:
    """Unit embeddings by text: the graph's stored name embeddings, the rest computed in batches."""

    def __init__(self, known: list[KnownEntity], embed: Embed) -> None:
        self._embed = embed
        self._by_text = {embedding_text(k.name): _unit(k.name_embedding) for k in known if k.name_embedding}

    def ensure(self, texts: Sequence[str]) -> None:
        missing = list(dict.fromkeys(t for t in texts if t not in self._by_text))
        if missing:
            self._by_text.update((t, _unit(v)) for t, v in zip(missing, self._embed(missing), strict=True))

    def cosine(self, a: str, b: str) -> float:
        return float(self._by_text[a] @ self._by_text[b])


def _unit(vector: Sequence[float]) -> np.ndarray:
    array = np.asarray(vector, dtype=np.float32)
    norm = float(np.linalg.norm(array))
    return array / norm if norm else array


def merge_by_embedding(groups: list[Group], known: list[KnownEntity], embed: Embed) -> None:
    """Merge each new group into the one group it paraphrases, clearly better than any other."""
    vectors = _Vectors(known, embed)
    merged = True
    while merged:
        merged = False
        for group in [g for g in groups if g.known is None]:
            if group not in groups:
                continue  # absorbed earlier in this pass
            shapes = [
                (
                    other,
                    [p for x in group.embedding_names for y in other.embedding_names if (p := _Paraphrase.of(x, y))],
                )
                for other in groups
                if other is not group and group.compatible(other)
            ]
            vectors.ensure([t for _, ps in shapes for p in ps for t in p.texts()])
            scored = sorted(
                ((max(scores), i) for i, (_, ps) in enumerate(shapes) if (scores := _scores(ps, vectors))),
                reverse=True,
            )
            if scored and (len(scored) == 1 or scored[0][0] - scored[1][0] >= EMBEDDING_MARGIN):
                shapes[scored[0][1]][0].absorb(group)
                groups.remove(group)
                merged = True


def _scores(paraphrases: list[_Paraphrase], vectors: _Vectors) -> list[float]:
    return [score for p in paraphrases if (score := p.score(vectors)) is not None]


def embedding_text(surface: str) -> str:
    return " ".join(words(surface))
