"""The participatieverslag: a session told as a municipality reports participation, HTML and an A4 PDF.

The Omgevingswet asks a municipality to say whether and how participation took place and what came of it.
This document says it from a session's export alone: how and when, who took part (counts per group only,
groups under the disclosure rule's ``k`` together), what was asked (each activity's question as the
presentation screen put it), what came out (the activities' first-page summaries of the session report,
as that report gives them: nothing is computed again), what the municipality does with it (the dashboard's
text, ``widgets.model.verslag``) and, for a follow-up, what changed. It ends with a page in plain words
(B1) for the participants. No charts and no script: it prints as it is.
"""

from markupsafe import Markup

from ..activities import ACTIVITIES
from ..dates import date_in_words
from ..i18n import normalize_language, t
from ..model.answers import answers_by_activity
from ..model.disclosure import OTHER, min_group
from ..model.moderation import seen_by_room
from ..model.verslag import outcome_of, who_took_part
from ..render.report import followup_summary, page_counter_css, report_render, seen
from ..texts import topic_label
from .pdf import print_pdf
from .transfer import session_from_export


def plain_words(activity, lang: str) -> str:
    """What the activity asked, in plain words (``<key>.plain``); where the catalogs have none, a sentence
    with its name (a bare title among sentences reads as a heading to a B1 reader)."""
    try:
        return t(f"{activity.key}.plain", lang)
    except KeyError:
        return t("verslag.plain.took_part", lang, name=activity.label(lang))


def build_verslag(data: dict, lang: str | None = None) -> str:
    """The participatieverslag as one HTML document; every participant's text escaped, no names."""
    data = seen_by_room(data)  # published: no hidden or unapproved text of anyone
    session = session_from_export(data)
    lang = normalize_language(lang or session.language)
    answers, state = answers_by_activity(data.get("answers", [])), data.get("state", {})
    topic = topic_label(session.topic, lang)
    asked, summaries = [], []
    for activity in (a for a in ACTIVITIES if a.key in session.activities):
        question = t(
            f"screen.question.{activity.key}",
            lang,
            topic=topic.lower(),
            municipality=session.municipality or t("screen.municipality_unknown", lang),
        )
        asked.append({"key": activity.key, "label": activity.label(lang), "question": question})
        asked[-1]["plain"] = plain_words(activity, lang)
        view = seen(activity, answers, session, lang)  # as the session report sees it: the same summaries
        if not view.found.room:
            withheld = report_render(
                "verslag_withheld.html", lang, key=activity.key, label=activity.label(lang), k=min_group()
            )
            summaries.append(withheld)
        elif activity.has("report", "summary"):
            summaries.append(activity.part("report", "summary")(view.answers, state, view.session, lang))
    rows, total = who_took_part(data.get("participants", []), [(g.key, g.label) for g in session.groups])
    groups = [(key, t("disclosure.other", lang) if key == OTHER else label, n) for key, label, n in rows]
    return str(
        report_render(
            "verslag.html",
            lang,
            session=session,
            topic=topic,
            date=date_in_words(session.created_at, lang) if session.created_at else "",
            page_counter=page_counter_css(lang),
            groups=groups,
            plain_groups=[label for key, label, _ in groups] if any(key != OTHER for key, _, _ in groups) else [],
            total=total,
            k=min_group(),
            asked=asked,
            summaries=summaries,
            outcome=outcome_of(data),
            followup=Markup(followup_summary(data, session, lang)) if data.get("previous") else "",
        )
    )


def verslag_pdf(data: dict, lang: str | None = None) -> bytes:
    """The same document printed to an A4 PDF; b'' where Chromium is not installed (offer the HTML then)."""
    return print_pdf(build_verslag(data, lang))
