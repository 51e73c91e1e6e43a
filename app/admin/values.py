"""Neo4j property values <-> JSON, losslessly, so a snapshot can put nodes and relationships back exactly.

Temporal values become tagged objects ({"$date": "2026-03-02"}, {"$datetime": "...+00:00"}); everything else
the graph holds (strings, integers, floats, booleans and lists of them) is JSON already. Python's float repr
round-trips, so vectors come back bit for bit.
"""

from __future__ import annotations

import hashlib
import json
import struct
from typing import Any

from neo4j.time import Date, DateTime

# Written with db.create.setNodeVectorProperty so a restored vector is stored as the original was.
VECTOR_PROPERTIES = frozenset({"name_embedding", "embedding"})
# The nodes a relationship endpoint can be looked up by, through each label's unique `id`.
ID_LABELS = ("Entity", "State", "Memory", "Meeting", "Decision", "ActionItem", "MergeEvent")


def encode(value: Any) -> Any:
    if isinstance(value, DateTime):
        return {"$datetime": value.iso_format()}
    if isinstance(value, Date):
        return {"$date": value.iso_format()}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise TypeError(f"no JSON form for a {type(value).__name__} property value")


def decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "$datetime" in value:
            return DateTime.from_iso_format(value["$datetime"])
        if "$date" in value:
            return Date.from_iso_format(value["$date"])
        raise ValueError(f"unknown tagged value {value!r}")
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def encode_props(props: dict[str, Any]) -> dict[str, Any]:
    return {k: encode(props[k]) for k in sorted(props)}


def decode_props(props: dict[str, Any]) -> dict[str, Any]:
    return {k: decode(v) for k, v in props.items()}


def vector_digest(vector: list[float]) -> dict[str, Any]:
    """A stand-in for a vector in exports: as exact as the vector for comparisons, a fraction of the size."""
    packed = struct.pack(f"<{len(vector)}d", *vector)
    return {"$vector": {"dims": len(vector), "sha256": hashlib.sha256(packed).hexdigest()}}


def id_label(labels: list[str]) -> str:
    for label in ID_LABELS:
        if label in labels:
            return label
    raise ValueError(f"a node labelled {labels} has no id this project can look it up by")


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def digest(value: Any) -> str:
    return hashlib.sha256(canonical_json(value).encode()).hexdigest()
