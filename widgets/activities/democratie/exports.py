"""Tabel 4.2's readable export rows: each score under its value and the table's question."""

from ...i18n import t
from ...report.exports import export_row, order_index
from .model import ACTIVITY, KEYS, value_texts


def rows(answers, state, session, lang) -> list:
    """One row per score in the table's order: "Insluiting: <question>", the score or "weet ik niet", the note."""
    texts = value_texts(lang)
    rows = []
    for a in sorted(answers.get(ACTIVITY, []), key=lambda a: order_index(a.item, KEYS)):
        text = texts.get(a.item)
        score = a.value.get("score")
        rows.append(
            export_row(
                a,
                session,
                lang,
                item=f"{text['label']}: {text['text']}" if text else a.item,
                score=score,
                value="" if score is not None else t("beoordelen.dont_know", lang),
                note=a.value.get("note", ""),
            )
        )
    return rows
