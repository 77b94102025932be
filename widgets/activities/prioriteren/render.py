"""Prioriteren's ranking as HTML: values by points, split by group (dashboard and report)."""

from ...model.answers import Answer
from ...model.sessions import Session
from ...render import render
from ...render.followup import fragment
from .model import rank


def ranking_html(values, answers: list[Answer], session: Session, lang: str, heading: int = 4) -> str:
    """Values ranked by points, split by group, next to how many named each in the palette.

    ``values`` are ``[(key, label, mentions)]`` (``spreadable_values``), ``answers`` the
    store's answers to prioriteren (each with its ``group`` and ``value``: key -> points).
    """
    labels = {key: (label, mentions) for key, label, mentions in values}
    rows = [
        {
            "key": r.key,
            "label": labels[r.key][0],
            "points": r.points,
            "mentions": labels[r.key][1],
            "by_group": [r.by_group.get(g.key, 0) for g in session.groups],
        }
        for r in rank(answers, list(labels))
    ]
    return render(
        "prioriteren_ranking.html",
        lang,
        rows=rows,
        groups=[g.label for g in session.groups],
        participants=len(answers),
        heading=heading,
    )


def followup_html(change, frame, chart="") -> str:
    """Each value's share of all points then and now, biggest move first."""
    return fragment("prioriteren_followup.html", change, frame, chart)
