"""Which full name a spoken person name refers to."""

from __future__ import annotations

from rapidfuzz import fuzz


def resolve_person(surface: str, participants: list[str], known_people: list[str]) -> str:
    """The full name a spoken person name refers to: the meeting's participants first, then people already known."""
    spoken = surface.strip()
    words = spoken.lower().split()
    if not words:
        return spoken
    for pool in (participants, known_people):
        full = [p for p in pool if p.lower() == spoken.lower()]
        if full:
            return full[0]
        partial = list(dict.fromkeys(p for p in pool if _names_cover(words, p.lower().split())))
        if len(partial) == 1:
            return partial[0]
    for pool in (participants, known_people):
        close = list(dict.fromkeys(p for p in pool if len(words) == 1 and first_name_typo(words[0], p)))
        if len(close) == 1:
            return close[0]
    return spoken


def _names_cover(spoken: list[str], full: list[str]) -> bool:
    """Whether a spoken "Kwame", "Mensah" or "Kwame M." covers the full name "Kwame Mensah"."""
    if len(spoken) > len(full):
        return False
    if len(spoken) == 1:
        return spoken[0] in full
    return all(f.startswith(s.rstrip(".")) for s, f in zip(spoken, full, strict=False))


def first_name_typo(word: str, full_name: str) -> bool:
    first = full_name.lower().split()[0] if full_name.split() else ""
    return len(word) >= 4 and len(first) >= 4 and fuzz.ratio(word, first) >= 80
