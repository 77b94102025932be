"""beoordelen on paper: the grade with its explanation and the nine statements, 1-10 or "weet ik niet"."""

from ...i18n import t
from ...model.paper import Field, PaperForm, cell_text, checked, is_dont_know
from ...report.transfer import session_from_export
from ...texts import statements
from .model import ACTIVITY, OVERALL, STATEMENTS, check_stored

NOTE = "toelichting"  # the explanation of the grade
FIELDS = (
    Field(OVERALL, "grade"),
    *(Field(key, "score") for key in STATEMENTS),
    Field(NOTE, "note"),
)
BODY = "beoordelen_paper.html"


def form(data: dict) -> PaperForm:
    """Rapportcijfer, the nine statements (1-10 or "weet ik niet"), the grade's explanation."""
    return PaperForm(ACTIVITY, FIELDS, read)


def read(cells: dict, earlier=()) -> dict:
    if all(cell_text(cells.get(f.name)) == "" for f in FIELDS):
        return {}
    answers = {}
    grade, note = cells.get(OVERALL), cell_text(cells.get(NOTE))
    if cell_text(grade) or note:
        answers[OVERALL] = checked(OVERALL, check_stored, OVERALL, {"score": cell_text(grade), "note": note})
    return answers | scores_read(cells, STATEMENTS, check_stored)


def scores_read(cells: dict, keys, check) -> dict:
    """Boxes scored 1-10 as a phone stores them: an empty box is not answered, '?' is "weet ik niet".

    ``check`` is the activity's ``check_stored``; shared by the activities scored as Box 5.2.
    """
    answers = {}
    for key in keys:
        score = cells.get(key)
        if cell_text(score) != "":
            answers[key] = checked(
                key, check, key, {"score": None if is_dont_know(score) else cell_text(score), "note": ""}
            )
    return answers


def label(field: Field, data: dict, lang: str) -> str:
    if field.kind == "grade":
        return t("beoordelen.grade_short", lang)
    if field.kind == "score":
        return statements(session_from_export(data), lang)[field.name]["short"]
    return t("paper.col.grade_note", lang)


def sheet(data: dict, form: PaperForm, labels: dict, lang: str) -> dict:
    """Each statement's short name with its whole text in the session's words."""
    texts = statements(session_from_export(data), lang)
    return {
        "statements": [
            {"short": labels[f.name], "text": texts[f.name]["text"]} for f in form.fields if f.kind == "score"
        ]
    }
