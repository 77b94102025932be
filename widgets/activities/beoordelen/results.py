"""beoordelen on the participant's results page: the own scores next to the means."""

from ...i18n import t
from ...render.results import comparison_rows
from ...texts import statements
from .model import ACTIVITY, OVERALL, rating_comparison
from .render import score_text


def own_score(value, lang: str) -> str:
    """An own score in words: the score, "weet ik niet" (``"?"``) or not answered (None)."""
    if value is None:
        return t("beoordelen.not_answered", lang)
    if value == "?":
        return t("beoordelen.dont_know_choice", lang)
    return score_text(value, lang)


def own(answers, state, session, participant, lang) -> dict:
    texts = statements(session, lang)
    labels = {key: v["short"] for key, v in texts.items()} | {OVERALL: t("beoordelen.grade_short", lang)}
    compared = rating_comparison(answers.get(ACTIVITY, []), participant.ref, participant.group_key)
    return {
        "rows": comparison_rows(compared, labels, lambda v: own_score(v, lang)),
        "what": t("resultaten.statement", lang),
    }
