"""The waardenpalet's readable export rows, and the workbook's sheet of the merged palette."""

from ...i18n import t
from ...model.answers import ByActivity, States, answers_by_activity
from ...model.sessions import Session
from ...report.exports import cell_words, export_language, export_row
from ...report.transfer import session_from_export
from .model import ACTIVITY, merge_palette, normalize_value, resolve

MERGED_COLUMNS = ("participant", "group", "cell", "text", "merged_value", "merged_cell", "shared")


def merged(answers: dict, state: dict) -> tuple:
    """``({key: MergedValue}, merges)`` of the session's palette, as the facilitator merged it."""
    merges = state.get(ACTIVITY, {}).get("merges") or {}
    grid = merge_palette(answers.get(ACTIVITY, []), merges)
    return {m.key: m for values in grid.values() for m in values}, merges


def rows(answers: ByActivity, state: States, session: Session, lang: str) -> list:
    """One row per value a participant named: the own words as the answer, the cell in words."""
    rows = []
    for a in answers.get(ACTIVITY, []):
        cell = cell_words(a.value.get("cell", ""), lang)
        rows.append(export_row(a, session, lang, item=t("palet.value", lang), value=a.value.get("text", ""), cell=cell))
    return rows


def merged_rows(data, lang=None) -> list:
    """The merged palette's derived rows: each participant's own words and the merged value they count for."""
    session, lang = session_from_export(data), export_language(data, lang)
    answers = answers_by_activity(data.get("answers", []), data.get("participants", []))
    values, merges = merged(answers, data.get("state", {}))
    rows = []
    for a in answers.get(ACTIVITY, []):
        value = values.get(resolve(normalize_value(a.value.get("text", "")), merges))
        rows.append(
            {
                "participant": a.participant,
                "group": session.group_label(a.group),
                "cell": cell_words(a.value.get("cell", ""), lang),
                "text": a.value.get("text", ""),
                "merged_value": value.label if value else "",
                "merged_cell": cell_words(value.cell, lang) if value else "",
                "shared": t("export.yes" if value and value.shared else "export.no", lang),
            }
        )
    return rows


def derived(data, lang=None) -> tuple:
    """The workbook's extra sheet: the merged palette."""
    return t("export.sheet.palette_merged", export_language(data, lang)), MERGED_COLUMNS, merged_rows(data, lang)
