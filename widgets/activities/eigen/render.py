"""Eigen stellingen as HTML: the statements, the means per group, then where the groups agree and where they differ.

Beoordelen's fragments with the session's own statement keys; the means are the activity's result
block (``results.blocks``) as the kit draws it, the same on the dashboard, the phones once revealed,
the presentation screen and in the report.
"""

from markupsafe import Markup

from ...i18n import t
from ..beoordelen.render import agenda_html
from .model import keys_of


def statement_texts(statements, lang: str) -> dict:
    """``{key: {"label", "short", "text", "questions"}}`` as beoordelen's texts are (no questions of the book)."""
    return {
        s["key"]: {
            "label": t("eigen.label", lang, n=n),
            "short": t("eigen.label", lang, n=n),
            "text": s["text"],
            "questions": [],
        }
        for n, s in enumerate(statements, start=1)
    }


def legend_html(statements, lang: str) -> str:
    """The statements in full, numbered as the tables name them."""
    items = Markup("").join(Markup('<li data-kit-own="{}">{}</li>').format(s["key"], s["text"]) for s in statements)
    return Markup('<ol class="kit-own-statements">{}</ol>').format(items)


def own_agenda_html(summaries, statements, session, lang: str) -> str:
    """Broad agreement, then the statements with the most dissent first, with the means and notes."""
    return agenda_html(summaries, statement_texts(statements, lang), session, lang, keys=keys_of(statements))


def own_html(summaries, statements, session, lang: str, means: str) -> str:
    """The dashboard's (and report's) figures: the statements, the ``means`` as drawn there, agreement, the agenda."""
    if not statements:
        return Markup("<p>%s</p>") % t("eigen.dash.none", lang)
    return Markup("").join(
        (
            Markup(legend_html(statements, lang)),
            Markup(means),
            Markup(own_agenda_html(summaries, statements, session, lang)),
        )
    )
