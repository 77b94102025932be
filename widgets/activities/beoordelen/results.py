"""beoordelen's results: the means per group as a block; on the participant's results page the own
scores next to the means, and a summary without small groups."""

from dataclasses import replace

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.blocks import Block, groups_of
from ...model.results import group_mean_shown
from ...model.sessions import Participant, Session
from ...render.results import comparison_rows
from ...texts import statements
from . import report
from .model import ACTIVITY, OVERALL, STATEMENTS, rating_comparison, scores, summarize
from .render import own_score


def blocks(answers: ByActivity, state: States, session: Session, lang: str) -> list[Block]:
    """The mean per group of the grade and of each statement (its name, and its short name for the screen)."""
    texts = statements(session, lang)
    labels = {OVERALL: (t("beoordelen.grade_short", lang), "", "")} | {
        key: (texts[key]["label"], texts[key]["short"], "") for key in STATEMENTS
    }
    summaries = summarize(answers.get(ACTIVITY, []))
    heading = t("beoordelen.statement", lang)
    return [scores(ACTIVITY, summaries, labels, groups_of(session), t("beoordelen.results", lang), heading)]


def own(answers: ByActivity, state: States, session: Session, participant: Participant, lang: str) -> dict:
    texts = statements(session, lang)
    labels = {key: v["short"] for key, v in texts.items()} | {OVERALL: t("beoordelen.grade_short", lang)}
    compared = rating_comparison(answers.get(ACTIVITY, []), participant.ref, participant.group_key)
    return {
        "rows": comparison_rows(compared, labels, lambda v: own_score(v, lang)),
        "what": t("resultaten.statement", lang),
    }


def summary(answers: ByActivity, state: States, session: Session, lang: str) -> str:
    """The report's summary, with only the groups whose grade mean may be shown (``group_mean_shown``).

    On a phone, the mean of a group of one or two would be a known person's grade.
    """
    graded: dict[str, int] = {}
    for a in answers.get(ACTIVITY, []):
        if a.item == OVERALL and a.value.get("score") is not None:
            graded[a.group] = graded.get(a.group, 0) + 1
    shown = replace(session, groups=tuple(g for g in session.groups if group_mean_shown(graded.get(g.key, 0))))
    return report.summary(answers, state, shown, lang)
