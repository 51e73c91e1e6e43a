"""A small meeting series about an item said two ways: "Alert Gateway" in some meetings, "Ping Service" in
others. The names share no word, so the resolver keeps them apart; merging them must give what the series
gives when the item always has one name."""

from __future__ import annotations

PEOPLE = ["Maya Chen", "Omar Haddad", "Lena Fischer"]

_MEETINGS = [
    ("growth-1", "2026-04-06", [
        "Maya: Morning. Let's go round.",
        "Omar: The Alert Gateway kicked off this week and Maya is driving it.",
        "Maya: Right, the alert gateway is about 20 percent done.",
        "Lena: The Onboarding Flow depends on the alert gateway.",
        "Maya: Lena, you'll own the onboarding flow.",
        "Lena: Sure. The onboarding flow is still in planning.",
        "Maya: Thanks all.",
    ]),
    ("growth-2", "2026-04-13", [
        "Maya: Let's start.",
        "Omar: The {other} is at 50 percent now.",
        "Lena: The onboarding flow is blocked by the {other_lower}.",
        "Maya: We decided to use websockets for the {other_lower}.",
        "Maya: Thanks.",
    ]),
    ("growth-3", "2026-04-20", [
        "Maya: Quick round.",
        "Maya: I'm handing the alert gateway over to Omar Haddad from next week. Omar owns the Alert Gateway now.",
        "Lena: Nothing new from me.",
        "Omar: The {other_lower} is at 80 percent.",
        "Maya: Fine. Thanks everyone.",
    ]),
    ("growth-4", "2026-04-27", [
        "Maya: Let's start.",
        "Omar: The {other_lower} is done, we shipped it on Friday.",
        "Lena: So the onboarding flow is unblocked and moving again, we're at 10 percent.",
        "Maya: Thanks, that's all.",
    ]),
]


def meetings(split: bool) -> list[dict]:
    """The series as ingest requests; `split` names the item "Ping Service" from the second meeting on."""
    other = "Ping Service" if split else "Alert Gateway"
    return [
        {
            "external_id": external_id,
            "title": f"Growth sync {n}",
            "date": date,
            "participants": PEOPLE,
            "transcript": "\n".join(line.format(other=other, other_lower=other.lower()) for line in lines),
        }
        for n, (external_id, date, lines) in enumerate(_MEETINGS, start=1)
    ]
