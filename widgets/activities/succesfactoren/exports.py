"""Succesfactoren's readable export rows: per factor answered, the factor (with its domain) and the answer in words."""

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.sessions import Session
from ...report.exports import export_row, order_index
from .model import ACTIVITY, all_factors


def rows(answers: ByActivity, state: States, session: Session, lang: str) -> list:
    """One row per answer, in the boxes' order: 'Wonen: 1. Samenwerken ...' and 'Grotendeels'."""
    known = all_factors()
    order = tuple(known)
    out = []
    for a in sorted(answers.get(ACTIVITY, []), key=lambda a: order_index(a.item, order)):
        f = known.get(a.item)
        item = a.item
        if f is not None:
            domain = t(f"succesfactoren.domain.{f.domain}", lang)
            item = t("succesfactoren.export.item", lang, domain=domain, n=f.number, factor=f.text(lang))
        out.append(export_row(a, session, lang, item=item, value=t(f"succesfactoren.choice.{a.value}", lang)))
    return out
