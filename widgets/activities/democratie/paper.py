"""Tabel 4.2 on paper: the six values, each with its question, 1-10 or "weet ik niet"."""

from ...model.paper import Field, PaperForm, cell_text, checked, is_dont_know
from .model import ACTIVITY, KEYS, check_stored, value_texts

FIELDS = tuple(Field(key, "score") for key in KEYS)
BODY = "paper_democratie.html"


def form(data: dict) -> PaperForm:
    return PaperForm(ACTIVITY, FIELDS, read)


def read(cells: dict, earlier=()) -> dict:
    """A sheet's row: each filled-in box as a phone stores it; an empty box is not answered, '?' is "weet ik niet"."""
    answers = {}
    for key in KEYS:
        score = cells.get(key)
        if cell_text(score) == "":
            continue
        answers[key] = checked(
            key, check_stored, key, {"score": None if is_dont_know(score) else cell_text(score), "note": ""}
        )
    return answers


def label(field: Field, data: dict, lang: str) -> str:
    return value_texts(lang)[field.name]["short"]


def sheet(data: dict, form: PaperForm, labels: dict, lang: str) -> dict:
    """Each value with the table's question, in the session's language."""
    texts = value_texts(lang)
    return {"statements": [{"short": labels[f.name], "text": texts[f.name]["text"]} for f in form.fields]}
