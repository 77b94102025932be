"""Wat leren we nu? on paper: the success to build on and the thing to try differently, a few lines each.

Typed in one row per sheet, a column per text, read through the phone's check: both are required, so a sheet
with one of the two is refused naming the empty one.
"""

from ...i18n import t
from ...model.paper import Field, PaperForm, cell_text, checked
from .model import ACTIVITY, FIELDS, ITEM, MAX_CHARS, check_text

BODY = "leren_paper.html"
LINES = 3  # handwriting takes more room than a phone's 200 characters


def form(data: dict) -> PaperForm:
    return PaperForm(ACTIVITY, tuple(Field(kind, "text") for kind in FIELDS), read)


def read(cells: dict, earlier=()) -> dict:
    """A sheet's two texts as a phone stores them; an empty row is no answer."""
    typed = {kind: cell_text(cells.get(kind)) for kind in FIELDS}
    if not any(typed.values()):
        return {}
    return {ITEM: {kind: checked(kind, check_text, typed[kind], kind) for kind in FIELDS}}


def label(field: Field, data: dict, lang: str) -> str:
    return t(f"leren.{field.name}", lang)


def sheet(data: dict, form: PaperForm, labels: dict, lang: str) -> dict:
    """The phone's introduction, and per text its heading, its hint and a few lines."""
    return {
        "fields": [{"label": labels[kind], "hint": t(f"leren.{kind}_hint", lang, max=MAX_CHARS)} for kind in FIELDS],
        "lines": LINES,
    }
