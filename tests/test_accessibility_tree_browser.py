"""What a screen reader announces and what a person still reads when the text is spaced, reflowed or zoomed,
on every participant screen, in Chromium (issue 30, point 5: accessibility beyond axe).

One room for the module: the nine phones of the looking suite (tests/test_looking_browser.py) answer all nine
activities, the facilitator reveals each and releases the results page, and every activity stays open. The
screens (``PAGES``) are looked at by a visitor (the code form, a wrong code, the join form), by a newcomer
who joined but answered nothing (the list of activities, each activity's first form with the room's results
under it) and by the ninth phone (each activity's last page with its answers and the revealed results, the
results page). Per screen:

* the accessibility tree (Chromium's, through the debugging protocol): every control is named, in the page's
  language (no catalog id, no text of the other language, numbers with the language's decimal sign), radio
  buttons and checkboxes carry their checked state, each radio button sits in a named group (WCAG 1.3.1,
  4.1.2, 3.1.1, 2.4.6);
* an empty form sent: its error summary has the focus and is an alert, each refused field is invalid, says
  its message as its description and is announced as required beforehand (3.3.1, 3.3.2, 3.3.3, 4.1.3);
* text spacing at 320 px (1.4.12), reflow at 320 px (1.4.10), 200 % zoom with no word broken (1.4.4);
* Tab through the whole page: the focus goes down the page, left to right on a line, and is always shown
  (2.4.3, 2.4.7);
* group colours come with words (1.4.1); a reveal and the points left are announced (4.1.3).
"""

import re
from functools import cache
from urllib.parse import urlparse

import pytest
from babel.messages.pofile import read_po

from widgets.activities import KEYS
from widgets.model.results import RESULTS

from .kit_server import REPO
from .looking import broken_tokens, horizontal_overflow
from .test_accessibility_browser import Keyboard
from .test_looking_browser import PHONE_PAGE, make_room

TIMEOUT = 15_000
PHONE = {"width": 375, "height": 740}
SMALL = {"width": 320, "height": 640}
ZOOMED = {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2}  # 1280 x 900 at 200 %
LANGUAGES = ("nl", "en")

# ------------------------------------------------------------------------------------------- the screens
# name: (who looks, address after kit/ with CODE for the session's code, what shows the page is ready)
PAGES = {
    "code": ("visitor", "", "input#code"),
    "wrong-code": ("visitor", "?code=AAAAAA", ".kit-error-summary"),
    "join": ("visitor", "CODE", "fieldset#group"),
    "home": ("newcomer", "CODE/", ".kit-cards"),
    **{key: ("newcomer", f"CODE/{key}", "main form, .kit-notice") for key in KEYS},
    **{f"{key}-revealed": ("answered", f"CODE/{PHONE_PAGE.get(key, key)}", "[data-kit-results]") for key in KEYS},
    "resultaten": ("answered", f"CODE/{RESULTS}", ".kit-results-download"),
}
# the screens with a form that refuses an empty answer; eigen, sturingsscan and democratie are left out: their
# statements may be skipped (sent empty, the next one follows)
FORMS = ["code", "join", "palet", "prioriteren", "beoordelen", "driehoek", "raadsenquete", "trap", "succesfactoren"]
# the screens whose empty answer is refused as a whole ("choose at least one", "spread the 100 points"): no field
# of them is required on its own
AS_A_WHOLE = {"raadsenquete", "prioriteren", "succesfactoren"}
REVEALED = [f"{key}-revealed" for key in KEYS] + ["resultaten"]


class Room:
    """The module's session, its participants' cookies, and one browser context per (who, language, size)."""

    def __init__(self, kit, store, browser):
        self.kit, self.store, self.browser = kit, store, browser
        made = make_room(store, KEYS)
        self.code, self.answered = made.code, made.me
        self.session = store.session_by_code(self.code)
        for key in KEYS:
            store.set_activity_open(self.session.id, key, True)
        self.tokens = {"visitor": "", "answered": self.answered}
        self.contexts: dict = {}
        self.problems: list = []

    def token(self, who: str) -> str:
        if who not in self.tokens:  # a newcomer of their own per use: what one of them sends leaves the others alone
            self.tokens[who] = self.store.join(self.code, "inwoner").token
        return self.tokens[who]

    def page(self, who: str, lang: str = "nl", kind: str = "phone"):
        key = (who, lang, kind)
        if key not in self.contexts:
            args = {"phone": {"viewport": PHONE}, "small": {"viewport": SMALL}, "zoom": ZOOMED}[kind]
            context = self.browser.new_context(**args)
            if self.token(who):
                host = urlparse(self.kit.url).hostname
                context.add_cookies(
                    [{"name": f"kit_p_{self.code}", "value": self.token(who), "domain": host, "path": "/kit/"}]
                )
            page = context.new_page()
            page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
            self.contexts[key] = page
        return self.contexts[key]

    def open(self, name: str, lang: str = "nl", kind: str = "phone", who: str = ""):
        """The screen ``name`` in a fresh load, in ``lang``."""
        owner, path, ready = PAGES[name]
        page = self.page(who or owner, lang, kind)
        path = path.replace("CODE", self.code)
        page.goto(f"{self.kit.url}kit/{path}{'&' if '?' in path else '?'}lang={lang}")
        page.wait_for_selector(ready, timeout=TIMEOUT)
        return page

    def close(self):
        for page in self.contexts.values():
            page.context.close()


@pytest.fixture(scope="module")
def room(kit, kit_store, browser):
    made = Room(kit, kit_store, browser)
    yield made
    made.close()
    assert made.problems == [], made.problems


# ------------------------------------------------------------------------------------------- the tree
CONTROLS = {
    "button",
    "link",
    "textbox",
    "searchbox",
    "spinbutton",
    "radio",
    "checkbox",
    "slider",
    "combobox",
    "listbox",
    "switch",
    "menuitem",
    "tab",
    "image",
    "img",
}
TOGGLES = {"radio", "checkbox", "switch"}


class Tree:
    """Chromium's accessibility tree of the page as it is now (what a screen reader is given)."""

    def __init__(self, page):
        cdp = page.context.new_cdp_session(page)
        try:
            nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
        finally:
            cdp.detach()
        self.nodes = {n["nodeId"]: n for n in nodes if not n.get("ignored")}
        self.all = {n["nodeId"]: n for n in nodes}

    @staticmethod
    def role(node) -> str:
        return node.get("role", {}).get("value", "")

    @staticmethod
    def name(node) -> str:
        return " ".join(str(node.get("name", {}).get("value", "")).split())

    @staticmethod
    def prop(node, name: str):
        for each in node.get("properties", []):
            if each["name"] == name:
                return each["value"].get("value")
        return None

    def ancestors(self, node):
        parent = node.get("parentId")
        while parent in self.all:
            node = self.all[parent]
            yield node
            parent = node.get("parentId")

    def controls(self):
        return [n for n in self.nodes.values() if self.role(n) in CONTROLS]


def said(node) -> str:
    return f"{Tree.role(node)} {Tree.name(node)!r}"


@cache
def catalog(lang: str) -> dict:
    with open(REPO / "widgets" / "locale" / lang / "LC_MESSAGES" / "kit.po", "rb") as handle:
        messages = read_po(handle)
    found = {}
    for message in messages:
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        found[message.id if isinstance(message.id, str) else message.id[0]] = [
            " ".join(text.split()).lower() for text in texts if text and "{" not in text
        ]
    return found


@cache
def foreign(lang: str) -> frozenset:
    """The kit's texts in the other languages that this language's catalog does not also have."""
    own = {text for texts in catalog(lang).values() for text in texts}
    return (
        frozenset(text for other in LANGUAGES if other != lang for texts in catalog(other).values() for text in texts)
        - own
    )


CATALOG_ID = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$")
WRONG_DECIMAL = {"nl": re.compile(r"^\d+\.\d+$"), "en": re.compile(r"^\d+,\d+$")}


def unannounced(tree: Tree, lang: str, marked=()) -> list[str]:
    """What a screen reader would get wrong on this page: controls without a name or in the wrong words, radio
    buttons and checkboxes without their state, radio buttons outside a named group. ``marked``: the texts the
    page marks as another language (``lang="nl"`` on a Dutch session's group names), which are read in it."""
    found = []
    root = [n for n in tree.nodes.values() if tree.role(n) == "RootWebArea"]
    if not root or not tree.name(root[0]):
        found.append("the page has no title")
    for node in tree.controls():
        name, role = tree.name(node), tree.role(node)
        if not name:
            found.append(f"a {role} without a name")
            continue
        if CATALOG_ID.match(name):
            found.append(f"{said(node)}: a catalog id, not words")
        other = name.lower() in foreign(lang) or name.split(":")[0].strip().lower() in foreign(lang)
        if other and name not in marked:
            found.append(f"{said(node)}: words of another language on a page in {lang!r}")
        if WRONG_DECIMAL[lang].match(name):
            found.append(f"{said(node)}: a number not written as {lang!r} readers write it")
        if role in TOGGLES and tree.prop(node, "checked") not in ("true", "false", "mixed"):
            found.append(f"{said(node)}: no checked state")
        if role == "radio" and not any(
            tree.role(up) in ("group", "radiogroup") and tree.name(up) for up in tree.ancestors(node)
        ):
            found.append(f"{said(node)}: not in a named group (the question is not announced with it)")
    return found


MARKED = (
    "(lang) => Array.from(document.querySelectorAll('body [lang]'))"
    ".filter((el) => el.lang !== lang).map((el) => el.innerText.replace(/\\s+/g, ' ').trim())"
)
CHECKED = (
    "() => Array.from(document.querySelectorAll('input[type=radio]:checked, input[type=checkbox]:checked'))"
    ".map((el) => el.labels[0].innerText.replace(/\\s+/g, ' ').trim())"
)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(PAGES))
def test_every_control_is_announced_with_its_name_and_state(name, lang, room):
    page = room.open(name, lang)
    assert page.evaluate("document.documentElement.lang") == lang
    tree = Tree(page)
    found = unannounced(tree, lang, page.evaluate(MARKED, lang))
    assert found == [], f"{name} in {lang}:\n" + "\n".join(found)
    # the radio buttons a person sees chosen are the ones announced as checked
    checked = sorted(tree.name(n) for n in tree.controls() if tree.prop(n, "checked") == "true")
    assert checked == sorted(page.evaluate(CHECKED)), f"{name} in {lang}: checked states differ from what is shown"


def test_an_answered_form_announces_its_choices_as_checked(room):
    """The check above can fail: a phone that answered hears its choices as checked, a newcomer none of them."""
    tree = Tree(room.open("trap-revealed"))
    assert [tree.name(n) for n in tree.controls() if tree.prop(n, "checked") == "true"]
    tree = Tree(room.open("trap"))
    assert [tree.name(n) for n in tree.controls() if tree.prop(n, "checked") == "true"] == []


def test_the_tree_check_finds_a_nameless_button_and_dutch_on_an_english_page(room):
    page = room.open("join", "en")
    page.evaluate("""() => {
      document.querySelector('main form').insertAdjacentHTML('beforeend',
        '<button type=button><svg width=20 height=20></svg></button><button type=button>Doe mee</button>');
    }""")
    found = unannounced(Tree(page), "en")
    assert "a button without a name" in found
    assert any("'Doe mee': words of another language" in f for f in found), found


# ------------------------------------------------------------------------------------------- refused
REFUSED = """() => Array.from(document.querySelectorAll('.kit-error[id$="-error"]')).map((error) => ({
  id: error.id,
  message: error.innerText.replace(/\\s+/g, ' ').trim(),
  fields: Array.from(document.querySelectorAll('[aria-describedby]'))
    .filter((el) => el.getAttribute('aria-describedby').split(/\\s+/).includes(error.id))
    .map((el) => el.tagName.toLowerCase() === 'fieldset' ? '#' + el.id : '#' + el.id),
}))"""


def ax_of(page, selector: str) -> list:
    """The accessibility nodes of the elements ``selector`` finds (what the screen reader hears of each)."""
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        found = []
        for node_id in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]:
            nodes = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node_id, "fetchRelatives": False})["nodes"]
            found.append(nodes[0])
        return found
    finally:
        cdp.detach()


def description(node) -> str:
    return " ".join(str(node.get("description", {}).get("value", "")).split())


@pytest.mark.parametrize("name", FORMS)
def test_an_empty_answer_is_refused_out_loud(name, room):
    """Sent empty: the summary of errors has the focus and is an alert; every refused field is announced invalid,
    with its message, and was announced as required before it was sent."""
    page = room.open(name, who=f"refused-{name}" if PAGES[name][0] == "newcomer" else "")
    page.locator('main form:not([action$="not-me"]) button[type=submit]').first.click()
    page.wait_for_selector(".kit-error-summary", timeout=TIMEOUT)
    focused = page.evaluate("document.activeElement.matches('.kit-error-summary')")
    assert focused, f"{name}: the error summary does not have the focus"
    assert [Tree.role(n) for n in ax_of(page, ".kit-error-summary")] == ["alert"]
    refused = page.evaluate(REFUSED)
    assert refused, f"{name}: an empty answer shows no message at a field"
    for error in refused:
        assert error["fields"], f"{name}: {error['message']!r} is not the description of any field"
        for selector in error["fields"]:
            (field,) = ax_of(page, selector)
            assert Tree.prop(field, "invalid") == "true", f"{name}: {said(field)} is not announced as invalid"
            words = error["message"].split(":", 1)[-1].strip()
            assert words in description(field), f"{name}: {said(field)} is described as {description(field)!r}"
            if name in AS_A_WHOLE:
                continue
            # a radio button cannot say it (ARIA has aria-required on its group): the group must
            assert Tree.prop(field, "required") is True, (
                f"{name}: {said(field)} must be answered but is not announced as required"
            )


# ------------------------------------------------------------------------------------------- spacing
# WCAG 1.4.12's text spacing, as the W3C's bookmarklet sets it: a constructed style sheet, which the pages'
# Content-Security-Policy (style-src 'self') leaves to the reader as a browser extension would.
SPACING = """() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
                         word-spacing: 0.16em !important; }
                     p { margin-bottom: 2em !important; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const style = getComputedStyle(document.querySelector('main h1'));
  return parseFloat(style.letterSpacing) / parseFloat(style.fontSize);
}"""

CLIPPED = """() => {
  const shown = (el) => !el.closest('.kit-visually-hidden, script, style, svg') &&
    el.checkVisibility({opacityProperty: true, visibilityProperty: true}) &&
    el.getBoundingClientRect().width >= 2 && el.getBoundingClientRect().height >= 2;
  const words = (el) => (el.innerText || '').replace(/\\s+/g, ' ').trim().slice(0, 50);
  const found = [];
  for (const el of document.querySelectorAll('main *, header *')) {
    if (!shown(el) || el.matches('input, textarea, select')) continue;
    const style = getComputedStyle(el);
    const clips = (o) => o === 'hidden' || o === 'clip';
    if ((clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1) ||
        (clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1)) {
      found.push(`${el.tagName.toLowerCase()}.${el.className} "${words(el)}" clips its text`);
    }
  }
  // lines of text of different elements drawn over each other (sticky bars excepted: they have a background)
  const lines = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walk.nextNode()) {
    const node = walk.currentNode, parent = node.parentElement;
    if (!node.data.trim() || !shown(parent)) continue;
    let stuck = false;
    for (let up = parent; up; up = up.parentElement) {
      if (['sticky', 'fixed'].includes(getComputedStyle(up).position)) { stuck = true; break; }
    }
    if (stuck) continue;
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) if (r.width > 1 && r.height > 1) lines.push([r, parent, node]);
  }
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const [a, pa, na] = lines[i], [b, pb, nb] = lines[j];
      if (na === nb) continue;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 2 && h > 2) {
        const text = (n, p) => `"${n.data.trim().slice(0, 30)}" (${p.tagName.toLowerCase()})`;
        found.push(`${text(na, pa)} and ${text(nb, pb)} overlap by ${w.toFixed(0)} x ${h.toFixed(0)} px`);
      }
    }
  }
  return found;
}"""


# A data table may scroll sideways in a region of its own (WCAG 1.4.10's exception for two-dimensional content) when
# the keyboard can reach the region and it has a name; the page itself never does.
SCROLLERS = """() => Array.from(document.querySelectorAll('main *'))
  .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
  .filter((el) => !(el.tabIndex >= 0 && (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby'))))
  .map((el) => `${el.tagName.toLowerCase()}.${el.className} scrolls sideways, not reached by name with the keyboard`)"""


def lost(page) -> list[str]:
    """What a person at 320 px misses: the page scrolls sideways, text is clipped or drawn over other text."""
    found = [f for f in horizontal_overflow(page) if "hidden until swiped sideways" not in f]
    return found + page.evaluate(SCROLLERS) + page.evaluate(CLIPPED)


@pytest.mark.parametrize("name", list(PAGES))
def test_text_spacing_and_reflow_at_320_px_lose_nothing(name, room):
    page = room.open(name, kind="small")
    found = lost(page)
    assert found == [], f"{name} at 320 px:\n" + "\n".join(found)
    assert page.evaluate(SPACING) == pytest.approx(0.12, abs=0.005)  # the spacing is applied
    found = lost(page)
    assert found == [], f"{name} at 320 px with WCAG 1.4.12's text spacing:\n" + "\n".join(found)


def test_the_spacing_check_finds_text_that_runs_over_other_text(room):
    page = room.open("join", kind="small")
    page.evaluate("document.querySelector('main h1').style.height = '0.5rem'")
    assert any("overlap" in f for f in page.evaluate(CLIPPED))


@pytest.mark.parametrize("name", list(PAGES))
def test_no_word_broken_at_200_percent_zoom(name, room):
    page = room.open(name, kind="zoom")
    assert page.evaluate("window.devicePixelRatio") == 2
    found = horizontal_overflow(page) + broken_tokens(page, "body")
    assert found == [], f"{name} at 200 % zoom:\n" + "\n".join(found)


# ------------------------------------------------------------------------------------------- focus order
WHERE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const shown = el.matches('input[type=radio], input[type=checkbox]') && el.labels && el.labels[0] || el;
  const box = shown.getBoundingClientRect();
  const words = (el.innerText || el.value || el.getAttribute('aria-label') || '').replace(/\\s+/g, ' ').trim();
  return {what: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + words.slice(0, 40) + '"',
          top: box.top + scrollY, bottom: box.bottom + scrollY, left: box.left, right: box.right,
          dialog: !!el.closest('dialog, [role=dialog], [role=alertdialog]')};
}"""


def reading_order(stops: list) -> list[str]:
    """Stops where the focus goes back up the page, or left along a line (a dialog may be anywhere)."""
    found = []
    for before, after in zip(stops, stops[1:], strict=False):
        if after["dialog"]:
            continue
        above = after["bottom"] <= before["top"] + 1
        same_line = after["top"] < before["bottom"] - 1 and after["bottom"] > before["top"] + 1
        leftwards = same_line and after["top"] >= before["top"] - 1 and after["right"] <= before["left"] + 1
        if above or leftwards:
            found.append(
                f"from {before['what']} (y {before['top']:.0f}) back {'up' if above else 'left'} "
                f"to {after['what']} (y {after['top']:.0f})"
            )
    return found


@pytest.mark.parametrize("name", list(PAGES))
def test_the_focus_follows_the_reading_order_and_is_always_seen(name, room):
    page = room.open(name)
    keys = Keyboard(page)  # after every key: :focus-visible, an outline or ring, not covered
    stops = []
    for _ in range(200):
        keys.press("Tab")
        where = page.evaluate(WHERE)
        if where is None or (stops and where["what"] == stops[0]["what"] and where["top"] == stops[0]["top"]):
            break
        stops.append(where)
    else:
        raise AssertionError(f"{name}: 200 Tab stops and the focus never left the page")
    assert len(stops) >= 2, f"{name}: the keyboard reaches {len(stops)} elements"
    found = reading_order(stops)
    assert found == [], f"{name}: the focus does not follow the reading order:\n" + "\n".join(found)


def test_the_reading_order_check_finds_a_jump_back_up():
    down = {"what": "b", "top": 400, "bottom": 440, "left": 0, "right": 100, "dialog": False}
    up = {"what": "a", "top": 100, "bottom": 140, "left": 0, "right": 100, "dialog": False}
    assert reading_order([up, down]) == []
    assert len(reading_order([down, up])) == 1
    assert reading_order([down, {**up, "dialog": True}]) == []


# ------------------------------------------------------------------------------------------- colour
COLOURS = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const neutral = (c) => { const v = rgb(c); return v.length < 3 || Math.max(...v) - Math.min(...v) < 24; };
  const words = (el) => (el ? el.innerText || el.textContent || '' : '').replace(/[\\d.,%×+\\-–\\s]+/g, ' ').trim();
  const seen = (el) => el.checkVisibility() && !el.closest('.kit-visually-hidden');
  const found = [];
  // the key: each colour a swatch beside words
  const keyed = new Set();
  for (const swatch of document.querySelectorAll('main svg.kit-legend-swatch')) {
    if (!words(swatch.parentElement)) continue;
    for (const shape of swatch.querySelectorAll('rect, circle, polygon, path')) keyed.add(getComputedStyle(shape).fill);
  }
  const shapes = Array.from(document.querySelectorAll('main svg :is(rect, circle, polygon, path)'))
    .filter((s) => seen(s.ownerSVGElement) && getComputedStyle(s).fill !== 'none')
    .filter((s) => !neutral(getComputedStyle(s).fill));
  for (const shape of shapes) {
    const fill = getComputedStyle(shape).fill;
    if (!keyed.has(fill)) found.push(`${fill} in ${shape.ownerSVGElement.getAttribute('class')} has no words in a key`);
  }
  // a bar: on a line that names it and gives its figure in words or numbers
  for (const bar of document.querySelectorAll('main svg.kit-block-bar, main svg.kit-block-stack')) {
    if (!seen(bar)) continue;
    const line = bar.closest('li, tr');
    if (!line || !words(line) || !/\\d/.test(line.innerText)) {
      found.push(`a bar without its name and figure beside it: "${line ? line.innerText.trim().slice(0, 40) : ''}"`);
    } else if (bar.matches('.kit-block-stack') &&
               line.querySelectorAll('.kit-share-part').length < bar.querySelectorAll('.kit-block-part').length) {
      found.push(`a bar of shares whose parts are not all written out: "${line.innerText.trim().slice(0, 60)}"`);
    }
  }
  // the triangle: each group its own shape too, the legend's
  const corners = (s) => (s.getAttribute('points') || '').trim().split(/\\s+/).length;
  const form = (s) => s.tagName === 'circle' ? 'circle' : `${s.tagName}:${corners(s)}`;
  for (const svg of document.querySelectorAll('main svg.kit-triangle')) {
    const byGroup = new Map();
    for (const mark of svg.querySelectorAll('.kit-tri-point[data-kit-group]')) {
      byGroup.set(mark.dataset.kitGroup, form(mark));
    }
    const forms = Array.from(byGroup.values());
    if (new Set(forms).size < Math.min(forms.length, 4)) {
      found.push(`groups in the triangle told apart by colour alone: ${forms}`);
    }
  }
  return {found, coloured: shapes.length};
}"""


@pytest.mark.parametrize("name", REVEALED)
def test_no_group_told_apart_by_colour_alone(name, room):
    page = room.open(name)
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    seen = page.evaluate(COLOURS)
    assert seen["found"] == [], f"{name}:\n" + "\n".join(seen["found"])


def test_the_colour_check_finds_a_bar_without_words(room):
    page = room.open("trap-revealed")
    before = page.evaluate(COLOURS)
    assert before["coloured"] > 0 and before["found"] == []
    page.evaluate(
        "document.querySelectorAll('main svg.kit-legend-swatch').forEach((s) => s.parentElement.replaceChildren(s))"
    )
    assert page.evaluate(COLOURS)["found"]


# ------------------------------------------------------------------------------------------- live regions
def live(page, selector: str):
    (node,) = ax_of(page, selector)
    return Tree.prop(node, "live")


def test_a_reveal_is_announced(room):
    """A phone on the page when the facilitator shows the results: the empty live region at the top is there
    before, and gets the words once the results are in place."""
    key = "trap"
    room.store.set_state(room.session.id, key, "reveal", False)
    try:
        page = room.open(key, who="watching")
        notice = "[data-kit-reveal-notice]"
        assert live(page, notice) in ("polite", "assertive")
        assert page.inner_text(notice).strip() == ""
        room.store.set_state(room.session.id, key, "reveal", True)
        page.wait_for_function("(n) => document.querySelector(n).innerText.trim() !== ''", arg=notice, timeout=TIMEOUT)
        assert live(page, notice) in ("polite", "assertive")
        (node,) = ax_of(page, f"{notice} a")
        assert "uitkomsten" in Tree.name(node).lower()
    finally:
        room.store.set_state(room.session.id, key, "reveal", True)


def test_the_points_left_are_announced(room):
    page = room.open("prioriteren", who="counting")
    counter = "[data-kit-counter]"
    assert live(page, counter) in ("polite", "assertive")
    before = page.inner_text(counter).strip()
    page.fill("#points-1", "30")
    assert page.inner_text(counter).strip() != before
    assert "70" in page.inner_text(counter)
    more = page.locator(".kit-stepper button").nth(1)  # the "+" beside the first value
    assert more.inner_text() == "+" and "5" in more.get_attribute("aria-label")
    more.click()
    assert "65" in page.inner_text(counter)
    assert live(page, counter) in ("polite", "assertive")
