"""The palette's participant texts for moderation: each value is its own answer, hidden with its answer."""

from ...model.answers import Answer
from ...model.moderation import ParticipantText


def texts(answers: list[Answer]) -> list[ParticipantText]:
    """Every value named, keyed by its item (the value's own id, kept when its author edits another)."""
    return [
        ParticipantText(a.activity, a.participant, a.item, "text", a.value["text"], whole=True)
        for a in answers
        if isinstance(a.value, dict) and isinstance(a.value.get("text"), str)
    ]
