"""Open vraag on paper: the question, and up to ``MAX_ANSWERS`` lines; typed in, one row per answer."""

from ...i18n import t
from ...model.paper import Field, PaperForm, cell_text, checked
from .model import ACTIVITY, MAX_ANSWERS, check_answer
from .render import question

ANSWER = "antwoord"
FIELDS = (Field(ANSWER, "text"),)
BODY = "openvraag_paper.html"


def form(data: dict) -> PaperForm:
    """One row per answer: a sheet takes as many rows as it has answers."""
    return PaperForm(ACTIVITY, FIELDS, read, per_value=True)


def read(cells: dict, earlier) -> dict:
    """The row's answer under the sheet's next item, checked as a phone's (a fourth, or one twice, is refused)."""
    text = cell_text(cells.get(ANSWER))
    if not text:
        return {}
    text = checked(ANSWER, check_answer, text, [v["text"] for v in earlier])
    return {f"papier-{len(earlier) + 1}": {"text": text}}


def label(field: Field, data: dict, lang: str) -> str:
    return t("openvraag.answer", lang)


def sheet(data: dict, form: PaperForm, labels: dict, lang: str) -> dict:
    """The question as the session asks it, and a line per answer."""
    asked, source = question(data.get("state", {}).get(ACTIVITY, {}), lang)
    return {"question": asked, "source": source, "lines": MAX_ANSWERS}
