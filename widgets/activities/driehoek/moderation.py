"""This activity's participant texts for moderation: the toelichting of an answer (its score stays)."""

from ...model.answers import Answer
from ...model.moderation import ParticipantText, note_texts


def texts(answers: list[Answer]) -> list[ParticipantText]:
    return note_texts(answers)
