"""`make screenshots`: PNGs of what people see, for a reviewer, in the git-ignored folder screenshots/.

The screens of tests/test_looking_browser.py, made the same way (a kit on a free port, a room of nine
phones per activity, results revealed and released): each activity's phone page at 320 and 375 px,
its presentation screen at 1920x1080 and 1280x720, its participants' results page at 320 px, the
facilitator's dashboard in Dutch and English, and every lesson after each button is pressed once.
Every PNG is the whole page: a projector image taller than its screen is what the room cannot see.

    python -m tests.screenshots [--out screenshots] [--only WORD] [--lang en] [--small]

``--lang en`` looks at the participants' pages as a phone that chose English (the ``kit_lang`` cookie the
language switch sets); the names then end in ``-en``.
"""

import argparse
import os
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

# As the test suite: a throwaway data folder, Dutch for the command line, no configured store.
os.environ["KIT_DATA_DIR"] = tempfile.mkdtemp(prefix="kit-screenshots-")
os.environ.pop("KIT_STORE_URL", None)
os.environ["KIT_LANG"] = "nl"

from playwright.sync_api import sync_playwright  # noqa: E402

from widgets.store import open_store  # noqa: E402

from .conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from .kit_server import REPO, KitServer  # noqa: E402
from .test_looking_browser import KEYS, LESSONS, PEOPLE, PHONES, PROJECTORS, SMALL, Rooms  # noqa: E402


def screens(rooms: Rooms):
    """``(file name, function that opens the page)`` for every screen the looking tests check."""
    for key in KEYS:
        for size, viewport in PHONES.items():
            yield f"phone-{key}-{size}", lambda key=key, viewport=viewport: rooms.phone(key, viewport)
        for size, viewport in PROJECTORS.items():
            yield f"screen-{key}-{size}", lambda key=key, viewport=viewport: rooms.screen(key, viewport)
        yield f"results-{key}-320", lambda key=key: rooms.results(key, PHONES["320"])
    for language in ("nl", "en"):
        yield f"dashboard-{language}", lambda language=language: rooms.dashboard(language)
    for width in (1366, 1920):  # each tab, at a laptop's and a big screen's width
        for key in KEYS:
            yield f"dashboard-tab-{key}-{width}", lambda key=key, width=width: sized(rooms.dashboard("nl", key), width)
    for name in LESSONS:
        yield f"lesson-{name}", lambda name=name: rooms.lesson(name)


def sized(page, width: int):
    page.set_viewport_size({"width": width, "height": 900})
    page.wait_for_timeout(300)
    return page


# Voila scrolls inside its own panel, not the document: how tall the page would be drawn whole.
TALLEST = """() => Math.max(document.documentElement.scrollHeight, ...Array.from(document.querySelectorAll('*'))
  .filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY))
  .map((e) => e.scrollHeight + e.getBoundingClientRect().top))"""


def photograph(page, path: Path, voila: bool) -> None:
    """The whole page; a Voila page in a window as tall as its content, then the window as it was."""
    size = page.viewport_size
    if voila:
        page.set_viewport_size({"width": size["width"], "height": min(int(page.evaluate(TALLEST)) + 20, 32_000)})
        page.wait_for_timeout(500)
    page.screenshot(path=path, full_page=True)
    page.set_viewport_size(size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "screenshots", help="the folder for the PNGs")
    parser.add_argument("--only", default="", help="only the screens whose name contains this word")
    parser.add_argument("--lang", default="", help="the participants' pages in this language (their choice)")
    parser.add_argument("--small", action="store_true", help="a room of small groups (1, 1, 3 and 1), none shown")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="kit-screenshots-"))
    kit = KitServer(data, ["--max-kernels=80"]).start()
    store = open_store(f"sqlite:///{data / 'kit.sqlite3'}")
    started, written = time.monotonic(), 0
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            rooms = Rooms(kit, store, browser, people=SMALL if args.small else PEOPLE)
            if args.lang:
                host = urlparse(kit.url).hostname
                rooms.context.add_cookies([{"name": "kit_lang", "value": args.lang, "domain": host, "path": "/kit/"}])
            for name, show in screens(rooms):
                if args.only in name:
                    voila = name.startswith(("dashboard", "lesson"))
                    suffix = f"-{args.lang}" if args.lang else ""
                    photograph(show(), args.out / f"{name}{suffix}.png", voila)
                    written += 1
            browser.close()
    finally:
        store.backend.close()
        kit.stop()
    print(f"{written} screenshots in {args.out} ({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
