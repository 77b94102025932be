"""Tabel 4.2 on paper: the six values, each with its question, 1-10 or "weet ik niet"."""

from ...model.paper import Field, PaperForm
from ..beoordelen.paper import scores_read
from .model import ACTIVITY, KEYS, check_stored, value_texts

FIELDS = tuple(Field(key, "score") for key in KEYS)
BODY = "democratie_paper.html"


def form(data: dict) -> PaperForm:
    return PaperForm(ACTIVITY, FIELDS, read)


def read(cells: dict, earlier=()) -> dict:
    """A sheet's row: each filled-in box as a phone stores it."""
    return scores_read(cells, KEYS, check_stored)


def label(field: Field, data: dict, lang: str) -> str:
    return value_texts(lang)[field.name]["short"]


def sheet(data: dict, form: PaperForm, labels: dict, lang: str) -> dict:
    """Each value with the table's question, in the session's language."""
    texts = value_texts(lang)
    return {"statements": [{"short": labels[f.name], "text": texts[f.name]["text"]} for f in form.fields]}
