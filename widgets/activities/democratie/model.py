"""Democratische waarden (*Werken aan publieke waarde*, §4.2, Tabel 4.2, after Michels & Binnema 2016).

A team scores a local participation process (the session's opgave) on the table's six democratic
values, each asked through the table's evaluation question: 1 to 10 or "weet ik niet", with a note.
Answers are stored per value as beoordelen's statements are, ``{"score": 1-10 or None, "note": text}``,
so the means per group, the dissent agenda and broad agreement come from beoordelen's model with
these keys in place of the book's nine statements.
"""

from ...datasets import read_dataset
from ...model.tables import localized
from ...model.validation import InputError
from ..beoordelen import model as rating

ACTIVITY = "democratie"
DATASET = "democratische_waarden_tabel_4_2.csv"  # the table's values, questions and themes, with provenance


def _rows() -> tuple:
    return read_dataset(DATASET).rows


KEYS = tuple(row["value_nl"].lower() for row in _rows())  # insluiting, invloed, ... in the table's order


def value_texts(lang: str) -> dict:
    """``{key: {"label", "short", "text", "questions"}}`` as beoordelen's texts are: the value and its question."""
    return {
        key: {
            "label": localized(row, "value", lang),
            "short": localized(row, "value", lang),
            "text": localized(row, "question", lang),
            "theme": localized(row, "theme", lang),
            "questions": [],
        }
        for key, row in zip(KEYS, _rows(), strict=True)
    }


def check_answer(item: str, score, note: str = "") -> dict:
    """A score 1-10 or None ("weet ik niet") with an optional note, for one of the six values."""
    if item not in KEYS:
        raise InputError("error.unknown_activity", name=item)
    return rating.scored(item, score, note)


def check_stored(item: str, value) -> dict:
    """A value's score from a file, checked as a phone's is."""
    return rating.stored_score(check_answer, item, value)


def summarize(answers) -> dict:
    """``{key: rating.ItemSummary}`` of the six values."""
    return rating.summarize(answers, KEYS)
