"""The session report: one self-contained HTML file (charts inline, no network) and the same file as a PDF.

Built from a session export alone, so a session can be reported after the server is gone:
    python -m widgets.report sessie-K7P3QX.json [--pdf] [--lang en]
The document is A4 with page numbers and a first page that summarises; the PDF is that HTML
printed by headless Chromium where it is installed (laptop, server, CI). On Binder, where it
is not, open the HTML report and use its print button (Print > Save as PDF).
"""

import json
from pathlib import Path

from markupsafe import Markup

from .activities import ACTIVITIES, BY_KEY
from .activities.beoordelen.model import OVERALL, STATEMENTS, summarize
from .activities.driehoek.model import AXES, position
from .activities.palet.model import merge_palette
from .dates import date_in_words
from .i18n import cli_parser, normalize_language, t
from .pdf import print_pdf
from .render.report import (
    figure_html,
    notes_html,
    page_counter_css,
    participants_summary,
    rating_blocks_table,
    rating_means_table,
    report_render,
)
from .store.transfer import session_from_export
from .texts import topic_label

# Charts fill the A4 text width (210 mm less 2 x 16 mm margins is 178 mm); 640 px is 169 mm.
CHART_WIDTH = 640


def build_report(data: dict, lang: str = None) -> str:
    """The report as one HTML document (BokehJS inline); every participant text escaped, no names."""
    from bokeh.embed import components
    from bokeh.embed.bundle import bundle_for_objs_and_resources
    from bokeh.resources import INLINE

    session = session_from_export(data)
    lang = normalize_language(lang or session.language)
    answers = {}
    for answer in data.get("answers", []):
        answers.setdefault(answer["activity"], []).append(answer)
    state = data.get("state", {})
    used = [activity for activity in ACTIVITIES if activity.key in session.activities]
    summaries = [a.part("report", "summary")(answers, state, session, lang) for a in used if a.has("report", "summary")]
    plots = {}
    sections = [a.part("report", "section")(answers, state, session, lang, plots) for a in used]
    if data.get("previous"):  # a follow-up session: what changed since the earlier one
        summaries.insert(0, followup_summary(data, session, lang))
        sections.append(followup_section(data, session, lang, plots))
    noted = [a for a in used if a.has("report", "notes")]
    notes = [(a.key, a.label(lang), a.part("report", "notes")(answers.get(a.key, []), lang)) for a in noted]
    notes = notes_html(notes, session, lang)
    script, divs = components(plots) if plots else ("", {})
    # Only the BokehJS parts these charts use (not widgets, tables, MathJax): a third of the bytes to load and print.
    resources = "".join(bundle_for_objs_and_resources(list(plots.values()), INLINE)) if plots else ""
    html = str(
        report_render(
            "report.html",
            lang,
            session=session,
            topic=topic_label(session.topic, lang),
            date=date_in_words(session.created_at, lang) if session.created_at else "",
            page_counter=page_counter_css(lang),
            resources=Markup(resources),
            script=Markup(script),
            participants=participants_summary(data, session, lang),
            summaries=summaries,
            sections=sections,
            notes=notes,
        )
    )  # str: Markup.replace would escape the charts' divs
    for name, div in divs.items():
        html = html.replace(f"<!--chart:{name}-->", div)
    return html


def report_pdf(data: dict, lang: str = None) -> bytes:
    """The same report printed to an A4 PDF; b'' where Chromium is not installed (offer the HTML then)."""
    return print_pdf(build_report(data, lang))


def _section(key: str, lang: str, *parts, legend: str = "") -> str:
    return report_render(
        "report_section.html", lang, key=key, title=t(f"{key}.title", lang), parts=parts, legend=legend
    )


# Report sections, one per activity (named in its descriptor): each takes the answers and the
# facilitator's settings of every activity, by key, and may add Bokeh figures to ``plots``.


def palette_section(answers, state, session, lang, plots) -> str:
    from .activities.palet.render import merged_grid_html

    grid = merge_palette(answers.get("palet", []), state.get("palet", {}).get("merges"))
    body = (
        merged_grid_html(grid, session, lang)
        if answers.get("palet")
        else Markup("<p>%s</p>") % t("report.no_answers", lang)
    )
    return _section("palet", lang, body, legend=t("palet.dash.legend", lang))


def priorities_section(answers, state, session, lang, plots) -> str:
    from .activities.prioriteren.model import ITEM, spreadable_values
    from .activities.prioriteren.render import ranking_html

    values = spreadable_values(
        answers.get("palet", []),
        state.get("palet", {}).get("merges"),
        state.get("prioriteren", {}).get("selection") or [],
    )
    spread = [a for a in answers.get("prioriteren", []) if a["item"] == ITEM]
    return _section("prioriteren", lang, ranking_html(values, spread, session, lang))


def rating_section(answers, state, session, lang, plots) -> str:
    from .activities.beoordelen.charts import block_data, block_figure, radar_figure, radar_points
    from .activities.beoordelen.render import agenda_html, grades_html
    from .texts import statements

    texts = statements(session, lang)
    summaries = summarize(answers.get("beoordelen", []))
    labels = {k: v["short"] for k, v in texts.items()}
    radar, sources = radar_figure([labels[k] for k in STATEMENTS], [(g.key, g.label) for g in session.groups])
    for key, source in sources.items():
        source.data = radar_points([summaries[s].group_means.get(key) for s in STATEMENTS])
    blocks, block_source = block_figure(list(STATEMENTS), labels)
    block_source.data = block_data(summaries, list(STATEMENTS), labels, [g.key for g in session.groups])
    radar.width, radar.height, blocks.width = CHART_WIDTH, 540, CHART_WIDTH
    plots["radar"], plots["blocks"] = radar, blocks
    return _section(
        "beoordelen",
        lang,
        figure_html(
            "radar",
            t("beoordelen.dash.radar", lang),
            rating_means_table(summaries, texts, session, lang),
            t("report.figure.radar_note", lang),
            lang,
        ),
        figure_html(
            "blocks",
            t("beoordelen.dash.blocks", lang),
            rating_blocks_table(summaries, texts, lang),
            t("report.figure.blocks_note", lang),
            lang,
        ),
        grades_html(summaries, session, lang),
        agenda_html(summaries, texts, session, lang),
    )


def triangle_section(answers, state, session, lang, plots) -> str:
    from .activities.driehoek.charts import centroid_data, points_data, ternary_figure
    from .activities.driehoek.model import CORNERS, centroid, placements
    from .activities.driehoek.render import levels_html, routes_html, tensions_html
    from .render.chart_tables import centroids_table_html

    answers = answers.get("driehoek", [])
    placed = placements(answers)
    order = [g.key for g in session.groups]
    points = [(g, position(s)) for _, g, s in placed]
    plot, point_source, centroid_source = ternary_figure({c: t("corner.short." + c, lang) for c in CORNERS})
    point_source.data = points_data(points, order)
    centroid_source.data = centroid_data(
        {g: centroid([p for pg, p in points if pg == g]) for g in order}, order, centroid([p for _, p in points])
    )
    plot.width, plot.height = CHART_WIDTH, 560
    plots["ternary"] = plot
    return _section(
        "driehoek",
        lang,
        figure_html(
            "ternary",
            t("driehoek.dash.plot", lang),
            levels_html(placed, session, lang) + centroids_table_html(placed, session, lang, folded=False),
            t("report.figure.ternary_note", lang),
            lang,
        ),
        tensions_html(answers, session, lang),
        routes_html(answers, lang),
    )


def followup_summary(data, session, lang) -> str:
    """What the session follows, and each activity's line on its change (``render.followup_summary``)."""
    from .model.followup import compare

    change = compare(data["previous"], data)
    drawn = [(BY_KEY[key].part("render", "followup_summary"), part) for key, part in change.changes.items()]
    lines = [draw(part, lang) for draw, part in drawn if draw is not None]
    return report_render("report_summary_followup.html", lang, previous=data["previous"]["session"], lines=lines)


def followup_section(data, session, lang, plots) -> str:
    """The change per group since the earlier session: the dashboard's tables, with the activities' charts."""
    from .model.followup import compare
    from .render.followup import followup_html

    change = compare(data["previous"], data)
    charts = {}
    for key, part in change.changes.items():
        chart = BY_KEY[key].part("charts", "followup_chart")
        if chart is not None:
            plots[f"followup_{key}"], fill = chart(change.groups, lang, width=CHART_WIDTH)
            fill(part, change.groups)
            charts[key] = Markup(f'<div class="kit-report-chart"><!--chart:followup_{key}--></div>')
    return _section("followup", lang, followup_html(change, data["previous"], session, lang, charts=charts))


def rating_notes(answers, lang) -> list:
    """``[(what, group, note)]``: the toelichtingen of beoordelen, the grade's first, each statement by its name."""
    from .datasets import read_dataset
    from .model.tables import localized
    from .texts import STATEMENTS_FILE

    names = {row["key"]: localized(row, "value", lang) for row in read_dataset(STATEMENTS_FILE).rows}
    notes = [a for a in answers if a["value"].get("note")]
    notes.sort(key=lambda a: a["item"] != OVERALL)
    return [
        (
            t("report.summary.grade", lang) if a["item"] == OVERALL else names.get(a["item"], a["item"]),
            a["group"],
            a["value"]["note"],
        )
        for a in notes
    ]


def triangle_notes(answers, lang) -> list:
    """``[(what, group, note)]``: the notes on the tensions, per axis in the book's order."""
    return [
        (t("axis." + axis, lang), a["group"], a["value"]["note"])
        for axis in AXES
        for a in answers
        if a["item"] == f"spanning.{axis}" and a["value"].get("note")
    ]


def main(argv=None) -> None:
    parser, say = cli_parser("cli.report.description", argv)
    parser.add_argument("export", help=t("cli.export_file", say))
    parser.add_argument("--out", help=t("cli.report.out", say))
    parser.add_argument("--pdf", action="store_true", help=t("cli.report.pdf", say))
    args = parser.parse_args(argv)
    source = Path(args.export)
    out = Path(args.out) if args.out else source.with_suffix(".rapport.html")
    data = json.loads(source.read_text(encoding="utf-8"))
    html = build_report(data, args.lang)
    pdf = print_pdf(html) if args.pdf else b""
    out.write_text(html, encoding="utf-8")
    print(t("cli.report.written", say, path=out))
    if args.pdf:
        if pdf:
            out.with_suffix(".pdf").write_bytes(pdf)
            print(t("cli.report.pdf_written", say, path=out.with_suffix(".pdf")))
        else:
            print(t("cli.report.no_chromium", say))


if __name__ == "__main__":
    main()
