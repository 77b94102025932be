"""The printed report, measured on the PDF Chromium makes of it (issue 27, point 6): pages that fill up.

A session with every activity, answered by the nine phones of the looking tests, is printed as the
facilitator prints it. On the PDF (poppler's ``pdftotext -bbox-layout``): no page but the last, and the
one the summary ends on, is less than half full (short activities follow each other; a table moves
whole rather than leaving rows on a page of their own); no page is blank; and each chart shares its
page with its title and the start of its table.
"""

import re
import subprocess
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from widgets.report.document import build_report, report_pdf
from widgets.report.transfer import export_session

from .test_looking_browser import KEYS, make_room

HEADER_FOOTER = 45  # pt at the top and bottom: the running title, the date and the page number


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    from widgets.store import open_store

    folder = tmp_path_factory.mktemp("rapport")
    store = open_store(f"sqlite:///{folder / 'kit.sqlite3'}")
    try:
        room = make_room(store, KEYS)
        data = export_session(store, store.session_by_code(room.code).id)
    finally:
        store.backend.close()
    pdf = folder / "rapport.pdf"
    pdf.write_bytes(report_pdf(data))
    return build_report(data), pages(pdf)


def pages(pdf) -> list[dict]:
    """Per page: its lines of text (header and page number left out) and how far down the last one reaches."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    text = re.sub(r"<!DOCTYPE[^>]*>", "", xml.stdout).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    found = []
    for page in ElementTree.fromstring(text).iter("page"):
        height = float(page.get("height"))
        body = [
            line
            for line in page.iter("line")
            if HEADER_FOOTER < float(line.get("yMin")) and float(line.get("yMax")) < height - HEADER_FOOTER
        ]
        words = [" ".join(word.text or "" for word in line.iter("word")) for line in body]
        filled = max((float(line.get("yMax")) for line in body), default=0) / height
        found.append({"lines": words, "filled": filled, "text": " ".join(words)})
    return found


def page_of(found: list[dict], words: str) -> int:
    """The first page whose text holds ``words`` (spaces as pdftotext puts them)."""
    wanted = " ".join(words.split())
    return next(n for n, page in enumerate(found) if wanted in page["text"])


def test_pages_fill_up_and_none_is_blank(printed):
    html, found = printed
    first_activity = BeautifulSoup(html, "html.parser").select_one(".kit-report-activity h2").get_text()
    # the summary has a page break after it: the first activity's title opens a page (its name is in the summary too)
    summary_ends = next(n for n, page in enumerate(found) if page["lines"][:1] == [first_activity]) - 1
    assert len(found) > 5
    assert all(page["lines"] for page in found), [n + 1 for n, page in enumerate(found) if not page["lines"]]
    short = [
        (n + 1, f"{page['filled']:.0%}", page["lines"][-1])
        for n, page in enumerate(found[:-1])
        if n != summary_ends and page["filled"] < 0.5
    ]
    assert short == [], f"pages less than half full (page, how full, its last line): {short}"


def test_each_chart_stands_on_the_page_of_its_title_and_the_start_of_its_table(printed):
    html, found = printed
    soup = BeautifulSoup(html, "html.parser")
    figures = soup.select("figure.kit-report-figure")
    assert len(figures) >= 2  # beoordelen's Bokeh charts; the triangle is a block's drawing (below)
    for figure in figures:
        title = figure.h3.get_text()
        start = figure.select_one("table caption, .kit-block-title") or figure.select_one("th[scope=row]")
        assert start is not None, title
        words = " ".join(start.get_text(" ", strip=True).split())[:40]
        on = page_of(found, title)
        assert words in found[on]["text"], f"{title!r} on page {on + 1}, its table ({words!r}) is not"
    # the triangle: its drawing on the page of its title, with the start of its first table (the mean places)
    triangle = soup.select_one('[data-kit-block="driehoek"]')
    title = triangle.select_one(".kit-block-title").get_text()
    words = " ".join(triangle.select_one("table caption").get_text(" ", strip=True).split())[:40]
    on = page_of(found, title)
    assert words in found[on]["text"], f"{title!r} on page {on + 1}, its table ({words!r}) is not"
    assert triangle.select_one("figure svg.kit-triangle") is not None
