"""beoordelen's results: the means per group as a block; on the participant's results page the own
scores next to the means (the summary there is the report's, ``report.summary``)."""

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.blocks import Block, groups_of
from ...model.sessions import Participant, Session
from ...render.results import score_rows
from ...texts import statements
from .model import ACTIVITY, OVERALL, STATEMENTS, rating_comparison, scores, summarize


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
        "rows": score_rows(compared, labels, lang),
        "what": t("resultaten.statement", lang),
    }
