"""WCAG 2.1 AA on every participant screen, in Chromium.

* axe-core (from the npm registry, installed into the git-ignored .venv) finds nothing on any screen at 375 px
  and at 1280 px: code form, join form (with its privacy notice), the whole privacy notice, waiting, the list of
  activities, every state of the four activities, refusals, revealed results, a closed session, an answer sent
  after its activity closed;
* the whole flow works with the keyboard alone (join, a palette value, points, beoordelen, driehoek) and every
  focus stop shows a visible focus indicator; the answers arrive in the store;
* at 320 px nothing scrolls sideways or is cut off and every target is at least 44 x 44 px;
* at 200 % zoom nothing is cut off on the join form, the palette, a beoordelen step and the driehoek;
* revealed results drawn as a chart are also there as a table.
"""

from urllib.parse import urlparse

import pytest

from widgets.activities.prioriteren.model import ITEM as POINTS_ITEM

from . import axe

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
SMALL = {"width": 320, "height": 640}
# 200 % zoom, honestly: Chrome's page zoom on a 1280 x 900 window lays the page out in a 640 x 450 CSS px
# viewport with two device pixels per CSS px; the same viewport and scale factor is exactly that layout
# (media queries, wrapping and rem sizes included). CSS ``zoom`` on <html> would not be: it leaves the
# viewport's CSS width at 1280 px.
ZOOMED = {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2}
ACTIVITIES = ("palet", "prioriteren", "beoordelen", "driehoek")
AXES = ("willen-mogen", "mogen-kunnen", "willen-kunnen")
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
TIMEOUT = 10_000


# ------------------------------------------------------------------------------------------- the screens
class Scene:
    """One screen's state: sessions and other people's answers made in the store, this phone's participant
    as its cookie (or by the phone's own join form), then the page opened and its forms sent as a person does."""

    def __init__(self, kit, store, new_session, phone):
        self.kit, self.store, self.new_session, self.phone, self.page = kit, store, new_session, phone, phone.page

    def url(self, path: str = "") -> str:
        return f"{self.kit.url}kit/{path}"

    def goto(self, path: str = ""):
        self.page.goto(self.url(path))
        self.page.wait_for_load_state("load")

    def expect(self, selector: str, state: str = "visible"):
        self.page.wait_for_selector(selector, state=state, timeout=TIMEOUT)

    def session(self, open=(), **spec):
        return self.new_session(activities=ACTIVITIES, open=open, **spec)

    def opened(self, session, *activities):
        for activity in ACTIVITIES:
            self.store.set_activity_open(session.id, activity, activity in activities)

    def me(self, session, group="inwoner", name=""):
        """This phone takes part: a participant in the store, its token in the page's cookie."""
        participant = self.store.join(session.code, group, name)
        self.page.context.add_cookies(
            [
                {
                    "name": f"kit_p_{session.code}",
                    "value": participant.token,
                    "domain": urlparse(self.kit.url).hostname,
                    "path": "/kit/",
                }
            ]
        )
        return participant

    def submit(self, who, activity, answers):
        self.store.submit(who.token, activity, answers)

    def others(self, session, activity, answers_by_group):
        """Other phones' answers: ``{group: [answers, ...]}``, one participant per answers dict."""
        for group, answer_sets in answers_by_group.items():
            for answers in answer_sets:
                self.submit(self.store.join(session.code, group), activity, answers)

    def reveal(self, session, activity):
        self.store.set_state(session.id, activity, "reveal", True)

    def button(self, name: str):
        self.page.get_by_role("button", name=name, exact=True).click()


SCREENS = {}


def screen(name):
    def register(build):
        SCREENS[name] = build
        return build

    return register


def value(text, cell):
    return {"text": text, "cell": cell}


PALETTE = {
    "ambtelijk": [
        {"a1": value("Betaalbaarheid", "individueel.materieel"), "a2": value("Inspraak", "collectief.proces")},
        {"b1": value("Betaalbaarheid", "individueel.materieel")},
    ],
    "inwoner": [
        {"c1": value("Groen in de wijk", "collectief.materieel"), "c2": value("Veiligheid", "individueel.immaterieel")}
    ],
}
RATINGS = {
    "ambtelijk": [
        {
            "cijfer": {"score": 6.5, "note": ""},
            "eerlijk": {"score": 7, "note": "Redelijk"},
            "toegankelijk": {"score": None, "note": ""},
        }
    ],
    "inwoner": [
        {
            "cijfer": {"score": 5, "note": "Te langzaam"},
            "eerlijk": {"score": 4, "note": ""},
            "toegankelijk": {"score": 3, "note": "Te weinig voor rolstoelen"},
        }
    ],
}
PLACES = {
    "ambtelijk": [
        {
            "plaats": {"willen": 8, "mogen": 4, "kunnen": 5},
            "spanning.willen-mogen": {"severity": 4, "note": ""},
            "route.willen-mogen": {"route": "a"},
        }
    ],
    "inwoner": [{"plaats": {"willen": 3, "mogen": 6, "kunnen": 2}}],
}


@screen("code")
def code_form(scene):
    scene.goto()
    scene.expect("input#code")


@screen("code-unknown")
def code_unknown(scene):
    scene.goto()
    scene.page.fill("#code", "AAAAAA")
    scene.button("Verder")
    scene.expect(".kit-error-summary")


@screen("join")
def join_form(scene):
    scene.goto(scene.session().code)
    scene.expect("fieldset#group")


@screen("privacy")
def privacy_notice(scene):
    scene.goto(f"{scene.session().code}/privacy")
    scene.expect("footer.kit-footer")


@screen("join-no-group")
def join_without_group(scene):
    scene.goto(scene.session().code)
    scene.button("Doe mee")
    scene.expect(".kit-error-summary")


@screen("waiting")
def waiting(scene):
    scene.goto(scene.session().code)
    scene.page.get_by_label("Inwoner", exact=True).check()
    scene.page.fill("#name", "Sam")
    scene.button("Doe mee")
    scene.expect(".kit-waiting")


@screen("two-open")
def two_activities_open(scene):
    session = scene.session(open=("palet", "beoordelen"))
    scene.me(session)
    scene.goto(session.code)
    scene.expect(".kit-cards")


@screen("palet-empty")
def palette_empty(scene):
    session = scene.session(open=("palet",))
    scene.me(session)
    scene.goto(f"{session.code}/palet")
    scene.expect("form.kit-form-palet")


@screen("palet-own")
def palette_own_values(scene):
    session = scene.session(open=("palet",))
    me = scene.me(session)
    scene.submit(
        me, "palet", {"m1": value("Groen", "collectief.materieel"), "m2": value("Inspraak", "collectief.proces")}
    )
    scene.goto(f"{session.code}/palet?ok=added&item=m2")
    scene.expect(".kit-notice")


@screen("palet-examples")
def palette_examples_open(scene):
    session = scene.session(open=("palet",))
    scene.me(session)
    scene.goto(f"{session.code}/palet")
    scene.page.locator(".kit-details summary").click()
    scene.expect(".kit-details[open] .kit-palette-book")


@screen("palet-edit")
def palette_edit(scene):
    session = scene.session(open=("palet",))
    me = scene.me(session)
    scene.submit(me, "palet", {"m1": value("Groen", "collectief.materieel")})
    scene.goto(f"{session.code}/palet/m1/edit")
    scene.expect("input[name=editing]", state="attached")


@screen("palet-refused-twice")
def palette_refused_duplicate(scene):
    session = scene.session(open=("palet",))
    me = scene.me(session)
    scene.submit(me, "palet", {"m1": value("Groen", "collectief.materieel")})
    scene.goto(f"{session.code}/palet")
    scene.page.fill("#text", "groen ")
    scene.page.get_by_label("collectief, materieel", exact=True).check()
    scene.button("Toevoegen")
    scene.expect(".kit-error-summary")


@screen("palet-refused-no-cell")
def palette_refused_without_cell(scene):
    session = scene.session(open=("palet",))
    scene.me(session)
    scene.goto(f"{session.code}/palet")
    scene.page.fill("#text", "Rust")
    scene.button("Toevoegen")
    scene.expect("#cell[aria-invalid=true]")


@screen("palet-revealed")
def palette_revealed(scene):
    session = scene.session(open=("palet",))
    me = scene.me(session)
    scene.others(session, "palet", PALETTE)
    scene.submit(me, "palet", {"m1": value("Groen in de wijk", "collectief.materieel")})
    scene.reveal(session, "palet")
    scene.goto(f"{session.code}/palet")
    scene.expect("[data-kit-results] .kit-text-entry")


def with_palette(scene):
    session = scene.session(open=("palet",))
    me = scene.me(session)
    scene.others(session, "palet", PALETTE)
    scene.opened(session, "prioriteren")
    return session, me


@screen("prioriteren")
def priorities(scene):
    session, _ = with_palette(scene)
    scene.goto(f"{session.code}/prioriteren")
    scene.expect("form.kit-form-prioriteren .kit-stepper")


def with_points(scene):
    """A palette, and this phone's 70 / 30 points on its first two values."""
    session, me = with_palette(scene)
    scene.goto(f"{session.code}/prioriteren")
    keys = scene.page.eval_on_selector_all("input[data-kit-points]", "els => els.map(e => e.name.slice(7))")
    scene.submit(me, "prioriteren", {POINTS_ITEM: {keys[0]: 70, keys[1]: 30}})
    return session


@screen("prioriteren-saved")
def priorities_saved(scene):
    session = with_points(scene)
    scene.goto(f"{session.code}/prioriteren?ok=saved")
    scene.expect("[data-kit-saved]")


@screen("prioriteren-revealed")
def priorities_revealed(scene):
    session = with_points(scene)
    scene.reveal(session, "prioriteren")
    scene.goto(f"{session.code}/prioriteren")
    scene.expect("[data-kit-results] [data-kit-block]")


@screen("prioriteren-too-many")
def priorities_too_many(scene):
    session, _ = with_palette(scene)
    scene.goto(f"{session.code}/prioriteren")
    scene.expect("form.kit-form-prioriteren .kit-stepper")
    scene.page.fill("#points-1", "60")
    scene.page.fill("#points-2", "50")
    scene.button("Verdeling opslaan")
    scene.expect(".kit-error-summary")


@screen("prioriteren-not-a-number")
def priorities_not_a_number(scene):
    session, _ = with_palette(scene)
    scene.goto(f"{session.code}/prioriteren")
    scene.expect("form.kit-form-prioriteren .kit-stepper")
    scene.page.fill("#points-1", "-5")
    scene.button("Verdeling opslaan")
    scene.expect("li.kit-field-error")


@screen("prioriteren-no-palette")
def priorities_without_palette(scene):
    session = scene.session(open=("prioriteren",))
    scene.me(session)
    scene.goto(f"{session.code}/prioriteren")
    scene.expect(".kit-notice-info")


def rating_session(scene, reveal=False):
    session = scene.session(open=("beoordelen",))
    me = scene.me(session)
    if reveal:
        scene.others(session, "beoordelen", RATINGS)
        scene.reveal(session, "beoordelen")
    return session, me


@screen("beoordelen-grade")
def rating_grade(scene):
    session, _ = rating_session(scene)
    scene.goto(session.code)  # the session's address resumes at the grade
    scene.expect('form.kit-form-beoordelen[data-kit-step="cijfer"]')


@screen("beoordelen-statement")
def rating_statement(scene):
    session, me = rating_session(scene)
    scene.submit(me, "beoordelen", {"cijfer": {"score": 7, "note": ""}})
    scene.goto(f"{session.code}/beoordelen/2")
    scene.expect('form.kit-form-beoordelen[data-kit-step="eerlijk"]')


@screen("beoordelen-refused")
def rating_refused(scene):
    session, _ = rating_session(scene)
    scene.goto(f"{session.code}/beoordelen/1")
    scene.button("Opslaan en verder")
    scene.expect(".kit-error-summary")


@screen("beoordelen-klaar")
def rating_done(scene):
    session, me = rating_session(scene)
    scene.submit(
        me, "beoordelen", {"cijfer": {"score": 7.5, "note": "Goed op weg"}, "eerlijk": {"score": None, "note": ""}}
    )
    scene.goto(f"{session.code}/beoordelen/klaar")
    scene.expect(".kit-rate-mine")


@screen("beoordelen-change")
def rating_change_from_the_list(scene):
    session, me = rating_session(scene)
    scene.submit(me, "beoordelen", {"cijfer": {"score": 7.5, "note": ""}, "eerlijk": {"score": 6, "note": ""}})
    scene.goto(f"{session.code}/beoordelen/2?van=klaar")
    scene.expect("form.kit-form-beoordelen input[name=van]", state="attached")


@screen("beoordelen-revealed-step")
def rating_revealed_on_a_step(scene):
    session, _ = rating_session(scene, reveal=True)
    scene.goto(f"{session.code}/beoordelen/3")
    scene.expect("[data-kit-results] [data-kit-block]")


@screen("beoordelen-revealed-klaar")
def rating_revealed_done(scene):
    session, me = rating_session(scene, reveal=True)
    scene.submit(me, "beoordelen", {"cijfer": {"score": 8, "note": ""}})
    scene.goto(f"{session.code}/beoordelen/klaar")
    scene.expect("[data-kit-results] [data-kit-block]")


def triangle_session(scene, placed=True, reveal=False):
    session = scene.session(open=("driehoek",))
    me = scene.me(session)
    if placed:
        scene.submit(me, "driehoek", {"plaats": {"willen": 7, "mogen": 3, "kunnen": 5}})
    if reveal:
        scene.others(session, "driehoek", PLACES)
        scene.reveal(session, "driehoek")
    return session, me


@screen("driehoek-scores")
def triangle_scores(scene):
    session, _ = triangle_session(scene, placed=False)
    scene.goto(session.code)  # the session's address resumes at the scores
    scene.expect("form.kit-tri-scores")


@screen("driehoek-scores-refused")
def triangle_scores_refused(scene):
    session, _ = triangle_session(scene, placed=False)
    scene.goto(f"{session.code}/driehoek/scores")
    scene.button("Plaats mij in de driehoek")
    scene.expect(".kit-error-summary")


@screen("driehoek-positie")
def triangle_position(scene):
    session, _ = triangle_session(scene)
    scene.goto(f"{session.code}/driehoek/positie")
    scene.expect(".kit-tri-position svg")


for _axis in AXES:

    def _tension(scene, axis=_axis):
        session, _ = triangle_session(scene)
        scene.goto(f"{session.code}/driehoek/spanning/{axis}")
        scene.expect(f'form.kit-tri-tension[data-kit-axis="{axis}"]')

    def _route(scene, axis=_axis):
        session, _ = triangle_session(scene)
        scene.goto(f"{session.code}/driehoek/route/{axis}")
        scene.expect(f'form.kit-tri-route[data-kit-axis="{axis}"]')

    screen(f"driehoek-spanning-{_axis}")(_tension)
    screen(f"driehoek-route-{_axis}")(_route)


@screen("driehoek-spanning-refused")
def triangle_tension_refused(scene):
    session, _ = triangle_session(scene)
    scene.goto(f"{session.code}/driehoek/spanning/willen-mogen")
    scene.page.fill("#note", "Het schuurt")
    scene.button("Opslaan en verder")
    scene.expect(".kit-error-summary")


@screen("driehoek-route-refused")
def triangle_route_refused(scene):
    session, _ = triangle_session(scene)
    scene.goto(f"{session.code}/driehoek/route/mogen-kunnen")
    scene.button("Opslaan en verder")
    scene.expect(".kit-error-summary")


@screen("driehoek-klaar")
def triangle_done(scene):
    session, me = triangle_session(scene)
    scene.submit(
        me,
        "driehoek",
        {"spanning.willen-mogen": {"severity": 3, "note": "Weinig budget"}, "route.willen-mogen": {"route": "b"}},
    )
    scene.goto(f"{session.code}/driehoek/klaar")
    scene.expect(".kit-tri-mine")


@screen("driehoek-revealed-positie")
def triangle_revealed_position(scene):
    session, _ = triangle_session(scene, reveal=True)
    scene.goto(f"{session.code}/driehoek/positie")
    scene.expect("[data-kit-results] svg")


@screen("driehoek-revealed-klaar")
def triangle_revealed_done(scene):
    session, _ = triangle_session(scene, reveal=True)
    scene.goto(f"{session.code}/driehoek/klaar")
    scene.expect("[data-kit-results] svg")


@screen("session-closed")
def session_closed(scene):
    session = scene.session(open=("palet",))
    scene.me(session)
    scene.store.set_status(session.id, "closed")
    scene.goto(session.code)
    scene.expect(".kit-notice")


@screen("not-found")
def page_not_found(scene):
    session = scene.session(open=("palet",))
    scene.me(session)
    scene.phone.expected.append("status of 404")  # the browser logs the status; nothing else may show
    scene.goto(f"{session.code}/onbekend")
    scene.expect(".kit-notice")


QUIET_STREAM = {"status": 200, "content_type": "text/event-stream", "body": "retry: 600000\n\n"}


@screen("activity-closed")
def answer_after_the_activity_closed(scene):
    session = scene.session(open=("palet",))
    scene.me(session)
    # Without live updates this phone still shows the form after the facilitator closes the activity
    # (a phone that was asleep, or a slow network): its answer then gets the "closed" message.
    events = f"**/kit/{session.code}/events"
    scene.page.route(events, lambda route: route.fulfill(**QUIET_STREAM))
    try:
        scene.goto(f"{session.code}/palet")
        scene.expect("form.kit-form-palet")
        scene.opened(session)
        scene.page.fill("#text", "Rust")
        scene.page.get_by_label("collectief, proces", exact=True).check()
        scene.button("Toevoegen")
        scene.expect(".kit-notice")
    finally:
        scene.page.unroute(events)
    assert "gesloten" in scene.page.inner_text("main")


def presentation(scene, reveal=()):
    """The projector's screen of a session with answers, unlocked by the facilitator cookie."""
    from widgets.model.sessions import SessionSpec

    session, key = scene.store.create_session(
        SessionSpec(title="Woonvisie 2030", topic="wonen", municipality="Utrecht", language="nl", activities=ACTIVITIES)
    )
    scene.opened(session, "beoordelen", "driehoek")
    scene.others(session, "beoordelen", RATINGS)
    scene.others(session, "driehoek", PLACES)
    scene.opened(session, *reveal)
    for activity in reveal:
        scene.reveal(session, activity)
    scene.page.context.add_cookies(
        [{"name": f"kit_f_{session.code}", "value": key, "domain": urlparse(scene.kit.url).hostname, "path": "/"}]
    )
    scene.goto(f"{session.code}/scherm")
    scene.expect("[data-kit-join-code]")


@screen("scherm-sleutel")
def presentation_locked(scene):
    session = scene.session()
    scene.goto(f"{session.code}/scherm")
    scene.page.fill("#key", "fout")
    scene.button("Scherm openen")
    scene.expect(".kit-error-summary")


@screen("scherm")
def presentation_join(scene):
    presentation(scene)


@screen("palet-vervolg")
def palette_of_a_followup(scene):
    from widgets.report.followup import followup_of_session

    earlier = scene.session(open=("palet",))
    scene.others(earlier, "palet", {"ambtelijk": [{"a": value("Betaalbaarheid", "individueel.materieel")}]})
    follow, _ = followup_of_session(scene.store, earlier.id)
    scene.opened(follow, "palet")
    scene.me(follow)
    scene.goto(f"{follow.code}/palet")
    scene.expect(".kit-start-palette")


@screen("resultaten")
def results_released(scene):
    from widgets.model.results import RELEASED, RESULTS

    session = scene.session(open=("beoordelen",))
    me = scene.me(session)
    scene.submit(me, "beoordelen", {"cijfer": {"score": 7, "note": ""}})
    scene.others(session, "beoordelen", {"inwoner": [{"cijfer": {"score": s, "note": ""}} for s in (6, 8)]})
    scene.store.set_state(session.id, RESULTS, RELEASED, True)
    scene.goto(f"{session.code}/resultaten")
    scene.expect('[data-kit-activity="beoordelen"]')


@screen("scherm-beoordelen")
def presentation_rating(scene):
    presentation(scene, reveal=("beoordelen",))
    scene.expect(".kit-results-table")


@screen("scherm-driehoek")
def presentation_triangle(scene):
    presentation(scene, reveal=("driehoek",))
    scene.expect("svg.kit-triangle")


# ------------------------------------------------------------------------------------------- browsers
class Phone:
    """A browser context kept for the whole module (one per kind of screen), its page reused screen after screen."""

    def __init__(self, browser, **context_args):
        self.context = browser.new_context(**context_args)
        self.page = self.context.new_page()
        self.problems, self.expected = [], []
        self.context.on("request", self._on_request)
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))

    def _on_request(self, request):
        host = urlparse(request.url).hostname
        if not request.url.startswith(("data:", "blob:")) and host not in LOCAL_HOSTS:
            self.problems.append(f"request to another host: {request.url}")

    def unexpected(self) -> list:
        return [p for p in self.problems if not any(text in p for text in self.expected)]

    def fresh(self):
        self.problems.clear()
        self.expected.clear()
        self.page.goto("about:blank")
        return self.page


KINDS = {
    # axe's script is added as an inline <script>; the pages' Content-Security-Policy (script-src 'self')
    # would block it, so these two contexts bypass the CSP. The pages behave the same otherwise; the
    # keyboard, small-screen and zoom tests below keep the CSP on, and test_web_security checks it.
    "375": {"viewport": PHONE, "bypass_csp": True},
    "1280": {"viewport": DESKTOP, "bypass_csp": True},
    "320": {"viewport": SMALL},
    "zoom": ZOOMED,
}


@pytest.fixture(scope="module")
def phones(browser):
    made = {}

    def get(kind):
        if kind not in made:
            made[kind] = Phone(browser, **KINDS[kind])
        return made[kind]

    yield get
    for phone in made.values():
        phone.context.close()


@pytest.fixture
def show(kit, kit_store, new_session, phones):
    """``show(name, kind)``: the page of ``kind`` showing the screen ``name``; afterwards no console errors
    and no requests to other hosts on it."""
    used = []

    def show_screen(name, kind):
        phone = phones(kind)
        used.append((name, kind, phone))
        page = phone.fresh()
        SCREENS[name](Scene(kit, kit_store, new_session, phone))
        return page

    yield show_screen
    for name, kind, phone in used:
        assert phone.unexpected() == [], f"{name} at {kind}: {phone.unexpected()}"


@pytest.fixture(scope="session")
def axe_script():
    return axe.install()


# --------------------------------------------------------------------------------------------- checks
CHARTS_HAVE_TABLES = """() => Array.from(document.querySelectorAll('[data-kit-results] svg[role=img]'))
  .filter((svg) => !svg.closest('[data-kit-results]').querySelector('table'))
  .map((svg) => svg.getAttribute('aria-label'))"""


@pytest.mark.parametrize("kind", ["375", "1280"])
@pytest.mark.parametrize("name", list(SCREENS))
def test_axe_finds_no_violations(name, kind, show, axe_script):
    page = show(name, kind)
    found = axe.violations(page, axe_script)
    assert not found, f"axe on {name} at {kind} px ({page.url}):\n{axe.report(found)}"
    assert page.evaluate(CHARTS_HAVE_TABLES) == [], f"{name}: a chart of results without a table"


def test_axe_does_find_a_field_without_a_label(show, axe_script):
    """The check above is not empty: a field without a label on a clean page is a violation."""
    page = show("code", "375")
    page.evaluate("document.querySelector('form').insertAdjacentHTML('beforeend', '<input type=text name=x>')")
    assert "label" in [violation["id"] for violation in axe.violations(page, axe_script)]


TARGETS = (
    "a, button, input[type=radio] + label, input[type=checkbox] + label, input:not([type=hidden]), textarea, "
    "select, summary"
)
SMALL_SCREEN = """(targets) => {
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
    ' "' + (el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
  const words = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
  const width = document.documentElement.clientWidth;
  const small = [], cut = [];
  for (const el of document.querySelectorAll(targets)) {
    const style = getComputedStyle(el), box = el.getBoundingClientRect();
    if (!box.width || !box.height || style.visibility === 'hidden' || el.closest('.kit-visually-hidden')) continue;
    if (box.right <= 0) continue;  // the skip link, off screen until it has the focus (checked on its own)
    // a radio button or checkbox drawn by its label: the label is the target
    if (el.matches('input[type=radio], input[type=checkbox]') && parseFloat(style.opacity) === 0 &&
        el.nextElementSibling && el.nextElementSibling.matches('label')) continue;
    // WCAG 2.5.5's inline exception: a link inside a sentence or block of text
    if (el.tagName === 'A' && style.display === 'inline') {
      let block = el.parentElement;
      while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
      if (block && words(block).length > words(el).length) continue;
    }
    // an inline link that wraps is as tall as one line of text where it is tapped
    const lines = style.display === 'inline' ? Array.from(el.getClientRects()) : [box];
    const height = Math.min(...lines.map((line) => line.height));
    if (box.width < 44 - 0.01 || height < 44 - 0.01) {
      small.push(`${describe(el)}: ${box.width.toFixed(1)} x ${height.toFixed(1)}` +
                 (lines.length > 1 ? ` (${lines.length} lines)` : ''));
    }
  }
  // A data table may scroll sideways inside a region of its own (WCAG 1.4.10's exception for content
  // that needs two dimensions), if the keyboard can reach that region to scroll it and it has a name.
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.tabIndex >= 0 &&
    (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby')) && el.querySelector('table');
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.kit-visually-hidden, .kit-skip, script, svg *')) continue;
    let inside = false;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (scrolls(up)) { inside = true; break; }
    }
    if (inside) continue;
    const style = getComputedStyle(el), box = el.getBoundingClientRect();
    if (!box.width || !box.height || style.visibility === 'hidden') continue;
    if (box.left < -0.5 || box.right > width + 0.5) {
      cut.push(`${describe(el)} runs from ${box.left.toFixed(1)} to ${box.right.toFixed(1)} px`);
    } else if (!el.matches('input, textarea, select') && style.overflowX !== 'visible' && !scrolls(el) &&
               el.scrollWidth > el.clientWidth + 1) {
      cut.push(`${describe(el)} clips ${el.scrollWidth - el.clientWidth} px of its content`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, small, cut};
}"""


def assert_fits(page, where: str):
    found = page.evaluate(SMALL_SCREEN, TARGETS)
    assert found["scroll"] <= found["width"], f"{where}: scrolls sideways ({found['scroll']} > {found['width']} px)"
    assert found["cut"] == [], f"{where}: cut off:\n" + "\n".join(found["cut"])
    return found


@pytest.mark.parametrize("name", list(SCREENS))
def test_small_screen_no_sideways_scrolling_and_44_px_targets(name, show):
    page = show(name, "320")
    found = assert_fits(page, f"{name} at 320 px")
    assert found["small"] == [], f"{name} at 320 px: targets under 44 x 44 px:\n" + "\n".join(found["small"])
    page.focus(".kit-skip")  # the skip link appears when it has the focus
    skip = page.eval_on_selector(
        ".kit-skip", "el => { const b = el.getBoundingClientRect(); return [b.width, b.height]; }"
    )
    assert skip[0] >= 44 and skip[1] >= 44, f"{name}: the skip link is {skip[0]} x {skip[1]} px"


@pytest.mark.parametrize(
    "name",
    [
        "join-no-group",
        "privacy",
        "palet-own",
        "palet-revealed",
        "beoordelen-grade",
        "beoordelen-statement",
        "beoordelen-revealed-klaar",
        "driehoek-scores",
        "driehoek-revealed-klaar",
    ],
)
def test_nothing_cut_off_at_200_percent_zoom(name, show):
    page = show(name, "zoom")
    assert page.evaluate("window.devicePixelRatio") == 2
    assert_fits(page, f"{name} at 200 % zoom")


# ------------------------------------------------------------------------------------------- keyboard
FOCUS = """async () => {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));  // scrolled into view
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.name ? '[name=' + el.name + ']' : '') +
    ' "' + (el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
  const look = (el) => { const s = getComputedStyle(el);
    return {outline: s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none' :
              `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
            shadow: s.boxShadow, width: parseFloat(s.outlineWidth)}; };
  // the element that shows the focus: a radio button drawn by its label shows it on the label
  const shownBy = (el) => el.matches('input[type=radio], input[type=checkbox]') && el.labels && el.labels[0] || el;
  const out = {focused: null, before: null};
  const el = document.activeElement;
  const was = window.__kitFocus;
  if (was && was.el.isConnected && was.el !== el && shownBy(was.el) !== shownBy(el || document.body)) {
    const now = look(shownBy(was.el));
    out.before = {what: was.what, focused: was.look, unfocused: now};
  }
  window.__kitFocus = null;
  if (el && el !== document.body && el !== document.documentElement) {
    const shown = shownBy(el);
    window.__kitFocus = {el, what: describe(el), look: look(shown)};
    // and it is on screen, not hidden under a sticky counter or a banner: the middle of its part in
    // the viewport is the element itself (WCAG 2.4.11 asks for it not to be entirely hidden)
    const box = shown.getBoundingClientRect();
    const left = Math.max(box.left, 0), right = Math.min(box.right, innerWidth);
    const upper = Math.max(box.top, 0), lower = Math.min(box.bottom, innerHeight);
    const top = right > left && lower > upper ?
      document.elementFromPoint((left + right) / 2, (upper + lower) / 2) : null;
    out.focused = {what: describe(el), focusVisible: el.matches(':focus-visible'), look: look(shown),
                   onTop: !!top && (shown.contains(top) || top.contains(shown)),
                   covered: top && top !== shown ? describe(top) :
                     `nothing: it is off screen (${JSON.stringify(box)})`};
  }
  return out;
}"""


class Keyboard:
    """The keyboard and nothing else; after every key, the focused element must show that it has the focus
    (``:focus-visible`` applies and draws an outline or a ring), and the one it left must look different."""

    def __init__(self, page):
        self.page = page
        self.stops = self.compared = 0

    def press(self, key: str, navigates: bool = False):
        self.page.keyboard.press(key)
        if not navigates:
            self.check()

    def type(self, text: str):
        self.page.keyboard.type(text)

    def check(self):
        found = self.page.evaluate(FOCUS)
        before, focused = found["before"], found["focused"]
        if before:
            self.compared += 1
            assert before["focused"] != before["unfocused"], (
                f"{before['what']} looks the same with and without the focus: {before['focused']}"
            )
        if focused:
            self.stops += 1
            look = focused["look"]
            assert focused["focusVisible"], f"{focused['what']}: :focus-visible does not apply"
            assert focused["onTop"], f"{focused['what']} has the focus but is covered by {focused['covered']}"
            assert (look["outline"] != "none" and look["width"] >= 2) or look["shadow"] != "none", (
                f"{focused['what']} has the focus but shows no outline or ring: {look}"
            )

    def active(self, condition: str) -> bool:
        return self.page.evaluate(f"(() => {{ const el = document.activeElement; return !!(el && ({condition})); }})()")

    def tab_to(self, condition: str, limit: int = 40, back: bool = False):
        """Tab (or Shift+Tab) until ``condition`` (JS about ``el``, the focused element) holds."""
        for _ in range(limit):
            self.press("Shift+Tab" if back else "Tab")
            if self.active(condition):
                return
        raise AssertionError(f"the keyboard never reached an element where {condition}")

    def choose(self, name: str, label: str, limit: int = 25):
        """Tab into the radio group ``name``, Space, then arrow keys until the chosen one's label is ``label``."""
        self.tab_to(f"el.name === {name!r}")
        self.press("Space")
        for _ in range(limit):
            chosen = self.page.eval_on_selector(f"input[name={name}]:checked", "el => el.labels[0].innerText.trim()")
            if chosen == label:
                return
            self.press("ArrowRight")
        raise AssertionError(f"the arrow keys never reached {label!r} in {name}")

    def submit(self, form: str):
        self.tab_to(f"el.matches({form + ' button[type=submit]'!r})")
        self.press("Enter", navigates=True)


def test_the_whole_flow_with_the_keyboard_alone(kit, watched, kit_store, new_session):
    session = new_session(activities=ACTIVITIES, open=("palet",))
    other = kit_store.join(session.code, "ambtelijk")
    kit_store.submit(
        other.token,
        "palet",
        {"o1": value("Betaalbaarheid", "individueel.materieel"), "o2": value("Inspraak", "collectief.proces")},
    )
    page = watched(viewport=PHONE).new_page()  # the pages' own CSP stays on
    page.goto(f"{kit.url}kit/{session.code}")
    keys = Keyboard(page)

    # join: the group with Space and the arrows, a name, "Doe mee" with Enter
    keys.choose("group", "Inwoner")
    keys.tab_to("el.id === 'name'")
    keys.type("Sam")
    keys.submit("main form")
    page.wait_for_selector("form.kit-form-palet", timeout=TIMEOUT)
    token = next(c["value"] for c in page.context.cookies() if c["name"] == f"kit_p_{session.code}")
    me = kit_store.participant(token)
    assert (me.group_key, me.name) == ("inwoner", "Sam")

    # a palette value
    keys.tab_to("el.id === 'text'")
    keys.type("Rust in de wijk")
    keys.choose("cell", "collectief, immaterieel")
    keys.submit("form.kit-form-palet")
    page.wait_for_selector(".kit-notice", timeout=TIMEOUT)
    assert list(kit_store.my_answers(token, "palet").values()) == [value("Rust in de wijk", "collectief.immaterieel")]

    # prioriteren: the facilitator moves on, the phone follows; type points, a stepper with Enter
    kit_store.set_activity_open(session.id, "palet", False)
    kit_store.set_activity_open(session.id, "prioriteren", True)
    page.wait_for_selector("form.kit-form-prioriteren .kit-stepper", timeout=TIMEOUT)
    labels = page.eval_on_selector_all("form.kit-form-prioriteren label", "els => els.map(e => e.innerText.trim())")
    keys.tab_to("el.id === 'points-1'")
    keys.type("45")
    keys.press("Tab")  # the "+" after the field
    assert keys.active("el.matches('.kit-stepper button') && el.textContent === '+'")
    keys.press("Enter")  # 45 + 5
    keys.tab_to("el.id === 'points-2'")
    keys.type("30")
    keys.tab_to("el.id === 'points-3'")
    keys.type("20")
    assert page.inner_text("[data-kit-counter]").strip() == "Alle 100 punten verdeeld"
    keys.submit("form.kit-form-prioriteren")
    page.wait_for_selector("[data-kit-saved]", timeout=TIMEOUT)
    spread = kit_store.my_answers(token, "prioriteren")[POINTS_ITEM]
    assert sorted(spread.values()) == [20, 30, 50] and len(labels) == 3

    # beoordelen: the grade, a note, Shift+Tab back to the grade to change it; then a statement
    kit_store.set_activity_open(session.id, "prioriteren", False)
    kit_store.set_activity_open(session.id, "beoordelen", True)
    page.wait_for_selector('form.kit-form-beoordelen[data-kit-step="cijfer"]', timeout=TIMEOUT)
    keys.choose("score", "7")
    keys.tab_to("el.id === 'note'")
    keys.type("Op weg")
    keys.tab_to("el.name === 'score'", back=True)
    keys.press("ArrowRight")
    keys.submit("form.kit-form-beoordelen")
    page.wait_for_selector('form.kit-form-beoordelen[data-kit-step="eerlijk"]', timeout=TIMEOUT)
    keys.choose("score", "8")
    keys.submit("form.kit-form-beoordelen")
    page.wait_for_selector('form.kit-form-beoordelen[data-kit-step="toegankelijk"]', timeout=TIMEOUT)
    rated = kit_store.my_answers(token, "beoordelen")
    assert rated["cijfer"] == {"score": 7.5, "note": "Op weg"} and rated["eerlijk"]["score"] == 8

    # driehoek: the three corners, the own place, a tension
    kit_store.set_activity_open(session.id, "beoordelen", False)
    kit_store.set_activity_open(session.id, "driehoek", True)
    page.wait_for_selector("form.kit-tri-scores", timeout=TIMEOUT)
    for corner, score in (("willen", "8"), ("mogen", "3"), ("kunnen", "6")):
        keys.choose(corner, score)
    keys.submit("form.kit-tri-scores")
    page.wait_for_selector(".kit-tri-position svg", timeout=TIMEOUT)
    assert kit_store.my_answers(token, "driehoek")["plaats"] == {"willen": 8, "mogen": 3, "kunnen": 6}
    keys.tab_to("el.matches('a.kit-button') && el.textContent.includes('spanningen')")
    keys.press("Enter", navigates=True)
    page.wait_for_selector('form.kit-tri-tension[data-kit-axis="willen-mogen"]', timeout=TIMEOUT)
    keys.choose("severity", "4")
    keys.tab_to("el.id === 'note'")
    keys.type("Geen geld")
    keys.submit("form.kit-tri-tension")
    page.wait_for_selector('form.kit-tri-tension[data-kit-axis="mogen-kunnen"]', timeout=TIMEOUT)
    assert kit_store.my_answers(token, "driehoek")["spanning.willen-mogen"] == {"severity": 4, "note": "Geen geld"}
    assert keys.stops > 20 and keys.compared > 20
