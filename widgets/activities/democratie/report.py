"""Tabel 4.2 in the session report: the figures, the first page's summary, the participants' notes."""

from ...i18n import t
from ...render.blocks import REPORT, blocks_html
from ...render.report import section_html
from ..beoordelen.report import statements_summary
from .model import ACTIVITY, KEYS, summarize, value_texts
from .render import figures_html, no_answers_html
from .results import blocks

# The section and the summary apply the disclosure rule figure by figure (result blocks, and the rule where a
# figure is no block): the report gives them the answers as they are (widgets.render.report.seen).
DISCLOSES = True


def section(answers, state, session, lang, plots) -> str:
    """The questions, the means per group, broad agreement and the dissent agenda (or that nobody answered)."""
    mine = answers.get(ACTIVITY, [])
    means = blocks_html(blocks(answers, state, session, lang), REPORT, lang)
    parts = [figures_html(mine, session, lang, means, participants=True)]
    if not mine:
        parts.append(no_answers_html(lang))
    return section_html(ACTIVITY, lang, *parts)


def summary(answers, state, session, lang) -> str:
    """The values with most dissent and with broadest agreement (three each)."""
    texts = {key: (text["label"], text["text"]) for key, text in value_texts(lang).items()}
    summaries = summarize(answers.get(ACTIVITY, []))
    return statements_summary(ACTIVITY, t("democratie.title", lang), summaries, texts, lang)


def notes(answers, lang) -> list:
    """``[(what, group, note)]``: the toelichtingen, value by value in the table's order."""
    names = value_texts(lang)
    noted = sorted((a for a in answers if a.value.get("note")), key=lambda a: KEYS.index(a.item))
    return [(names[a.item]["label"], a.group, a.value["note"]) for a in noted]
