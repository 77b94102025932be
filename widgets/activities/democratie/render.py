"""Tabel 4.2 as HTML: the questions, the means per group, then broad agreement and the dissent agenda.

Beoordelen's fragments with the six values in place of the nine statements; the means are the
activity's result block (``results.blocks``) as the kit draws it, the same on the dashboard, the
phones once revealed, the presentation screen and in the report.
"""

from markupsafe import Markup

from ...i18n import t
from ...render import render
from ...render.followup import fragment
from ..beoordelen.model import disclosed
from ..beoordelen.render import agenda_html
from .model import KEYS, summarize, value_texts


def figures_html(answers, session, lang: str, means: str, participants: bool = False) -> str:
    """The dashboard's and the report's figures: the table's questions, the ``means`` as drawn there,
    agreement and the agenda (for ``participants``, the report, as the disclosure rule lets them see it)."""
    summaries = summarize(answers)
    if participants:
        summaries = disclosed(summaries)
    texts = value_texts(lang)
    return Markup("").join(
        (
            render("democratie_questions.html", lang, texts=texts, keys=KEYS),
            Markup(means),
            Markup(agenda_html(summaries, texts, session, lang, keys=KEYS)),
        )
    )


def followup_html(change, frame, chart="") -> str:
    """Every value then and now: per group, the room and the dissent."""
    return fragment("democratie_followup.html", change, frame, chart, texts=value_texts(frame.lang))


def no_answers_html(lang: str) -> str:
    return Markup("<p>%s</p>") % t("report.no_answers", lang)
