"""palet on paper: one row per value, the cell it was written in and the value's words."""

from ...i18n import languages, t
from ...model.paper import CellError, Field, PaperForm, cell_text, checked
from ...model.validation import InputError
from .model import ACTIVITY, VALID_CELLS, check_new_value, check_stored, normalize_value

CELL, VALUE = "vak", "waarde"
FIELDS = (Field(CELL, "cell"), Field(VALUE, "text"))
BODY = "palet_paper.html"


def form(data: dict) -> PaperForm:
    """One row per value: a sheet takes as many rows as it has values."""
    return PaperForm(ACTIVITY, FIELDS, read, per_value=True, heading=_heading)


def read(cells: dict, earlier) -> dict:
    """The row's value under the sheet's next item (``earlier``: the sheet's values on the rows above)."""
    value = palette_value(dict(cells, **{CELL: _cell_key(cells.get(CELL))}), [v["text"] for v in earlier])
    return {palette_item(len(earlier) + 1): value} if value else {}


def palette_value(cells: dict, own_texts) -> dict | None:
    """One value of a sheet as a phone stores it (``{"text", "cell"}``), or None for an empty row.

    ``cells[CELL]`` is a cell key; ``own_texts`` are the sheet's earlier values, so a value written
    twice or a 31st value is refused as on a phone.
    """
    cell, text = cells.get(CELL), cell_text(cells.get(VALUE))
    if cell is None and not text:
        return None
    if cell not in VALID_CELLS:
        raise CellError(CELL, InputError("palet.error.cell"))
    text = checked(VALUE, check_new_value, text, cell, list(own_texts))
    return checked(VALUE, check_stored, "", {"text": text, "cell": cell})


def palette_item(position: int) -> str:
    """The item of a sheet's n-th value: retyping a corrected row replaces that value."""
    return f"papier-{position}"


def label(field: Field, data: dict, lang: str) -> str:
    return t("palet.cell" if field.kind == "cell" else "palet.value", lang)


def choices(field: Field, lang: str) -> dict:
    """``{cell key: words}`` as printed on the sheet, for the cell's column."""
    return {cell: t(f"cell.{cell}", lang) for cell in VALID_CELLS} if field.kind == "cell" else {}


def sheet(data: dict, form: PaperForm, labels: dict, lang: str) -> dict:
    """A box per cell, with its words and what belongs in it."""
    return {
        "cells": [
            {"words": words, "help": t("palet.help.proces" if cell.endswith(".proces") else f"palet.help.{cell}", lang)}
            for cell, words in choices(FIELDS[0], lang).items()
        ]
    }


def _heading(heading) -> str | None:
    return CELL if " ".join(str(heading).lower().split()) in ("cel", "cell") else None


def _cell_key(words):
    """The cell a typed row names (its printed words in either language, or its key)."""
    if words is None:
        return None
    wanted = normalize_value(words)
    for lang in languages():
        for cell, printed in choices(FIELDS[0], lang).items():
            if wanted in (normalize_value(printed), normalize_value(cell)):
                return cell
    return str(words)
