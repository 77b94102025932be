"""The session report: one self-contained HTML file (charts inline, no network) and the same file as a PDF.

Built from a session export alone, so a session can be reported after the server is gone:
    python -m widgets.report.document sessie-K7P3QX.json [--pdf] [--lang en]
The document is A4 with page numbers and a first page that summarises; the PDF is that HTML
printed by headless Chromium where it is installed (laptop, server, CI). On Binder, where it
is not, open the HTML report and use its print button (Print > Save as PDF).
"""

import json
from dataclasses import replace
from pathlib import Path

from markupsafe import Markup

from ..activities import ACTIVITIES, BY_KEY
from ..dates import date_in_words
from ..i18n import cli_parser, normalize_language, t
from ..model.answers import answers_by_activity
from ..model.disclosure import min_group, other_group
from ..model.followup import compare
from ..model.moderation import seen_by_room
from ..render.followup import followup_html
from ..render.report import (
    CHART_WIDTH,
    followup_summary,
    notes_html,
    page_counter_css,
    participants_summary,
    report_render,
    section_html,
    seen,
)
from ..texts import topic_label
from .pdf import print_pdf
from .transfer import session_from_export


def build_report(data: dict, lang: str | None = None) -> str:
    """The report as one HTML document (BokehJS inline); every participant text escaped, no names.

    The report is for participants too, so small groups give nothing away (``widgets.model.disclosure``):
    an activity with fewer than ``k`` participants in all shows that instead of its figures; the others'
    parts see the answers as ``widgets.render.report.seen`` gives them (notes, and an activity that does
    not apply the rule itself, with a group of fewer than ``k`` participants in "overige groepen"); result
    blocks apply the rule per figure (``widgets.render.blocks``).

    Bokeh is imported here, when a report is built: the server's download links import this module.
    """
    from bokeh.embed import components
    from bokeh.embed.bundle import bundle_for_objs_and_resources
    from bokeh.resources import INLINE

    data = seen_by_room(data)  # the report is for the room too: no hidden or unapproved text
    session = session_from_export(data)
    lang = normalize_language(lang or session.language)
    answers, state = answers_by_activity(data.get("answers", [])), data.get("state", {})
    used = [activity for activity in ACTIVITIES if activity.key in session.activities]
    summaries, sections, words = [], [], []
    plots: dict = {}
    for a in used:
        view = seen(a, answers, session, lang)
        if not view.found.room:
            withheld = Markup("<p>%s</p>") % t("report.withheld", lang, k=min_group())
            sections.append(section_html(a.key, lang, withheld))
        else:
            if a.has("report", "summary"):
                summaries.append(a.part("report", "summary")(view.answers, state, view.session, lang))
            sections.append(a.part("report", "section")(view.answers, state, view.session, lang, plots))
        if a.has("report", "notes"):
            words.append((a.key, a.label(lang), a.part("report", "notes")(view.noted.get(a.key, []), lang)))
    if data.get("previous"):  # a follow-up session: what changed since the earlier one
        summaries.insert(0, followup_summary(data, session, lang))
        sections.append(followup_section(data, session, lang, plots))
    notes = notes_html(words, replace(session, groups=(*session.groups, other_group(lang))), lang)
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


def report_pdf(data: dict, lang: str | None = None) -> bytes:
    """The same report printed to an A4 PDF; b'' where Chromium is not installed (offer the HTML then)."""
    return print_pdf(build_report(data, lang))


def followup_section(data, session, lang, plots) -> str:
    """The change per group since the earlier session: the dashboard's tables, with the activities' charts."""
    change = compare(data["previous"], data)
    charts = {}
    for key, part in change.changes.items():
        chart = BY_KEY[key].part("charts", "followup_chart")
        if chart is not None:
            plots[f"followup_{key}"], fill = chart(change.groups, lang, width=CHART_WIDTH)
            fill(part, change.groups)
            charts[key] = Markup(f'<div class="kit-report-chart"><!--chart:followup_{key}--></div>')
    return section_html("followup", lang, followup_html(change, data["previous"], session, lang, charts=charts))


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
