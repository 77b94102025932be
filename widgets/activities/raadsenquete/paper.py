"""Raadsenquête Village Deals on paper: the five statements with a box per answer, then the four bestuursstijlen.

Source: Den Hoed et al. (2018), *Village Deals* (Movisie/VNG): the statements as Afbeelding 4 (hoofdstuk 3)
describes them, the bestuursstijlen with their traits from Afbeelding 2 (§2.3), as on the phone.

Typed in one row per sheet, a column per statement ("Stelling 3") and one for the style. A cell takes what a
person copies from the sheet: the printed words in either language (eens, agree, weet niet, bewaker,
guardian), the stored key, or "?" and the other ways of writing "weet ik niet" for a statement. What is left
open is not stored, as on a phone; a word the sheet does not print is refused with the phone's message.
"""

from ...i18n import languages, t
from ...model.paper import CellError, Field, PaperForm, cell_text, is_dont_know
from ...model.validation import InputError
from .model import ACTIVITY, ANSWERS, DONT_KNOW, STATEMENTS, STYLE, check_stored, statement_texts, styles

BODY = "raadsenquete_paper.html"
FIELDS = (*(Field(key, "choice") for key in STATEMENTS), Field(STYLE, "style"))


def form(data: dict) -> PaperForm:
    return PaperForm(ACTIVITY, FIELDS, read)


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def answer_of(item: str, cell) -> str | None:
    """The stored answer a typed cell names (printed words in any language, or the key); None when empty."""
    text = cell_text(cell)
    if not text:
        return None
    if item != STYLE and is_dont_know(text):
        return DONT_KNOW
    wanted = _words(text)
    for lang in languages():
        for key, words in choices(Field(item, "style" if item == STYLE else "choice"), lang).items():
            if wanted in (key, _words(words)):
                return key
    return check_stored(item, wanted)  # no answer of the sheet: the phone's Dutch refusal


def read(cells: dict, earlier=()) -> dict:
    """A sheet's row: each ticked statement and the style as a phone stores them; an empty row is no answer."""
    answers = {}
    for item, cell in cells.items():
        try:
            value = answer_of(item, cell)
        except InputError as error:
            raise CellError(item, error) from None
        if value is not None:
            answers[item] = value
    return answers


def label(field: Field, data: dict, lang: str) -> str:
    if field.kind == "style":
        return t("raadsenquete.style", lang)
    return t("raadsenquete.paper.column", lang, n=STATEMENTS.index(field.name) + 1)


def choices(field: Field, lang: str) -> dict:
    """The words a cell may hold, as printed on the sheet: the four answers, or the four styles."""
    if field.kind == "style":
        return {key: words for key, words, _ in styles(lang)}
    return {key: t(f"raadsenquete.choice.{key}", lang) for key in ANSWERS}


def sheet(data: dict, form: PaperForm, labels: dict, lang: str) -> dict:
    """The statements with their answers to tick, then the styles with their traits (Afbeelding 2's order)."""
    texts = statement_texts(lang)
    return {
        "intro": t("raadsenquete.paper.intro", lang),
        "statements": [{"label": labels[key], "text": texts[key]} for key in STATEMENTS],
        "answers": list(choices(FIELDS[0], lang).values()),
        "styles": [{"label": words, "traits": traits} for _, words, traits in styles(lang)],
    }
