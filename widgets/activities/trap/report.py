"""The participatietrap in the session report: its result blocks, the summary, the notes."""

from markupsafe import Markup

from ...i18n import t
from ...model.answers import Answer, ByActivity, States
from ...model.disclosure import disclose
from ...model.sessions import Session
from ...render.blocks import REPORT, blocks_html
from ...render.report import report_render, section_html
from . import model
from .model import ACTIVITY, summarize
from .render import rung_name, signed
from .results import blocks

# The section and the summary apply the disclosure rule figure by figure (result blocks, and the rule where a
# figure is no block): the report gives them the answers as they are (widgets.render.report.seen).
DISCLOSES = True


def section(answers: ByActivity, state: States, session: Session, lang: str, plots: dict) -> str:
    """Both distributions and the gap per group (or that nobody answered)."""
    if not answers.get(ACTIVITY):
        return section_html(ACTIVITY, lang, Markup("<p>%s</p>") % t("report.no_answers", lang))
    return section_html(ACTIVITY, lang, blocks_html(blocks(answers, state, session, lang), REPORT, lang))


def summary(answers: ByActivity, state: States, session: Session, lang: str) -> str:
    """The report's first page: the room's mean rungs and moves, and the group with the largest gap (of two or more).

    Only groups the disclosure rule shows count: the largest gap of a group of one would be that person's move.
    """
    by_group, room = summarize(answers.get(ACTIVITY, []), [g.key for g in session.groups])
    found = disclose({key: s.count for key, s in by_group.items()}, room.count)  # as the gap block's rows
    answered = [(key, s) for key, s in by_group.items() if s.count and found.shows(key)]
    widest = max(answered, key=lambda pair: abs(pair[1].gap)) if len(answered) >= 2 else None
    return report_render(
        "trap_summary.html",
        lang,
        room=_figures(room, lang) if room.count else None,
        widest={"label": session.group_label(widest[0]), "gap": signed(widest[1].gap, lang)} if widest else None,
    )


def _figures(summarized, lang: str) -> dict:
    return {
        "now": summarized.now_mean,
        "should": summarized.should_mean,
        "gap": signed(summarized.gap, lang),
        "looser": summarized.looser,
        "same": summarized.same,
        "tighter": summarized.tighter,
    }


def notes(answers: list[Answer], lang: str) -> list:
    """``[(what, group, note)]``: each toelichting with the two rungs it explains."""
    return [
        (t("trap.note_what", lang, now=rung_name(now, lang), should=rung_name(should, lang)), group, note)
        for group, now, should, note in model.notes(answers)
    ]
