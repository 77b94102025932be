"""Participatietrap nu en straks on paper: the five rungs twice (now, should be), one box ticked each, and a few
lines for the toelichting.

Typed in one row per sheet, a column per question. A rung's cell takes what a person copies from the sheet: its
number (3), its name (stimuleren, in either language) or the printed words ("3. stimuleren"); both rungs are
required as on a phone, so a row with one of the two is refused naming the empty one.
"""

from ...i18n import languages, t
from ...model.paper import CellError, Field, PaperForm, cell_text, checked
from ...model.validation import InputError
from ...texts import topic_label
from .model import ACTIVITY, FIELDS, ITEM, RUNGS, check_answer, check_rung
from .render import rung_name, rungs

NOTE = "note"
BODY = "trap_paper.html"
LINES = 3  # handwriting takes more room than a phone's text box


def form(data: dict) -> PaperForm:
    return PaperForm(ACTIVITY, (*(Field(which, "rung") for which in FIELDS), Field(NOTE, "note")), read)


def _words(text: str) -> str:
    return " ".join(text.casefold().replace(".", " ").split())


def rung_of(cell, which: str) -> int | None:
    """The rung number a typed cell names (number, name or printed words, any language); None when empty."""
    text = cell_text(cell)
    if not text:
        return None
    wanted = _words(text)
    for lang in languages():
        for rung in rungs(lang):
            if wanted in (_words(rung["name"]), _words(rung_name(rung["n"], lang)), rung["key"]):
                return rung["n"]
    return check_rung(text, which)  # a number 1-5, else the phone's Dutch refusal


def read(cells: dict, earlier=()) -> dict:
    """A sheet's row as a phone stores it: both rungs, the toelichting if written; an empty row is no answer."""
    note = cell_text(cells.get(NOTE))
    picked = {}
    for which in FIELDS:
        try:
            picked[which] = rung_of(cells.get(which), which)
        except InputError as error:
            raise CellError(which, error) from None
    if note == "" and all(rung is None for rung in picked.values()):
        return {}
    for which in FIELDS:
        if picked[which] is None:
            raise CellError(which, InputError(f"trap.error.{which}"))
    return {ITEM: checked(NOTE, check_answer, picked["now"], picked["should"], note)}


def label(field: Field, data: dict, lang: str) -> str:
    if field.kind == "rung":
        return t(f"export.item.trap_{field.name}", lang)
    return t("trap.paper.note", lang)


def choices(field: Field, lang: str) -> dict:
    """A rung's cell: the rung as printed on the sheet ("3. stimuleren")."""
    return {str(n): rung_name(n, lang) for n in range(1, len(RUNGS) + 1)} if field.kind == "rung" else {}


def sheet(data: dict, form: PaperForm, labels: dict, lang: str) -> dict:
    """The phone's introduction, the two questions with the five rungs and their roles, lines for the toelichting."""
    session = data.get("session", {})
    return {
        "intro": t(
            "trap.intro",
            lang,
            gemeente=session.get("municipality") or t("trap.municipality_unknown", lang),
            opgave=topic_label(session.get("topic", ""), lang).lower(),
        ),
        "questions": [
            {"label": labels[which], "question": t(f"trap.{which}", lang), "rungs": rungs(lang)} for which in FIELDS
        ],
        "note": t("trap.paper.note_hint", lang),
        "lines": LINES,
    }
