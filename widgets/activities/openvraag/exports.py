"""Open vraag's readable export rows: one per answer, under the question asked."""

from ...model.answers import ByActivity, States
from ...model.sessions import Session
from ...report.exports import export_row
from .model import ACTIVITY, text_of
from .render import question


def rows(answers: ByActivity, state: States, session: Session, lang: str) -> list:
    """One row per answer, in the order given: the question as the item, the answer's words as the value."""
    asked = question(state.get(ACTIVITY, {}), lang)[0]
    return [export_row(a, session, lang, item=asked, value=text_of(a)) for a in answers.get(ACTIVITY, [])]
