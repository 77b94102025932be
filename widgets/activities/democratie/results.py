"""Tabel 4.2's results: the means per value as beoordelen's block; on the participant's results page the own
score per value next to the group's and the room's."""

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.blocks import Block, groups_of
from ...model.sessions import Session
from ...render.results import score_rows
from ..beoordelen.model import rating_comparison, scores
from .model import ACTIVITY, KEYS, summarize, value_texts


def blocks(answers: ByActivity, state: States, session: Session, lang: str) -> list[Block]:
    """The mean per group of each of the six values, in the table's order."""
    labels = {key: (text["label"], "", "") for key, text in value_texts(lang).items()}
    summaries = summarize(answers.get(ACTIVITY, []))
    title, heading = t("beoordelen.results", lang), t("democratie.value", lang)
    return [scores(ACTIVITY, summaries, labels, groups_of(session), title, heading)]


def own(answers, state, session, participant, lang) -> dict:
    labels = {key: text["label"] for key, text in value_texts(lang).items()}
    compared = rating_comparison(answers.get(ACTIVITY, []), participant.ref, participant.group_key, KEYS)
    return {
        "rows": score_rows(compared, labels, lang),
        "what": t("democratie.value", lang),
    }
