"""Tabel 4.2 as HTML: the means per group with bars, then broad agreement and the dissent agenda.

Beoordelen's fragments with the six values in place of the nine statements, so the dashboard, the
phones once revealed, the presentation screen and the report read the same.
"""

from markupsafe import Markup

from ...i18n import t
from ...render import render
from ...render.followup import fragment
from ..beoordelen.render import agenda_html, rating_results_html
from .model import KEYS, summarize, value_texts


def means_html(summaries, session, lang: str) -> str:
    """The mean per group of each value, in the table's order, under the heading "Waarde"."""
    return rating_results_html(
        summaries, value_texts(lang), session, lang, keys=KEYS, heading=t("democratie.value", lang)
    )


def figures_html(answers, session, lang: str) -> str:
    """The dashboard's and the report's figures: the table's questions, the means, agreement and the agenda."""
    summaries = summarize(answers)
    texts = value_texts(lang)
    return Markup("").join(
        (
            render("democratie_questions.html", lang, texts=texts, keys=KEYS),
            Markup(means_html(summaries, session, lang)),
            Markup(agenda_html(summaries, texts, session, lang, keys=KEYS)),
        )
    )


def followup_html(change, frame, chart="") -> str:
    """Every value then and now: per group, the room and the dissent."""
    return fragment("democratie_followup.html", change, frame, chart, texts=value_texts(frame.lang))


def no_answers_html(lang: str) -> str:
    return Markup("<p>%s</p>") % t("report.no_answers", lang)
