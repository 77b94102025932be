"""Eigen stellingen on paper: the facilitator's own statements, each 1-10 or "weet ik niet" as on a phone.

The statements are the session's (its export's state), numbered as the phone, the dashboard and the report
number them; their words are the facilitator's and reach the sheet through the template engine's escaping.
Typed in one row per sheet, a column per statement ("Stelling 3"), read as beoordelen's statements are.

Up to twelve statements of up to 200 characters do not always fit one A4: the sheet guesses each row's height
from its length (on the high side) and starts a second page, headed with the code and "Blad nr." as the
palette's second page is, before the first row that would not fit; a row is never split.
"""

import math

from ...i18n import t
from ...model.paper import Field, PaperForm
from ..beoordelen.paper import scores_read
from .model import ACTIVITY, check_stored, keys_of, number_of, stored_statements

BODY = "eigen_paper.html"
# A row's height in mm, guessed high: the number above the text, the text's lines in the column the ten scores
# leave (about 50 characters of 8pt; wide letters and word wrap take some), the padding; never under the scores.
LABEL_MM, LINE_MM, PADDING_MM, SCORES_MM, CHARS_PER_LINE = 4.7, 3.5, 2.6, 8.8, 44
FIRST_PAGE_MM = 185  # what the first page leaves for rows under the title, the groups and the instructions


def statements_of(data: dict) -> list:
    """The session's own statements (``[{"key", "text"}]``), or [] where none are kept."""
    return stored_statements(data.get("state", {}).get(ACTIVITY, {}))


def form(data: dict) -> PaperForm:
    """A box per own statement, in the facilitator's order."""
    return PaperForm(ACTIVITY, tuple(Field(key, "score") for key in keys_of(statements_of(data))), read)


def read(cells: dict, earlier=()) -> dict:
    """A sheet's row: each filled-in box as a phone stores it (an empty box is no answer, '?' is "weet ik niet")."""
    return scores_read(cells, tuple(cells), check_stored)


def label(field: Field, data: dict, lang: str) -> str:
    return t("eigen.label", lang, n=number_of(field.name))


def row_mm(text: str) -> float:
    """A statement's row on the sheet, in mm (guessed on the high side)."""
    return max(SCORES_MM, PADDING_MM + LABEL_MM + LINE_MM * math.ceil(len(text) / CHARS_PER_LINE))


def pages(rows: list) -> list:
    """The rows of the first page, then (if any) those of the second."""
    used = 0.0
    for n, row in enumerate(rows):
        used += row_mm(row["text"])
        if used > FIRST_PAGE_MM:
            return [rows[:n], rows[n:]]
    return [rows]


def sheet(data: dict, form: PaperForm, labels: dict, lang: str) -> dict:
    """Each statement's number with the facilitator's words, a page at a time."""
    texts = {s["key"]: s["text"] for s in statements_of(data)}
    return {"pages": pages([{"short": labels[f.name], "text": texts[f.name]} for f in form.fields])}
