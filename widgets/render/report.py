"""The report's shared fragments: its page header and counter, who took part, a section, a figure, the notes.

Every function here returns HTML from a template, so a participant's words are escaped by Jinja.
No Bokeh: the charts are added by ``widgets.report.document``. Each activity's section, first-page summary
and notes are its folder's ``report`` part (``widgets.activities``), built with these fragments.
"""

from functools import cache

from markupsafe import Markup

from ..i18n import t
from . import environment, render

# Charts fill the A4 text width (210 mm less 2 x 16 mm margins is 178 mm); 640 px is 169 mm.
CHART_WIDTH = 640


def css_string(text: str) -> Markup:
    """``text`` as a quoted CSS string: every character but letters, digits and spaces hex-escaped.

    The session title goes into the page header's ``content``; escaped like this it can
    neither end the string nor the ``<style>`` element it stands in. Six digits and a space
    (which CSS takes as the escape's end) keep a following digit or space as it is.
    """
    return Markup('"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x} " for c in str(text)) + '"')


def page_counter_css(lang: str) -> Markup:
    """CSS ``content`` for 'Pagina 2 van 5' / 'Page 2 of 5', worded by the catalog."""
    parts = t("report.page", lang, page="\0page\0", pages="\0pages\0").split("\0")
    return Markup(" ").join(
        Markup(f"counter({part})") if index % 2 else css_string(part)
        for index, part in enumerate(parts)
        if part or index % 2
    )


@cache
def report_environment():
    """The shared templates plus the filter for CSS strings (only the report needs it)."""
    env = environment().overlay()
    env.filters["css_string"] = css_string
    return env


def report_render(template: str, lang: str, **context):
    return render(template, lang, env=report_environment(), **context)


def participants_summary(data: dict, session, lang: str) -> str:
    """Who took part: how many joined per group, and in total."""
    counts = {}
    for participant in data.get("participants", []):
        counts[participant["group"]] = counts.get(participant["group"], 0) + 1
    rows = [(g.key, g.label, counts.pop(g.key, 0)) for g in session.groups]
    rows += [(key, session.group_label(key), n) for key, n in sorted(counts.items())]  # groups since removed
    return report_render(
        "report_summary_participants.html", lang, rows=rows, total=sum(n for *_, n in rows), code=session.code
    )


def section_html(key: str, lang: str, *parts, legend: str = "") -> str:
    """An activity's section of the report: its title (``<key>.title``), the parts, a legend under them."""
    return report_render(
        "report_section.html", lang, key=key, title=t(f"{key}.title", lang), parts=parts, legend=legend
    )


# Each chart's figures as a table, kept with the chart in one figure.


def figure_html(name: str, title: str, table: str, note: str, lang: str) -> str:
    """Heading, chart placeholder (filled with the Bokeh div), table and a note: never split over pages."""
    return report_render("report_figure.html", lang, chart=name, title=title, table=table, note=note)


def notes_html(items_by_activity, session, lang) -> str:
    """The participants' own words per activity, with their group and topic only (no names)."""
    activities = [
        {"key": key, "label": label, "notes": [(what, session.group_label(g), note) for what, g, note in items]}
        for key, label, items in items_by_activity
    ]
    return report_render("report_notes.html", lang, activities=activities)
