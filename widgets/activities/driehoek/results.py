"""driehoek's results: the mean score per corner per group as a block; on the participant's results page
the own score per corner next to the means."""

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.blocks import Block
from ...model.sessions import Participant, Session
from ...render.results import comparison_rows
from ..beoordelen.results import own_score
from .model import ACTIVITY, placements, triangle_comparison
from .render import levels


def blocks(answers: ByActivity, state: States, session: Session, lang: str) -> list[Block]:
    """The levels per corner, once somebody placed themselves ([] before: the page says nobody did)."""
    placed = placements(answers.get(ACTIVITY, []))
    return [levels(placed, session, lang)] if placed else []


def own(answers: ByActivity, state: States, session: Session, participant: Participant, lang: str) -> dict:
    compared = triangle_comparison(answers.get(ACTIVITY, []), participant.ref, participant.group_key)
    labels = {c.key: t(f"corner.short.{c.key}", lang).capitalize() for c in compared}
    return {
        "rows": comparison_rows(compared, labels, lambda v: own_score(v, lang)),
        "what": t("resultaten.corner", lang),
    }
