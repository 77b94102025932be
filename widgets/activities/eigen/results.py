"""eigen's results: the means per statement as beoordelen's block; on the participant's results page the own
score per statement next to the means, as beoordelen's."""

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.blocks import Block, groups_of
from ...model.sessions import Participant, Session
from ...render.results import score_rows
from ..beoordelen.model import rating_comparison, scores
from .model import ACTIVITY, keys_of, stored_statements, summarize
from .render import statement_texts


def blocks(answers: ByActivity, state: States, session: Session, lang: str) -> list[Block]:
    """The mean per group of each statement, numbered, in full (the number alone says nothing); none without."""
    statements = stored_statements(state.get(ACTIVITY, {}))
    if not statements:
        return []
    labels = {key: (text["label"], "", text["text"]) for key, text in statement_texts(statements, lang).items()}
    summaries = summarize(answers.get(ACTIVITY, []), statements)
    title, heading = t("beoordelen.results", lang), t("beoordelen.statement", lang)
    return [scores(ACTIVITY, summaries, labels, groups_of(session), title, heading)]


def own(answers: ByActivity, state: States, session: Session, participant: Participant, lang: str) -> dict:
    statements = stored_statements(state.get(ACTIVITY, {}))
    labels = {key: f"{text['label']}: {text['text']}" for key, text in statement_texts(statements, lang).items()}
    compared = rating_comparison(answers.get(ACTIVITY, []), participant.ref, participant.group_key, keys_of(statements))
    return {
        "rows": score_rows(compared, labels, lang),
        "what": t("resultaten.statement", lang),
    }
