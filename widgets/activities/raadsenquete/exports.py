"""Raadsenquête Village Deals' readable export rows: each statement's choice in words, then the style."""

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.sessions import Session
from ...report.exports import export_row, order_index
from .model import ACTIVITY, STATEMENTS, STYLE, statement_texts, styles


def rows(answers: ByActivity, state: States, session: Session, lang: str) -> list:
    """One row per statement answered (the choice in words), then the chosen bestuursstijl."""
    texts = statement_texts(lang)
    style_labels = {key: label for key, label, _ in styles(lang)}
    order = (*STATEMENTS, STYLE)
    rows = []
    for a in sorted(answers.get(ACTIVITY, []), key=lambda a: order_index(a.item, order)):
        if a.item == STYLE:
            item, value = t("raadsenquete.style", lang), style_labels.get(a.value, a.value)
        else:
            item, value = texts.get(a.item, a.item), t(f"raadsenquete.choice.{a.value}", lang)
        rows.append(export_row(a, session, lang, item=item, value=value))
    return rows
