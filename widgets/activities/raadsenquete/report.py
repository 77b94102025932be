"""Raadsenquête Village Deals in the session report and the readable exports (named in its descriptor)."""

from ...i18n import t
from ...render.report import report_render
from .model import ACTIVITY, STATEMENTS, STYLE, statement_texts, styles
from .render import results_html


def raadsenquete_section(answers, state, session, lang, plots) -> str:
    """The statements next to Afbeelding 4 and the mix of bestuursstijlen, as on the dashboard."""
    body = results_html(answers.get(ACTIVITY, []), session, lang, heading=3)
    return report_render(
        "report_section.html", lang, key=ACTIVITY, title=t(f"{ACTIVITY}.title", lang), parts=(body,), legend=""
    )


def raadsenquete_export_rows(answers, state, session, lang) -> list:
    """One row per statement answered (the choice in words), then the chosen bestuursstijl."""
    from ...exports import export_row

    texts = statement_texts(lang)
    style_labels = {key: label for key, label, _ in styles(lang)}
    order = (*STATEMENTS, STYLE)
    rows = []
    for a in sorted(answers.get(ACTIVITY, []), key=lambda a: order.index(a["item"]) if a["item"] in order else 99):
        if a["item"] == STYLE:
            item, value = t("raadsenquete.style", lang), style_labels.get(a["value"], a["value"])
        else:
            item, value = texts.get(a["item"], a["item"]), t(f"raadsenquete.choice.{a['value']}", lang)
        rows.append(export_row(a, session, lang, item=item, value=value))
    return rows


def raadsenquete_summary(answers, state, session, lang) -> str:
    """The first page: per statement the room's 'eens' next to the printed one, and the most chosen style."""
    from ...render import percent
    from .model import printed, statement_results, style_mix

    given = answers.get(ACTIVITY, [])
    results = {r.key: r for r in statement_results(given, [])}
    rows = []
    for p in printed():
        room = results[p.key].room
        if room.answered:
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
    labels = {key: label for key, label, _ in styles(lang)}
    most = max(mix.counts.values())
    top = [labels[key] for key, count in mix.counts.items() if most and count == most]
    return report_render(
        "report_summary_raadsenquete.html", lang, rows=rows, top=", ".join(top), most=most, total=mix.total
    )


# The registry's names for this activity's parts.
section = raadsenquete_section
summary = raadsenquete_summary
