"""The session report: one self-contained HTML file (charts inline, no network) and a PDF from it.

Built from a session export alone, so a session can be reported after the server is gone:
    python -m widgets.report sessie-K7P3QX.json [--pdf] [--lang en]
The PDF is printed by headless Chromium where it is installed (laptop, server, CI). On Binder,
where it is not, open the HTML report and use the browser's Print > Save as PDF.
"""

import argparse
import datetime
import json
from html import escape
from pathlib import Path

from .activities import ACTIVITIES
from .i18n import normalize_language, t
from .model.palette import merge_palette
from .model.rating import OVERALL, STATEMENTS, summarize
from .model.sessions import Group, Session
from .model.triangle import AXES, position
from .pdf import html_to_pdf
from .texts import topic_label

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 1000px; margin: 24px auto; padding: 0 16px; color: #222; }
h1 { margin-bottom: 0; } h2 { border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 32px; }
table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
.kit-chip { display: inline-block; border: 1px solid #c5d9ef; background: #eef4fb; border-radius: 12px; padding: 1px 8px; margin: 2px; }
.kit-chip-shared { border-color: #b7dfb9; background: #e8f5e9; font-weight: 600; }
.kit-badge { font-size: 0.8em; color: #555; } .charts { display: flex; flex-wrap: wrap; gap: 12px; }
section { page-break-inside: avoid; } @media print { .noprint { display: none; } }
"""


def session_from_export(data: dict) -> Session:
    info = data["session"]
    return Session(id="", code=info["code"], title=info["title"], topic=info["topic"],
                   municipality=info.get("municipality", ""), language=info.get("language", "nl"),
                   activities=tuple(info.get("activities", ())), open_activities=(),
                   status=info.get("status", "closed"), created_at=info.get("created_at", 0),
                   groups=tuple(Group(g["key"], g["label"]) for g in data.get("groups", [])))


def build_report(data: dict, lang: str = None) -> str:
    """The report as one HTML document (BokehJS inline); every participant text escaped, no names."""
    from bokeh.embed import components
    from bokeh.resources import INLINE

    session = session_from_export(data)
    lang = normalize_language(lang or session.language)
    answers = {}
    for answer in data.get("answers", []):
        answers.setdefault(answer["activity"], []).append(answer)
    state = data.get("state", {})
    plots, sections = {}, [_details(data, session, lang)]
    used = [activity for activity in ACTIVITIES if activity.key in session.activities]
    for activity in used:
        sections.append(activity.load("report")(answers, state, session, lang, plots))
    sections.append(_notes(answers, used, session, lang))
    script, divs = components(plots) if plots else ("", {})
    body = "\n".join(sections)
    for name, div in divs.items():
        body = body.replace(f"<!--chart:{name}-->", div)
    printed = datetime.date.fromtimestamp(session.created_at or 0).isoformat() if session.created_at else ""
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{escape(t('report.title', lang))}: {escape(session.title)}</title>"
            f"<style>{STYLE}</style>{INLINE.render() if plots else ''}{script}</head><body>"
            f"<h1>{escape(session.title)}</h1><p>{escape(session.municipality)} · "
            f"{escape(topic_label(session.topic, lang))} · {printed}</p>"
            f'<p class="noprint"><button onclick="window.print()">{t("report.print", lang)}</button></p>'
            f"{body}<hr><p><small>{t('report.footer', lang)}</small></p></body></html>")


def _details(data, session, lang) -> str:
    counts = {}
    for p in data.get("participants", []):
        counts[p["group"]] = counts.get(p["group"], 0) + 1
    rows = "".join(f"<tr><td>{escape(g.label)}</td><td>{counts.get(g.key, 0)}</td></tr>" for g in session.groups)
    return (f'<section id="sessie"><h2>{t("report.participants", lang)}</h2><table>{rows}'
            f"<tr><th>{t('facilitator.total', lang)}</th><th>{sum(counts.values())}</th></tr></table>"
            f"<p>{t('report.code', lang)}: {escape(session.code)}</p></section>")


# Report sections, one per activity (named in its descriptor): each takes the answers and the
# facilitator's settings of every activity, by key, and may add Bokeh figures to ``plots``.

def palette_section(answers, state, session, lang, plots) -> str:
    from .render.palette import merged_grid_html

    grid = merge_palette(answers.get("palet", []), state.get("palet", {}).get("merges"))
    body = (merged_grid_html(grid, session, lang) if answers.get("palet")
            else f"<p>{t('report.no_answers', lang)}</p>")
    return f'<section id="palet"><h2>{t("palet.title", lang)}</h2><p><small>{t("palet.dash.legend", lang)}</small></p>{body}</section>'


def priorities_section(answers, state, session, lang, plots) -> str:
    from .model.priorities import ITEM, spreadable_values
    from .render.priorities import ranking_html

    values = spreadable_values(answers.get("palet", []), state.get("palet", {}).get("merges"),
                               state.get("prioriteren", {}).get("selection") or [])
    spread = [a for a in answers.get("prioriteren", []) if a["item"] == ITEM]
    return (f'<section id="prioriteren"><h2>{t("prioriteren.title", lang)}</h2>'
            f"{ranking_html(values, spread, session, lang)}</section>")


def rating_section(answers, state, session, lang, plots) -> str:
    from .charts.rating import block_data, block_figure, radar_figure, radar_points
    from .render.rating import agenda_html, grades_html
    from .texts import statements

    texts = statements(session, lang)
    summaries = summarize(answers.get("beoordelen", []))
    labels = {k: v["short"] for k, v in texts.items()}
    radar, sources = radar_figure([labels[k] for k in STATEMENTS], [(g.key, g.label) for g in session.groups],
                                  t("beoordelen.dash.radar", lang))
    for key, source in sources.items():
        source.data = radar_points([summaries[s].group_means.get(key) for s in STATEMENTS])
    blocks, block_source = block_figure(list(STATEMENTS), labels, t("beoordelen.dash.blocks", lang))
    block_source.data = block_data(summaries, list(STATEMENTS), labels, [g.key for g in session.groups])
    plots["radar"], plots["blocks"] = radar, blocks
    return (f'<section id="beoordelen"><h2>{t("beoordelen.title", lang)}</h2>{grades_html(summaries, session, lang)}'
            f'<div class="charts"><!--chart:radar--><!--chart:blocks--></div>'
            f"{agenda_html(summaries, texts, session, lang)}</section>")


def triangle_section(answers, state, session, lang, plots) -> str:
    from .charts.triangle import centroid_data, points_data, ternary_figure
    from .model.triangle import CORNERS, centroid, placements
    from .render.triangle import levels_html, routes_html, tensions_html

    answers = answers.get("driehoek", [])
    placed = placements(answers)
    order = [g.key for g in session.groups]
    points = [(g, position(s)) for _, g, s in placed]
    plot, point_source, centroid_source = ternary_figure({c: t("corner.short." + c, lang) for c in CORNERS},
                                                         t("driehoek.dash.plot", lang))
    point_source.data = points_data(points, order)
    centroid_source.data = centroid_data({g: centroid([p for pg, p in points if pg == g]) for g in order}, order,
                                         centroid([p for _, p in points]))
    plots["ternary"] = plot
    return (f'<section id="driehoek"><h2>{t("driehoek.title", lang)}</h2><div class="charts"><!--chart:ternary-->'
            f"<div>{levels_html(placed, session, lang)}</div></div>{tensions_html(answers, session, lang)}"
            f"{routes_html(answers, lang)}</section>")


def rating_notes(answers, lang) -> list:
    """``[(what, group, note)]``: the toelichtingen of beoordelen, the grade's first."""
    return [(t("beoordelen.grade", lang) if a["item"] == OVERALL else a["item"], a["group"], a["value"]["note"])
            for a in answers if a["value"].get("note")]


def triangle_notes(answers, lang) -> list:
    """``[(what, group, note)]``: the notes on the tensions, per axis in the book's order."""
    return [(t("axis." + axis, lang), a["group"], a["value"]["note"]) for axis in AXES for a in answers
            if a["item"] == f"spanning.{axis}" and a["value"].get("note")]


def _notes(answers, activities, session, lang) -> str:
    """Every toelichting and note, with its group and topic only (no names, no participant refs)."""
    items = [item for activity in activities if activity.notes
             for item in activity.load("notes")(answers.get(activity.key, []), lang)]
    listed = "".join(f'<li class="kit-report-note"><b>{escape(session.group_label(g))}</b> ({escape(what)}): '
                     f"{escape(note)}</li>" for what, g, note in items)
    return f'<section id="toelichtingen"><h2>{t("report.notes", lang)}</h2><ul>{listed or "<li>–</li>"}</ul></section>'


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Sessierapport (HTML, en PDF) uit een sessie-export (JSON).")
    parser.add_argument("export", help="sessie-export (JSON) uit het facilitatordashboard")
    parser.add_argument("--out", help="HTML-bestand (standaard naast de export)")
    parser.add_argument("--pdf", action="store_true", help="maak ook een PDF (met Chromium)")
    parser.add_argument("--lang", help="nl of en (standaard de taal van de sessie)")
    args = parser.parse_args(argv)
    source = Path(args.export)
    out = Path(args.out) if args.out else source.with_suffix(".rapport.html")
    out.write_text(build_report(json.loads(source.read_text(encoding="utf-8")), args.lang), encoding="utf-8")
    print(f"Rapport: {out}")
    if args.pdf:
        pdf = out.with_suffix(".pdf")
        print(f"PDF: {pdf}" if html_to_pdf(out, pdf) else "Geen Chromium gevonden: open het HTML-rapport en "
                                                          "kies Afdrukken > Opslaan als PDF.")


if __name__ == "__main__":
    main()
