"""The printable answer sheet of one activity (A4 HTML, and PDF through headless Chromium).

Built from a session export (``widgets.report.transfer.export_session``) like the report, so the
sheets can be printed before the workshop or after the server is gone. Its words are the typed-in
template's column headings (``widgets.report.paper.columns``), so typing a sheet in is copying.
The questions are the activity's own: its ``paper.sheet`` context in its ``paper.BODY`` template.
"""

from ..i18n import normalize_language, t
from ..model.moderation import seen_by_room
from ..render import render
from .paper import field_labels, paper_activity
from .pdf import print_pdf
from .transfer import session_from_export


def sheet_html(data: dict, activity_key: str, lang: str | None = None) -> str:
    """The sheet as one HTML document: title, join code, 'Blad nr.', the groups to tick, the questions."""
    data = seen_by_room(data)  # handed to participants: no hidden or unapproved text (a palette value to spread on)
    session = session_from_export(data)
    lang = normalize_language(lang or session.language)
    activity = paper_activity(data, activity_key)
    form = activity.part("paper", "form")(data)
    labels = field_labels(activity, form, data, lang)
    sheet = activity.part("paper", "sheet")
    context = sheet(data, form, labels, lang) if sheet else {}
    footer = t("paper.sheet.footer", lang, code=session.code).replace("\\", "").replace('"', "")
    return str(
        render(
            "paper_sheet.html",
            lang,
            body=activity.part("paper", "BODY"),
            activity_label=activity.label(lang),
            title=session.title,
            code=session.code,
            groups=[g.label for g in session.groups],
            footer=footer,
            labels=labels,
            **context,
        )
    )


def sheet_pdf(data: dict, activity_key: str, lang: str | None = None) -> bytes:
    """The sheet as an A4 PDF; b'' where Chromium is not installed (then offer the HTML to print)."""
    return print_pdf(sheet_html(data, activity_key, lang))
