"""prioriteren's results: the values ranked by everyone's points, split by group, as a block; on the
participant's results page the own points per value next to the mean points."""

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.blocks import Block, Figure, RankedItem, Ranking, Scale, groups_of
from ...model.sessions import Participant, Session
from ...render.results import comparison_rows
from ..palet.model import ACTIVITY as PALET
from .model import ACTIVITY, ITEM, POINTS, priorities_comparison, rank, spreadable_values


def values(answers: ByActivity, state: States) -> list:
    """``[(key, label, mentions)]``: what points could go to, the merged palette or the facilitator's selection."""
    return spreadable_values(
        answers.get(PALET, []),
        state.get(PALET, {}).get("merges"),
        state.get(ACTIVITY, {}).get("selection") or [],
    )


def blocks(answers: ByActivity, state: States, session: Session, lang: str, limit: int | None = None) -> list[Block]:
    """Every value the points could go to, most points first: the total, each group's points, and how many
    named it in the palette; every bar from zero to the highest total. ``limit``: only the first so many (the
    dashboard draws a palette of thousands a part at a time, and makes no more).

    A group's figure is its points and how many of it spread points (the people its sum is made of, a
    zero included: what the disclosure rule counts); a group of which nobody spread points has none (a
    dash), one that gave the value nothing has 0.
    """
    spread = [a for a in answers.get(ACTIVITY, []) if a.item == ITEM]
    offered = values(answers, state)
    labels = {key: (label, mentions) for key, label, mentions in offered}
    groups = groups_of(session)
    spreading: dict[str, set] = {}
    for a in spread:
        spreading.setdefault(a.group, set()).add(a.participant)
    items = tuple(
        RankedItem(
            r.key,
            labels[r.key][0],
            r.points,
            tuple(
                Figure(r.by_group.get(g.key, 0), len(spreading[g.key])) if g.key in spreading else Figure()
                for g in groups
            ),
            t("prioriteren.named_by", lang, n=labels[r.key][1]),
        )
        for r in rank(spread, list(labels))[:limit]
    )
    highest = max((item.total for item in items), default=0)
    return [
        Ranking(
            ACTIVITY,
            t("prioriteren.dash.ranking", lang),
            t("prioriteren.dash.value", lang),
            t("prioriteren.dash.points", lang),
            Scale(0, highest or POINTS),  # nobody spread yet: empty bars on the scale of one spread
            groups,
            items,
            intro=t("prioriteren.dash.who", lang, n=len(spread)),
            note=t("prioriteren.named", lang),
        )
    ]


def own(answers: ByActivity, state: States, session: Session, participant: Participant, lang: str) -> dict:
    merges = state.get(PALET, {}).get("merges")
    offered = values(answers, state)
    labels = {key: label for key, label, _ in offered}
    given = answers.get(ACTIVITY, [])
    compared = priorities_comparison(given, offered, participant.ref, participant.group_key, merges)
    return {
        "rows": comparison_rows(compared, labels, lambda v: "–" if v is None else str(v)),
        "what": t("resultaten.value", lang),
        "note": t("resultaten.points_note", lang),
    }
