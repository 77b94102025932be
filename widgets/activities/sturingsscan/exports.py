"""Sturingsscan's readable export rows, and the workbook's sheet of each participant's shares per perspective."""

from ...i18n import label, t
from ...model.answers import ByActivity, States, answers_by_activity
from ...model.sessions import Session
from ...report.exports import export_language, export_row
from ...report.transfer import session_from_export
from .model import ACTIVITY, DONT_KNOW, ITEMS, by_participant, indicators, participant_shares
from .results import element_label

SHARE_COLUMNS = ("participant", "group", "sturing_pa", "sturing_npm", "sturing_npg", "sturing_sr")


def rows(answers: ByActivity, state: States, session: Session, lang: str) -> list:
    """One row per statement answered: element, perspective and statement as the item, the score (or 'weet ik niet')."""
    texts = {
        i.key: t(
            "sturingsscan.export.item",
            lang,
            element=element_label(i.element, lang),
            perspective=label(i.perspective, lang),
            statement=i.text(lang),
        )
        for i in indicators()
    }
    given = [a for a in answers.get(ACTIVITY, []) if a.item in texts]
    rows = []
    for a in sorted(given, key=lambda a: (a.participant, ITEMS.index(a.item))):
        dont_know = a.value == DONT_KNOW
        value = t("sturingsscan.dont_know", lang) if dont_know else str(a.value)
        rows.append(export_row(a, session, lang, item=texts[a.item], score=None if dont_know else a.value, value=value))
    return rows


def derived(data, lang=None) -> tuple:
    """The workbook's extra sheet: each participant's shares per perspective (one decimal), as the room averages."""
    lang = export_language(data, lang)
    session = session_from_export(data)
    people = by_participant(answers_by_activity(data.get("answers", [])).get(ACTIVITY, []))
    rows = []
    for ref, (group, values) in people.items():
        found = participant_shares(values)
        if found:
            row = {"participant": ref, "group": session.group_label(group)}
            rows.append(row | {f"sturing_{p}": round(share, 1) for p, share in found.items()})
    return t("sturingsscan.export.sheet", lang), SHARE_COLUMNS, rows
