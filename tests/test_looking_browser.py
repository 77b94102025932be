"""What people see, measured in Chromium: every activity's revealed results on every surface, every lesson.

For each activity in the registry a room of nine phones answers through the store (``ANSWERS``, one
row per activity, each answer checked by the activity's own model first) and the facilitator reveals
the results. Then, each screen its own test id:

* the phone page at 320 and 375 px and at 200 % zoom: nothing sticks out sideways, no word or number broken across
  lines, no HTML tag to read, every bar of a block on the block's one scale (tracks of one width,
  lengths proportional to the values);
* the presentation screen at 1920x1080 and 1280x720: nothing to scroll, sideways or down, nothing
  under the join block, no word or number broken, no HTML tag, the bars as on the phone, the bars of
  100 % and the triangle drawn large enough for the room (tests/looking.py, ``cramped``) (a result
  taller than the screen is paged: this is its first page, and tests/test_projector_pages_browser.py
  steps through the rest);
* the participants' results page (released) at 320 px: as the phone page;
* the facilitator's dashboard in Dutch and English, each activity's part and the whole page: no tag;
* every lesson notebook, after each of its buttons is pressed once (what a learner does first): no tag.

A case that fails today because of a defect a person sees (issue 27, "What the room sees together")
is marked ``xfail(strict=True)`` with that defect as its reason: the mark goes when the defect is fixed.
tests/test_result_bars_browser.py also checks bar lengths against the numbers beside them. The
measurements are in tests/looking.py; `make screenshots` (tests/screenshots.py) writes these screens
as PNGs for a reviewer.
"""

from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from widgets.activities import ACTIVITIES, BY_KEY
from widgets.activities.beoordelen.model import OVERALL, STATEMENTS
from widgets.activities.democratie.model import KEYS as DEMOCRATIC_VALUES
from widgets.activities.driehoek.model import AXES
from widgets.activities.eigen.model import check_statements
from widgets.activities.palet.model import normalize_value
from widgets.activities.raadsenquete.model import ANSWERS as COUNCIL_ANSWERS
from widgets.activities.raadsenquete.model import STATEMENTS as COUNCIL_STATEMENTS
from widgets.activities.raadsenquete.model import STYLE, STYLES
from widgets.activities.sturingsscan.model import ITEMS as SCAN_ITEMS
from widgets.activities.sturingsscan.model import SCORES as SCAN_SCORES
from widgets.activities.succesfactoren.model import ANSWERS as FACTOR_ANSWERS
from widgets.activities.succesfactoren.model import domain_of_topic, factors
from widgets.model.links import facilitator_cookie
from widgets.model.results import RELEASED, RESULTS
from widgets.model.sessions import SessionSpec

from .kit_server import REPO
from .looking import (
    broken_tokens,
    cramped,
    horizontal_overflow,
    join_overlap,
    settle,
    unequal_bars,
    vertical_scroll,
    visible_tags,
)

TIMEOUT = 15_000
LOAD = 60_000
# a 1280 x 900 window at 200 % zoom lays out as 640 x 450 CSS pixels (WCAG 1.4.4 and 1.4.10)
PHONES = {
    "320": {"width": 320, "height": 640},
    "375": {"width": 375, "height": 740},
    "zoom200": {"width": 640, "height": 450},
}
PROJECTORS = {"1920x1080": {"width": 1920, "height": 1080}, "1280x720": {"width": 1280, "height": 720}}
LESSONS = sorted(p.stem for p in (REPO / "lessons").glob("[0-9]*.ipynb"))  # the numbered lessons, not the template
KEYS = tuple(a.key for a in ACTIVITIES)

# ------------------------------------------------------------------------------------------- the room
# Nine phones in four groups; the last Inwoner is the phone the pages are looked at on.
PEOPLE = ("ambtelijk",) * 3 + ("inwoner",) * 3 + ("bestuurlijk-politiek",) * 2 + ("maatschappelijke-partner",)
ME = len(PEOPLE) - 1
PALETTE = (
    ("Betaalbare woningen voor starters", "individueel.materieel"),
    ("Inspraak bij nieuwe plannen", "collectief.proces"),
    ("Groen in de wijk", "collectief.materieel"),
    ("Je veilig voelen op straat", "individueel.immaterieel"),
    ("Transparante besluitvorming", "individueel.proces"),
    ("Leefbaarheid van de kernen", "collectief.immaterieel"),
)
OWN_STATEMENTS = (
    "Onze wijkteams werken vanuit de bedoeling",
    "Inwoners weten ons te vinden",
    "Ambtenaren durven af te wijken van de regels als dat beter uitpakt voor een inwoner",
)
NOTE = "Te weinig sociale huur in de kleine kernen"
OPEN_ANSWERS = (
    "Betaalbare woningen voor starters",
    "Een betaalbaar huis in de eigen kern",
    "Verkeersveiligheid rond de scholen",
    "Groene wijken met ruimte voor kinderen",
    "Woningen voor ouderen dichtbij zorg",
)
LEARNT = (  # wat leren we nu: a success to build on and a thing to try differently
    ("De buurtavonden in de kernen", "Eerder de huurders vragen, niet pas aan het eind"),
    ("Eén loket voor woningzoekenden", "Minder rapporten, meer gesprekken aan de keukentafel"),
    ("Snelle besluiten over bouwlocaties", "Vaker samen de wijk in"),
)


def score(n: int, i: int, low: int = 1, high: int = 10):
    """A spread of scores over people ``n`` and items ``i``; every seventh one "weet ik niet" (None)."""
    if (n + 2 * i) % 7 == 6:
        return None
    return low + (3 * n + 5 * i) % (high - low + 1)


def scored(items, n: int) -> dict:
    return {item: {"score": score(n, i), "note": NOTE if (n + i) % 5 == 0 else ""} for i, item in enumerate(items)}


def graded(n: int) -> dict:
    answers = scored(STATEMENTS, n)
    return {OVERALL: {"score": 4.5 + (n % 7) * 0.5 + (n % 2), "note": ""}, **answers}


def triangle(n: int) -> dict:
    answers = {"plaats": {"willen": 2 + (3 * n) % 9, "mogen": 1 + (2 * n) % 10, "kunnen": 3 + n % 8}}
    for i, axis in enumerate(AXES):
        answers[f"spanning.{axis}"] = {"severity": 1 + (n + i) % 5, "note": NOTE if n == i else ""}
        answers[f"route.{axis}"] = {"route": "ab"[(n + i) % 2]}
    return answers


def points(n: int, room) -> dict:
    values = room.palette_keys
    spread = {}
    for share, step in zip((50, 30, 20), (0, 1, 3), strict=True):
        key = values[(n + step) % len(values)]
        spread[key] = spread.get(key, 0) + share
    return {"verdeling": spread}


# Each activity's answers of person ``n`` in ``room``, as a phone would post them (checked by the folder's model).
ANSWERS = {
    "palet": lambda n, room: {
        f"p{n}-{j}": {"text": PALETTE[(n + j) % len(PALETTE)][0], "cell": PALETTE[(n + j) % len(PALETTE)][1]}
        for j in range(2 + n % 2)
    },
    "prioriteren": points,
    "beoordelen": lambda n, room: graded(n),
    "driehoek": lambda n, room: triangle(n),
    "raadsenquete": lambda n, room: {
        **{s: COUNCIL_ANSWERS[(n + i) % len(COUNCIL_ANSWERS)] for i, s in enumerate(COUNCIL_STATEMENTS)},
        STYLE: STYLES[n % len(STYLES)],
    },
    "trap": lambda n, room: {"trede": {"now": 1 + n % 3, "should": 2 + n % 4, "note": NOTE if n == 1 else ""}},
    "eigen": lambda n, room: scored([s["key"] for s in room.statements], n),
    "sturingsscan": lambda n, room: {
        item: "weet_niet" if (n + i) % 9 == 8 else SCAN_SCORES[(n + 2 * i) % len(SCAN_SCORES)]
        for i, item in enumerate(SCAN_ITEMS)
    },
    "democratie": lambda n, room: scored(DEMOCRATIC_VALUES, n),
    "openvraag": lambda n, room: {
        f"{n:06x}{j:06x}": {"text": OPEN_ANSWERS[(n + j) % len(OPEN_ANSWERS)]} for j in range(1 + n % 3)
    },
    "leren": lambda n, room: {"les": dict(zip(("succes", "anders"), LEARNT[n % len(LEARNT)], strict=True))},
    "succesfactoren": lambda n, room: {  # the factors of the room's topic (wonen: Box 2.4)
        f.key: FACTOR_ANSWERS[(n + 2 * i) % len(FACTOR_ANSWERS)]
        for i, f in enumerate(factors(domain_of_topic("wonen")))
    },
}
# Answered (and closed) before the activity: what it builds on.
BEFORE = {"prioriteren": ("palet",)}
# The phone's address for an activity whose results are shown after the last step.
PHONE_PAGE = {
    "beoordelen": "beoordelen/klaar",
    "eigen": "eigen/klaar",
    "democratie": "democratie/klaar",
    "sturingsscan": "sturingsscan/klaar",
    "driehoek": "driehoek/klaar",
}


@dataclass
class Room:
    """A session its nine phones answered, the results revealed and released; the looking phone's cookie."""

    activity: str  # the one left open (the projector shows it), '' for none
    code: str = ""
    key: str = ""
    me: str = ""  # the looking phone's participant token
    statements: list = field(default_factory=list)
    palette_keys: list = field(default_factory=list)


def answered(store, activity: str, room: Room, tokens: list) -> None:
    """Each phone posts its answers, as checked by the activity's model."""
    check = BY_KEY[activity].part("model", "check_stored")
    for n, token in enumerate(tokens):
        answers = ANSWERS[activity](n, room)
        for item, value in answers.items():
            check(item, value)  # a phone could have sent it
        store.submit(token, activity, answers)


def make_room(store, activities: tuple, shown: str = "", language: str = "nl", people=PEOPLE) -> Room:
    """A session of ``activities``, each answered by the phones of ``people`` (their groups; the last is the
    looking phone) and revealed; ``shown`` stays open."""
    session, key = store.create_session(
        SessionSpec(
            title="Woonvisie 2030", topic="wonen", municipality="Utrecht", language=language, activities=activities
        )
    )
    room = Room(shown, session.code, key)
    if "eigen" in activities:
        room.statements = check_statements(list(OWN_STATEMENTS))
        store.set_state(session.id, "eigen", "statements", room.statements)
    room.palette_keys = list(dict.fromkeys(normalize_value(text) for text, _ in PALETTE))  # what prioriteren offers
    tokens = [store.join(session.code, group).token for group in people]
    room.me = tokens[-1]
    for each in activities:  # a phone answers an open activity
        store.set_activity_open(session.id, each, True)
        answered(store, each, room, tokens)
        store.set_state(session.id, each, "reveal", True)
        store.set_activity_open(session.id, each, each == shown)
    store.set_state(session.id, RESULTS, RELEASED, True)
    return room


PRESS = """() => {
  const pressed = window.__kitPressed = window.__kitPressed || new Set();
  window.__kitBefore = document.body.innerText;
  let n = 0;
  for (const button of document.querySelectorAll('.jupyter-widgets button')) {
    if (button.disabled || pressed.has(button) || !button.checkVisibility()) continue;
    pressed.add(button);
    button.click();
    n++;
  }
  return n;
}"""


def press_every_button(page) -> None:
    """Each widget button once, top to bottom, in rounds: one may enable another ('place' enables 'compare')."""
    for _ in range(3):
        if not page.evaluate(PRESS):
            return
        try:  # the kernel answers a click over the network: wait for the page to change, then to settle
            page.wait_for_function("document.body.innerText !== window.__kitBefore", timeout=5_000)
        except PlaywrightTimeout:
            pass
        settle(page, quiet_ms=500)


class Rooms:
    """The rooms, made once on first use, and one browser context that holds every cookie."""

    def __init__(self, kit, store, browser, people=PEOPLE):
        self.kit, self.store, self.people = kit, store, people
        self.context = browser.new_context(viewport=PHONES["375"])
        self.page = self.context.new_page()
        self.rooms: dict = {}
        self.dashboards: dict = {}

    def cookies(self, room: Room) -> None:
        host = urlparse(self.kit.url).hostname
        self.context.add_cookies(
            [
                {"name": f"kit_p_{room.code}", "value": room.me, "domain": host, "path": "/kit/"},
                {"name": facilitator_cookie(room.code), "value": room.key, "domain": host, "path": "/"},
            ]
        )

    def room(self, activity: str) -> Room:
        if activity not in self.rooms:
            activities = (*BEFORE.get(activity, ()), activity)
            self.rooms[activity] = make_room(self.store, activities, activity, people=self.people)
            self.cookies(self.rooms[activity])
        return self.rooms[activity]

    def open(self, path: str, size: dict, ready: str):
        self.page.set_viewport_size(size)
        self.page.goto(f"{self.kit.url}kit/{path}")
        self.page.wait_for_selector(ready, timeout=TIMEOUT)
        return self.page

    def phone(self, activity: str, size: dict):
        room = self.room(activity)
        return self.open(f"{room.code}/{PHONE_PAGE.get(activity, activity)}", size, "[data-kit-results]")

    def screen(self, activity: str, size: dict):
        room = self.room(activity)
        return self.open(f"{room.code}/scherm", size, f'[data-kit-activity="{activity}"] .kit-screen-results-body')

    def results(self, activity: str, size: dict):
        room = self.room(activity)
        return self.open(f"{room.code}/{RESULTS}", size, ".kit-results-download")

    def dashboard(self, language: str, tab: str = ""):
        """A room of every activity on the dashboard; ``tab``: that activity's tab chosen (drawn when chosen)."""
        if language not in self.dashboards:
            room = make_room(self.store, KEYS, language=language)
            page = self.context.new_page()
            page.set_viewport_size({"width": 1280, "height": 900})
            page.goto(
                self.kit.render_url(
                    "workshops/facilitator.ipynb", f"sessie={room.code}&sleutel={room.key}&lang={language}"
                )
            )
            # the bar stands where the room was: at the last activity answered (every one is closed here)
            page.wait_for_selector(".kit-tabs [class*='kit-dashboard-']", timeout=LOAD)
            settle(page)
            self.dashboards[language] = page
        page = self.dashboards[language]
        if tab:
            page.get_by_role("tab", name=BY_KEY[tab].label(language), exact=True).click()
            page.wait_for_selector(f".kit-dashboard-{tab}", timeout=LOAD)
            settle(page)
        return page

    def lesson(self, name: str):
        """The lesson as Voila renders it, after each of its buttons is pressed once."""
        self.page.set_viewport_size({"width": 1280, "height": 900})
        self.page.goto(self.kit.render_url(f"lessons/{name}.ipynb"))
        settle(self.page)
        press_every_button(self.page)
        return self.page


@pytest.fixture(scope="module")
def rooms(kit, kit_store, browser):
    made = Rooms(kit, kit_store, browser)
    yield made
    made.context.close()


def seen(findings: list, where: str) -> str:
    return f"{where}:\n" + "\n".join(findings)


# ------------------------------------------------------------------------------------------- defects
# Cases that fail today because of a defect a person sees (issue 27); ``(test, case id): reason``.
DEFECTS: dict = {}


def each(*parts) -> list:
    """The cross product of the parts as "a-b" ids."""
    ids = [""]
    for part in parts:
        ids = [f"{i}-{p}" if i else p for i in ids for p in part]
    return ids


def defect(test: str, ids, reason: str) -> None:
    DEFECTS.update({(test, case): reason for case in ids})


def cases(test: str, ids) -> list:
    """One parameter per case id, marked where ``DEFECTS`` names a defect that makes it fail today."""
    out = []
    for case in ids:
        reason = DEFECTS.get((test, case))
        marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)] if reason else []
        out.append(pytest.param(case, id=case, marks=marks))
    return out


# ------------------------------------------------------------------------------------------- the tests
def test_every_activity_has_answers_to_look_at():
    """An activity added to the registry needs its row in ``ANSWERS`` (and in ``PHONE_PAGE`` if it has steps)."""
    assert set(ANSWERS) == set(KEYS)


@pytest.mark.parametrize("case", cases("phone", each(KEYS, PHONES)))
def test_phone_shows_the_results_whole(case, rooms):
    activity, size = case.rsplit("-", 1)
    page = rooms.phone(activity, PHONES[size])
    found = horizontal_overflow(page) + broken_tokens(page) + visible_tags(page) + unequal_bars(page)
    assert found == [], seen(found, f"{activity} on a {size} px phone")


@pytest.mark.parametrize("case", cases("screen", each(KEYS, PROJECTORS)))
def test_projector_fits_without_scrolling_or_hiding_the_join_block(case, rooms):
    activity, size = case.rsplit("-", 1)
    page = rooms.screen(activity, PROJECTORS[size])
    found = vertical_scroll(page) + horizontal_overflow(page) + join_overlap(page) + broken_tokens(page)
    found += visible_tags(page) + unequal_bars(page) + cramped(page)
    assert found == [], seen(found, f"{activity} on a {size} projector")


@pytest.mark.parametrize("case", cases("results", KEYS))
def test_results_page_reads_on_a_small_phone(case, rooms):
    page = rooms.results(case, PHONES["320"])
    found = horizontal_overflow(page) + broken_tokens(page) + visible_tags(page)
    assert found == [], seen(found, f"the results page of {case} on a 320 px phone")


@pytest.mark.parametrize("case", cases("dashboard", each(("nl", "en"), (*KEYS, "page"))))
def test_dashboard_shows_no_markup(case, rooms):
    language, part = case.split("-", 1)
    page = rooms.dashboard(language, "" if part == "page" else part)
    found = visible_tags(page, "body" if part == "page" else f".kit-dashboard-{part}")
    assert found == [], seen(found, f"the dashboard ({language}), {part}")


@pytest.mark.parametrize("case", cases("lesson", LESSONS))
def test_lesson_shows_no_markup(case, rooms):
    page = rooms.lesson(case)
    found = visible_tags(page, "body")
    assert found == [], seen(found, f"lesson {case}")


# ------------------------------------------------------------------------------------------- small groups
# The review's room: six phones in groups of 1, 1, 3 and 1, so no group reaches k = 5. Every group column said
# "te weinig deelnemers om te tonen" on 2-4 lines per row (prioriteren: 4 projector pages, phones 6,500-13,900 px
# tall at 320 px); now the groups are named once and the room's figures stand alone.
SMALL = ("bestuurlijk-politiek", "maatschappelijke-partner", "ambtelijk", "ambtelijk", "ambtelijk", "inwoner")
CARD = 480  # px: no item's card on a 320 x 640 phone is taller than three quarters of the screen
ROW = 320  # px: no row of a table on the 1920 x 1080 projector is taller than this (a room line, a book line)
PAGES = "() => (document.querySelector('[data-kit-pages] [aria-hidden]') || {textContent: '1/1'}).textContent"


@pytest.fixture(scope="module")
def small_rooms(kit, kit_store, browser):
    made = Rooms(kit, kit_store, browser, people=SMALL)
    yield made
    made.context.close()


# the tallest card of an item (phone) and row of a table (projector), in px
TALLEST_ITEM = """() => Math.max(0, ...Array.from(document.querySelectorAll('[data-kit-item]'))
  .filter((e) => !e.closest('.kit-visually-hidden')).map((e) => e.getBoundingClientRect().height))"""


@pytest.mark.parametrize("case", KEYS)
def test_a_room_of_small_groups_reads_in_a_few_screens(case, small_rooms):
    page = small_rooms.phone(case, PHONES["320"])
    found = horizontal_overflow(page) + broken_tokens(page) + visible_tags(page) + unequal_bars(page)
    assert found == [], seen(found, f"{case} on a 320 px phone, small groups")
    tallest = page.evaluate(TALLEST_ITEM)  # main: up to 805 px, a line of "te weinig ..." per group per item
    assert tallest <= CARD, f"{case}: an item's card {tallest:.0f} px tall on a 320 x 640 phone"
    screen = small_rooms.screen(case, PROJECTORS["1920x1080"])
    settle(screen, quiet_ms=300)
    found = vertical_scroll(screen) + horizontal_overflow(screen) + join_overlap(screen) + broken_tokens(screen)
    assert found == [], seen(found, f"{case} on the projector, small groups")
    tallest = screen.evaluate(TALLEST_ITEM)  # main: rows up to 540 px, so prioriteren took 2 pages, succesfactoren 7
    assert tallest <= ROW, f"{case}: a row {tallest:.0f} px tall on the projector ({screen.evaluate(PAGES)} pages)"
