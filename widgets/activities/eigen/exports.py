"""Eigen stellingen's readable export rows: each score under its statement's number and text."""

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.sessions import Session
from ...report.exports import export_row
from .model import ACTIVITY, number_of, stored_statements


def rows(answers: ByActivity, state: States, session: Session, lang: str) -> list:
    """One row per score in the facilitator's order: "Stelling 2: <text>", the score or "weet ik niet", the note."""
    texts = {s["key"]: s["text"] for s in stored_statements(state.get(ACTIVITY, {}))}
    rows = []
    for a in sorted(answers.get(ACTIVITY, []), key=lambda a: number_of(a.item)):
        label = t("eigen.label", lang, n=number_of(a.item))
        score = a.value.get("score")
        rows.append(
            export_row(
                a,
                session,
                lang,
                item=f"{label}: {texts[a.item]}" if a.item in texts else label,
                score=score,
                value="" if score is not None else t("beoordelen.dont_know", lang),
                note=a.value.get("note", ""),
            )
        )
    return rows
