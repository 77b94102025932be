"""The printable answer sheet of one activity (A4 HTML, and PDF through headless Chromium).

Built from a session export (``widgets.store.transfer.export_session``) like the report, so the
sheets can be printed before the workshop or after the server is gone. Its words are the typed-in
template's column headings (``widgets.store.paper.columns``), so typing a sheet in is copying.
"""

from ..activities.driehoek.model import AXES, CORNERS
from ..i18n import normalize_language, t
from . import render


def sheet_html(data: dict, activity_key: str, lang: str = None) -> str:
    """The sheet as one HTML document: title, join code, 'Blad nr.', the groups to tick, the questions."""
    from ..store.paper import cell_words, field_label, paper_form
    from ..store.transfer import session_from_export
    from ..texts import routes, statements

    session = session_from_export(data)
    lang = normalize_language(lang or session.language)
    form = paper_form(data, activity_key)
    labels = {f.name: field_label(f, data, lang) for f in form.fields}
    context = {"labels": labels}
    if activity_key == "beoordelen":
        texts = statements(session, lang)
        context["statements"] = [
            {"short": labels[f.name], "text": texts[f.name]["text"]} for f in form.fields if f.kind == "score"
        ]
    elif activity_key == "driehoek":
        book_routes = routes(lang)
        context["corners"] = [{"short": labels[c], "label": t(f"corner.{c}", lang)} for c in CORNERS]
        context["axes"] = [
            {
                "tension": labels[f"spanning.{a}"],
                "note": labels[f"note.{a}"],
                "route": labels[f"route.{a}"],
                "routes": [(key, label) for key, (label, _) in sorted(book_routes[a].items())],
            }
            for a in AXES
        ]
    elif activity_key == "prioriteren":
        context["values"] = [f.label for f in form.fields]
    elif activity_key == "palet":
        context["cells"] = [
            {"words": words, "help": t("palet.help.proces" if cell.endswith(".proces") else f"palet.help.{cell}", lang)}
            for cell, words in cell_words(lang).items()
        ]
    footer = t("paper.sheet.footer", lang, code=session.code).replace("\\", "").replace('"', "")
    return str(
        render(
            "paper_sheet.html",
            lang,
            activity=activity_key,
            activity_label=t(f"activity.{activity_key}", lang),
            title=session.title,
            code=session.code,
            groups=[g.label for g in session.groups],
            footer=footer,
            **context,
        )
    )


def sheet_pdf(data: dict, activity_key: str, lang: str = None) -> bytes:
    """The sheet as an A4 PDF; b'' where Chromium is not installed (then offer the HTML to print)."""
    from ..pdf import print_pdf

    return print_pdf(sheet_html(data, activity_key, lang))
