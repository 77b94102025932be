"""The strategic triangle's own HTML: one place in the triangle (a participant's, a lesson's case), the notes
on the tensions, the follow-up's table.

The room's results are blocks (``results``), drawn by the kit; the triangle itself is ``widgets.render.triangle``.
"""

from ...i18n import t
from ...model.answers import Answer
from ...model.sessions import Session
from ...render import render
from ...render.blocks import DASHBOARD, blocks_html
from ...render.followup import fragment
from ...render.triangle import one_place
from .model import AXES, CORNERS
from .results import tensions


def _corners(lang: str) -> dict:
    return {c: t(f"corner.short.{c}", lang) for c in CORNERS}


def position_svg(scores: dict, lang: str) -> str:
    """One participant's own place, marked 'jij', with a legend and the scores as its text alternative."""
    title = t("driehoek.position_svg", lang, **{c: scores[c] for c in CORNERS})
    you, legend = t("blocks.placements.you", lang), t("blocks.placements.you_legend", lang)
    return one_place(scores, _corners(lang), title, lang, you, legend)


def case_svg(case: str, scores: dict, lang: str) -> str:
    """A learner's placement of a case from the book (lessons): marked as their placement, not as 'jij'."""
    title = t("lesson.placement_svg", lang, case=case, **{c: scores[c] for c in CORNERS})
    corners = {c: t(f"lesson.corner_short.{c}", lang) for c in CORNERS}  # the lesson's words: wanting, ...
    return one_place(scores, corners, title, lang, t("lesson.your_placement", lang))


def tensions_html(answers: list[Answer], session: Session, lang: str, surface: str = DASHBOARD) -> str:
    """The tensions block (``results.tensions``) drawn for ``surface``, then per axis every note with its group."""
    notes = [
        (
            axis,
            [
                (session.group_label(a.group), a.value["note"])
                for a in answers
                if a.item == f"spanning.{axis}" and a.value.get("note")
            ],
        )
        for axis in AXES
    ]
    return render(
        "driehoek_tensions.html",
        lang,
        block=blocks_html([tensions(answers, lang)], surface, lang),
        notes=[(axis, given) for axis, given in notes if given],
    )


def followup_html(change, frame, chart="") -> str:
    """The mean score per corner then and now, and the centroids as shares: the arrows' table."""
    return fragment("driehoek_followup.html", change, frame, chart, corners=CORNERS)
