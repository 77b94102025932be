"""Tabel 4.2 on the participant's results page: the own score per value next to the group's and the room's."""

from ...i18n import t
from ...render.results import comparison_rows
from ..beoordelen.model import rating_comparison
from ..beoordelen.results import own_score
from .model import ACTIVITY, KEYS, value_texts


def own(answers, state, session, participant, lang) -> dict:
    labels = {key: text["label"] for key, text in value_texts(lang).items()}
    compared = rating_comparison(answers.get(ACTIVITY, []), participant.ref, participant.group_key, KEYS)
    return {
        "rows": comparison_rows(compared, labels, lambda v: own_score(v, lang)),
        "what": t("democratie.value", lang),
    }
