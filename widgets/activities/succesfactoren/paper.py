"""Succesfactoren on paper: the domain's factors, each with a box per answer (geldt niet ... weet ik niet)."""

from ...i18n import languages, t
from ...model.paper import CellError, Field, PaperForm, cell_text, is_dont_know
from ...model.validation import InputError
from .model import ACTIVITY, ANSWERS, DONT_KNOW, check_stored, current_domain, factors

BODY = "succesfactoren_paper.html"


def domain_of(data: dict) -> str:
    return current_domain(data.get("state", {}).get(ACTIVITY, {}), data.get("session", {}).get("topic", ""))


def form(data: dict) -> PaperForm:
    """A field per factor of the session's domain, read as a phone's answer."""
    return PaperForm(ACTIVITY, tuple(Field(f.key, "level") for f in factors(domain_of(data))), read)


def answer_of(cell) -> str | None:
    """The answer a typed cell names: its printed words in either language or its key; None for an empty cell."""
    text = cell_text(cell)
    if not text:
        return None
    if is_dont_know(text):
        return DONT_KNOW
    wanted = " ".join(text.casefold().split())
    for lang in languages():
        for key in ANSWERS:
            if wanted in (key, " ".join(t(f"succesfactoren.choice.{key}", lang).casefold().split())):
                return key
    raise InputError("succesfactoren.error.choice")


def read(cells: dict, earlier=()) -> dict:
    """A sheet's row: each filled-in factor as a phone stores it."""
    answers = {}
    for key, cell in cells.items():
        try:
            value = answer_of(cell)
            if value is not None:
                answers[key] = check_stored(key, value)
        except InputError as error:
            raise CellError(key, error) from None
    return answers


def label(field: Field, data: dict, lang: str) -> str:
    number = next(f.number for f in factors(domain_of(data)) if f.key == field.name)
    return t("succesfactoren.paper.column", lang, n=number)


def choices(field: Field, lang: str) -> dict:
    """The words a factor's cell may hold, as printed on the sheet."""
    return {key: t(f"succesfactoren.choice.{key}", lang) for key in ANSWERS}


def sheet(data: dict, form: PaperForm, labels: dict, lang: str) -> dict:
    """Each factor with its number and words, and the answers to tick."""
    domain = domain_of(data)
    return {
        "domain": t(f"succesfactoren.domain.{domain}", lang),
        "factors": [{"label": labels[f.key], "text": f.text(lang)} for f in factors(domain)],
        "answers": list(choices(form.fields[0], lang).values()),
    }
