"""The participatietrap's readable export rows: the rung now and the rung it should be, per participant."""

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.sessions import Session
from ...report.exports import export_row
from .model import ACTIVITY, ITEM
from .render import rung_name


def rows(answers: ByActivity, state: States, session: Session, lang: str) -> list:
    """Two rows per participant: the rung now and the rung it should be (number and name), the note on the second."""
    rows = []
    for a in answers.get(ACTIVITY, []):
        if a.item != ITEM:
            continue
        value = a.value
        for which, label in (("now", "export.item.trap_now"), ("should", "export.item.trap_should")):
            rows.append(
                export_row(
                    a,
                    session,
                    lang,
                    item=t(label, lang),
                    score=value[which],
                    value=rung_name(value[which], lang),
                    note=value.get("note", "") if which == "should" else "",
                )
            )
    return rows
