"""Driehoek in the session report: the triangle and its tables, levels, tensions, routes; the summary, the notes."""

from markupsafe import Markup

from ...i18n import t
from ...model.answers import Answer, ByActivity, States
from ...model.disclosure import shown
from ...model.sessions import Session
from ...render.blocks import REPORT, blocks_html
from ...render.report import report_render, section_html
from .model import ACTIVITY, AXES, CORNERS, placements, weakest_corner
from .render import tensions_html
from .results import blocks, routes


def section(answers: ByActivity, state: States, session: Session, lang: str, plots: dict) -> str:
    """The triangle with its tables and the levels (or that nobody placed themselves), the tensions, the routes."""
    mine = answers.get(ACTIVITY, [])
    shown = blocks(answers, state, session, lang)
    return section_html(
        ACTIVITY,
        lang,
        blocks_html(shown, REPORT, lang) if shown else Markup("<p>%s</p>") % t("driehoek.dash.nobody", lang),
        tensions_html(mine, session, lang, REPORT),
        blocks_html(routes(mine, session, lang), REPORT, lang),
    )


def summary(answers: ByActivity, state: States, session: Session, lang: str) -> str:
    """The weakest corner (lowest room mean) and the tensions by mean severity, highest first."""
    given = answers.get(ACTIVITY, [])
    scores = [s for _, _, s in placements(given)]
    scores = scores if shown(len(scores)) else []  # the room's figures from k people (the disclosure rule)
    means = {c: sum(s[c] for s in scores) / len(scores) for c in CORNERS} if scores else {}
    tensions = []
    for axis in AXES:
        severities = [a.value["severity"] for a in given if a.item == f"spanning.{axis}"]
        if severities and shown(len(severities)):
            tensions.append({"key": axis, "mean": sum(severities) / len(severities), "n": len(severities)})
    tensions.sort(key=lambda x: (-round(x["mean"], 9), AXES.index(x["key"])))
    return report_render(
        "driehoek_summary.html",
        lang,
        corners=CORNERS,
        means=means,
        n=len(scores),
        weakest=weakest_corner(scores) if scores else None,
        tensions=tensions,
    )


def notes(answers: list[Answer], lang: str) -> list:
    """``[(what, group, note)]``: the notes on the tensions, per axis in the book's order."""
    return [
        (t("axis." + axis, lang), a.group, a.value["note"])
        for axis in AXES
        for a in answers
        if a.item == f"spanning.{axis}" and a.value.get("note")
    ]
