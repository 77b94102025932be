"""The report's shared fragments: its page header and counter, who took part, a section, a figure, the notes.

Every function here returns HTML from a template, so a participant's words are escaped by Jinja.
No Bokeh: the charts are added by ``widgets.report.document``. Each activity's section, first-page summary
and notes are its folder's ``report`` part (``widgets.activities``), built with these fragments.
"""

from dataclasses import dataclass
from functools import cache

from markupsafe import Markup

from ..activities import BY_KEY
from ..i18n import t
from ..model.answers import ByActivity
from ..model.disclosure import Disclosure, fold
from ..model.followup import compare
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


def followup_summary(data, session, lang) -> str:
    """What the session follows, and each activity's line on its change (``render.followup_summary``).

    The first page of a follow-up's report, and the participatieverslag's part on what changed.
    """
    change = compare(data["previous"], data)
    drawn = [(BY_KEY[key].part("render", "followup_summary"), part) for key, part in change.changes.items()]
    lines = [draw(part, lang) for draw, part in drawn if draw is not None]
    return report_render("report_summary_followup.html", lang, previous=data["previous"]["session"], lines=lines)


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


@dataclass(frozen=True)
class Seen:
    """What an activity's report parts see of a session (``seen``): ``answers`` and ``session`` for its section and
    summary, ``noted`` for its notes, and the rule's outcome (``found.room`` False: show none of its figures)."""

    answers: ByActivity
    session: object
    noted: ByActivity
    found: Disclosure


def seen(activity, answers: ByActivity, session, lang: str) -> Seen:
    """The activity's answers as the report and the results page may use them (``widgets.model.disclosure``).

    Its notes see them folded (a group of fewer than k participants named "overige groepen"). Its section and
    summary too, unless its ``report.DISCLOSES`` says they apply the rule figure by figure themselves (result
    blocks, and its own ``disclose`` where a figure is no block): then they see the answers as they are, so
    that each figure is withheld exactly where the phones and the screen withhold it (a group folded with
    others in the report but shown on a phone, or the other way round, would give the difference away).
    """
    folded, found, session_folded = fold(answers, activity.key, session, lang)
    if activity.part("report", "DISCLOSES"):
        return Seen(answers, session, folded, found)
    return Seen(folded, session_folded, folded, found)
