"""Raadsenquête Village Deals in the session report: the statements and the styles, and the first-page summary."""

from ...model.answers import ByActivity, States
from ...model.disclosure import shown
from ...model.sessions import Session
from ...render import percent
from ...render.blocks import REPORT
from ...render.report import report_render, section_html
from .model import ACTIVITY, Mix, printed, statement_results, style_mix, styles
from .render import results_html
from .results import blocks

# The section and the summary apply the disclosure rule figure by figure (result blocks, and the rule where a
# figure is no block): the report gives them the answers as they are (widgets.render.report.seen).
DISCLOSES = True


def section(answers: ByActivity, state: States, session: Session, lang: str, plots: dict) -> str:
    """The statements next to Afbeelding 4 and the mix of bestuursstijlen, as on the dashboard."""
    return section_html(ACTIVITY, lang, results_html(blocks(answers, state, session, lang), REPORT, lang))


def summary(answers: ByActivity, state: States, session: Session, lang: str) -> str:
    """The first page: per statement the room's 'eens' next to the printed one, and the most chosen style."""
    given = answers.get(ACTIVITY, [])
    results = {r.key: r for r in statement_results(given, [])}
    rows = []
    for p in printed():
        room = results[p.key].room
        if room.answered and shown(room.answered):  # the disclosure rule, as the block's room line
            rows.append(
                {
                    "key": p.key,
                    "text": p.text(lang),
                    "room": percent(room.share("eens"), lang),
                    "n": room.answered,
                    "printed": f"{p.shares['eens']}%",
                    "printed_n": p.n,
                }
            )
    mix = style_mix(given, []).room
    if not shown(mix.total):  # the disclosure rule, as the styles block's room line
        mix = Mix()
    labels = {key: label for key, label, _ in styles(lang)}
    most = max(mix.counts.values())
    top = [labels[key] for key, count in mix.counts.items() if most and count == most]
    return report_render("raadsenquete_summary.html", lang, rows=rows, top=", ".join(top), most=most, total=mix.total)
