"""Sturingsscan on paper: the 32 indicator statements, element by element, each 1-5 or "weet ik niet" as on a phone.

Source: Nijdam (2020), *Sturing in 3D*, Bijlage E (per element two indicator statements for each
sturingsperspectief), in the phone's order and numbering: per element its eight statements, each perspective's
first, then each one's second, without naming the perspective (the phone does not either). Two pages: the
elements do not fit one A4 legibly, so the second page repeats the code and the sheet number.

Typed in one row per sheet, a column per statement ("Beleid 3"): a score 1-5, or "?" and the other ways of
writing "weet ik niet"; an empty box is no answer, anything else is refused with the phone's message.
"""

from ...i18n import t
from ...model.paper import CellError, Field, PaperForm, cell_text, is_dont_know
from ...model.validation import InputError
from ...texts import topic_label
from .model import ACTIVITY, DONT_KNOW, ELEMENTS, SCORES, check_stored, element_items, element_of, indicators
from .results import element_label

BODY = "sturingsscan_paper.html"
FIELDS = tuple(Field(item, "scan") for element in ELEMENTS for item in element_items(element))
PER_PAGE = 2  # elements on the first page; the others on the second


def form(data: dict) -> PaperForm:
    return PaperForm(ACTIVITY, FIELDS, read)


def read(cells: dict, earlier=()) -> dict:
    """A sheet's row: each filled-in box as a phone stores it (a score, or ``weet_niet``)."""
    answers = {}
    for item, cell in cells.items():
        text = cell_text(cell)
        if not text:
            continue
        try:
            answers[item] = check_stored(item, DONT_KNOW if is_dont_know(text) else text)
        except InputError as error:
            raise CellError(item, error) from None
    return answers


def number_of(item: str) -> int:
    """A statement's number within its element, as the phone numbers it ("Uitspraak 3 van 8")."""
    return element_items(element_of(item)).index(item) + 1


def label(field: Field, data: dict, lang: str) -> str:
    return t(
        "sturingsscan.paper.column", lang, element=element_label(element_of(field.name), lang), n=number_of(field.name)
    )


def sheet(data: dict, form: PaperForm, labels: dict, lang: str) -> dict:
    """The phone's introduction, how to score, then per element its question and eight numbered statements."""
    session = data.get("session", {})
    texts = {i.key: i.text(lang) for i in indicators()}
    return {
        "intro": t(
            "sturingsscan.intro",
            lang,
            gemeente=session.get("municipality") or t("sturingsscan.municipality_unknown", lang),
            opgave=topic_label(session.get("topic", ""), lang).lower(),
        ),
        "scores": SCORES,
        "elements": [
            {
                "heading": f"{element_label(element, lang)}: {t('sturingsscan.element_question.' + element, lang)}",
                "statements": [{"n": number_of(item), "text": texts[item]} for item in element_items(element)],
            }
            for element in ELEMENTS
        ],
        "per_page": PER_PAGE,
    }
