"""Beoordelen's readable export rows: the grade and the statements' scores, each with its toelichting."""

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.sessions import Session
from ...report.exports import export_row, order_index
from ...texts import statements
from .model import ACTIVITY, OVERALL, STATEMENTS


def rows(answers: ByActivity, state: States, session: Session, lang: str) -> list:
    """The rapportcijfer, then the nine statements in the book's order, each with its toelichting."""
    texts = statements(session, lang)
    order = (OVERALL, *STATEMENTS)
    rows = []
    for a in sorted(answers.get(ACTIVITY, []), key=lambda a: order_index(a.item, order)):
        item = t("beoordelen.grade_short", lang) if a.item == OVERALL else texts.get(a.item, {}).get("label", a.item)
        score = a.value.get("score")
        rows.append(
            export_row(
                a,
                session,
                lang,
                item=item,
                score=score,
                value="" if score is not None else t("beoordelen.dont_know", lang),
                note=a.value.get("note", ""),
            )
        )
    return rows
