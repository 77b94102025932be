"""prioriteren on the participant's results page: the own points per value next to the mean points."""

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.sessions import Participant, Session
from ...render.results import comparison_rows
from ..palet.model import ACTIVITY as PALET
from .model import ACTIVITY, priorities_comparison, spreadable_values


def own(answers: ByActivity, state: States, session: Session, participant: Participant, lang: str) -> dict:
    merges = state.get(PALET, {}).get("merges")
    values = spreadable_values(answers.get(PALET, []), merges, state.get(ACTIVITY, {}).get("selection") or [])
    labels = {key: label for key, label, _ in values}
    given = answers.get(ACTIVITY, [])
    compared = priorities_comparison(given, values, participant.ref, participant.group_key, merges)
    return {
        "rows": comparison_rows(compared, labels, lambda v: "–" if v is None else str(v)),
        "what": t("resultaten.value", lang),
        "note": t("resultaten.points_note", lang),
    }
