"""This activity's participant texts for moderation: the success and the thing to try, each hidden on its own."""

from ...model.answers import Answer
from ...model.moderation import ParticipantText, note_texts
from .model import FIELDS


def texts(answers: list[Answer]) -> list[ParticipantText]:
    return [text for field in FIELDS for text in note_texts(answers, field)]
