"""Every file a facilitator can download for a session: exports, the report and the paper sheets.

One list that the dashboard's links and the server extension's download handler both read, so
a file offered is a file served. Each file is built from the session's export (``data``, see
``widgets.report.transfer.export_session``) on request; nothing is kept on disk.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass

from ..activities import ACTIVITIES
from .document import build_report, report_pdf
from .exports import csv_bytes, xlsx_bytes
from .paper import template_csv, template_xlsx
from .paper_sheet import sheet_pdf
from .verslag import build_verslag, verslag_pdf

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Download:
    name: str  # in the address: kit/<CODE>/bestanden/<name>
    label: str  # catalog key of the link's text
    filename: str  # as saved, with {code}
    mime: str
    build: Callable  # (data, lang[, activity]) -> bytes; b"" when it cannot be made here
    kind: str  # "export", "report" or "paper": where the dashboard lists it
    activity: str = ""  # a paper sheet's activity
    pdf: bool = False  # needs Chromium

    def make(self, data: dict, lang: str) -> bytes:
        return self.build(data, self.activity, lang) if self.activity else self.build(data, lang)


def json_bytes(data: dict, lang: str) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def report_html_bytes(data: dict, lang: str) -> bytes:
    return build_report(data, lang).encode("utf-8")


def verslag_html_bytes(data: dict, lang: str) -> bytes:
    return build_verslag(data, lang).encode("utf-8")


def plain_csv_bytes(data: dict, lang: str) -> bytes:
    return csv_bytes(data, lang, plain=True)


FIXED = (
    Download("antwoorden.xlsx", "files.xlsx", "sessie-{code}.xlsx", XLSX, xlsx_bytes, "export"),
    Download(
        "antwoorden.csv",
        "files.csv",
        "sessie-{code}-antwoorden.csv",
        "text/csv; charset=utf-8",
        csv_bytes,
        "export",
    ),
    Download(
        "antwoorden-komma.csv",
        "files.csv_plain",
        "sessie-{code}-antwoorden-komma.csv",
        "text/csv; charset=utf-8",
        plain_csv_bytes,
        "export",
    ),
    Download("sessie.json", "files.json", "sessie-{code}.json", "application/json", json_bytes, "export"),
    Download(
        "rapport.pdf",
        "files.report_pdf",
        "rapport-{code}.pdf",
        "application/pdf",
        report_pdf,
        "report",
        pdf=True,
    ),
    Download(
        "rapport.html",
        "files.report_html",
        "rapport-{code}.html",
        "text/html; charset=utf-8",
        report_html_bytes,
        "report",
    ),
    # the participatieverslag beside the report (widgets.report.verslag): A4 and a plain page, no DOCX
    Download(
        "verslag.pdf",
        "files.verslag_pdf",
        "participatieverslag-{code}.pdf",
        "application/pdf",
        verslag_pdf,
        "report",
        pdf=True,
    ),
    Download(
        "verslag.html",
        "files.verslag_html",
        "participatieverslag-{code}.html",
        "text/html; charset=utf-8",
        verslag_html_bytes,
        "report",
    ),
)


def paper_files(activity: str) -> tuple:
    """The printable sheet of one activity and the table to type the filled-in sheets into."""
    return (
        Download(
            f"papier-{activity}.pdf",
            "files.paper_pdf",
            f"papier-{{code}}-{activity}.pdf",
            "application/pdf",
            sheet_pdf,
            "paper",
            activity,
            pdf=True,
        ),
        Download(
            f"papier-{activity}.xlsx",
            "files.paper_xlsx",
            f"papier-{{code}}-{activity}.xlsx",
            XLSX,
            template_xlsx,
            "paper",
            activity,
        ),
        Download(
            f"papier-{activity}.csv",
            "files.paper_csv",
            f"papier-{{code}}-{activity}.csv",
            "text/csv; charset=utf-8",
            template_csv,
            "paper",
            activity,
        ),
    )


def downloads(session) -> list:
    """What a session offers, in the order the dashboard lists it."""
    offered = list(FIXED)
    for activity in ACTIVITIES:
        if activity.key in session.activities and activity.has("paper", "form"):
            offered += paper_files(activity.key)
    return offered


def download(session, name: str):
    """The download called ``name`` for this session, or None."""
    return next((d for d in downloads(session) if d.name == name), None)
