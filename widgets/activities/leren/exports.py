"""Wat leren we nu?'s readable export rows: the success and the thing to try, per participant."""

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.sessions import Session
from ...report.exports import export_row
from .model import ACTIVITY, FIELDS, ITEM


def rows(answers: ByActivity, state: States, session: Session, lang: str) -> list:
    """Two rows per participant: the success to build on, then the thing to try differently (the text as value)."""
    return [
        export_row(a, session, lang, item=t(f"leren.{kind}", lang), value=a.value[kind])
        for a in answers.get(ACTIVITY, [])
        if a.item == ITEM
        for kind in FIELDS
        if kind in a.value  # a text the room may not see is left out of what it is handed
    ]
