"""Prioriteren's readable export rows: each participant's points per value of the merged palette."""

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.sessions import Session
from ...report.exports import cell_words, export_row
from ..palet.exports import merged
from ..palet.model import resolve
from .model import ACTIVITY


def rows(answers: ByActivity, state: States, session: Session, lang: str) -> list:
    """One row per value a participant gave points to, most points first."""
    values, merges = merged(answers, state)
    rows = []
    for a in answers.get(ACTIVITY, []):
        for key, points in sorted(a.value.items(), key=lambda kv: (-kv[1], kv[0])):
            value = values.get(resolve(key, merges))
            rows.append(
                export_row(
                    a,
                    session,
                    lang,
                    item=t("export.item.points", lang),
                    score=points,
                    value=value.label if value else key,
                    cell=cell_words(value.cell, lang) if value else "",
                )
            )
    return rows
