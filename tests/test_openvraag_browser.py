"""Open vraag in Chromium: a 320 px phone answers with the keyboard alone (axe-clean, nothing wider than the phone),
and the word cloud once revealed, on that phone and on the projector at 1366x768 and 1920x1080: no two words overlap,
none is wider than the screen, sizes grow in proportion to the counts, the smallest reads as the text around it, and
the projector does not scroll."""

import pytest

from widgets.model.links import facilitator_cookie
from widgets.model.sessions import SessionSpec

from . import axe
from .browser import join, tab_to
from .looking import horizontal_overflow, settle, vertical_scroll

ACTIVITY = "openvraag"
# Six others answer through the store: woningen 5 (one of them "woning"), betaalbaar 3 (one "betaalbare"), groen 3 (one
# "groene"), the other words once.
OTHERS = (
    "Betaalbare woningen en groen",
    "Woningen voor starters",
    "Groene woningen",
    "Een woning dichtbij zorg",
    "betaalbaar en groen",
    "Woningen, betaalbaar, veilig",
)
WORDS = """(root) => Array.from(document.querySelectorAll(root + ' svg.kit-cloud-word')).map((s) => {
  const r = s.getBoundingClientRect();
  return {x: r.left, y: r.top, w: r.width, h: r.height, n: Number(s.dataset.kitCount), text: s.textContent,
          body: parseFloat(getComputedStyle(s.closest('.kit-cloud')).fontSize)};
})"""


@pytest.fixture(scope="module")
def axe_script():
    return axe.install()


def room(store):
    session, key = store.create_session(
        SessionSpec(title="Woonvisie 2030", topic="wonen", municipality="Gouda", language="nl", activities=(ACTIVITY,))
    )
    store.set_activity_open(session.id, ACTIVITY, True)
    for n, text in enumerate(OTHERS):
        person = store.join(session.code, session.groups[n % 2].key)
        store.submit(person.token, ACTIVITY, {f"{n:012x}": {"text": text}})
    return session, key


def assert_cloud_reads(page, root: str, width: int, where: str):
    """No overlap, within the screen, one size per count growing in proportion, the smallest as large as the text."""
    words = page.evaluate(WORDS, root)
    assert len(words) >= 6, where
    for i, a in enumerate(words):
        assert a["x"] >= 0 and a["x"] + a["w"] <= width + 0.5, f"{where}: {a['text']} sticks out"
        for b in words[i + 1 :]:
            overlap_x = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            overlap_y = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            assert overlap_x <= 0.5 or overlap_y <= 0.5, f"{where}: {a['text']} and {b['text']} overlap"
    heights = {}
    for word in words:
        heights.setdefault(word["n"], set()).add(round(word["h"], 1))
    assert all(len(h) == 1 for h in heights.values()), f"{where}: one count, several sizes: {heights}"
    size = {n: h.pop() for n, h in heights.items()}
    counts = sorted(size)
    top = counts[-1]
    assert counts[0] == 1 and top >= 3, where
    step = (size[top] - size[1]) / (top - 1)
    assert step > 0
    for n in counts:
        assert size[n] == pytest.approx(size[1] + step * (n - 1), abs=1.0), f"{where}: {n} not in proportion"
    smallest_font = size[1] / 1.3  # a word's box is 1,3 times its size
    assert smallest_font >= words[0]["body"] - 0.5, f"{where}: the smallest word is smaller than the text"


def test_a_phone_answers_by_keyboard_and_reads_the_cloud_at_320_px(kit, kit_store, watched, axe_script):
    session, _ = room(kit_store)
    phone = join(watched(viewport={"width": 320, "height": 640}, bypass_csp=True), kit, session.code, "Inwoner")
    phone.goto(f"{kit.url}kit/{session.code}/{ACTIVITY}")
    assert phone.inner_text("#question") == "Waar doen we het voor?"
    assert not axe.violations(phone, axe_script)
    tab_to(phone, "el.id === 'text'")
    phone.keyboard.type("Betaalbare woningen voor iedereen")
    phone.keyboard.press("Enter")
    phone.wait_for_selector(".kit-notice")
    assert phone.inner_text(".kit-notice") == "Uw antwoord is opgeslagen: Betaalbare woningen voor iedereen"
    assert "Betaalbare woningen voor iedereen" in [a.value["text"] for a in kit_store.answers(session.id, ACTIVITY)]
    kit_store.set_state(session.id, ACTIVITY, "reveal", True)
    phone.reload()
    phone.wait_for_selector('[data-kit-cloud="*"] svg.kit-cloud-word')
    assert not axe.violations(phone, axe_script)
    assert horizontal_overflow(phone) == []
    assert_cloud_reads(phone, '[data-kit-cloud="*"]', 320, "phone 320")
    # woningen: five of the others (one typed "woning") and this phone; betaalbaar: two, betaalbare: two
    table = dict(
        zip(
            phone.locator('[data-kit-cloud="*"] tbody th').all_text_contents(),
            phone.locator('[data-kit-cloud="*"] tbody td').all_text_contents(),
            strict=True,
        )
    )
    assert table["woningen"] == "6" and table["betaalbaar"] == "4" and table["groen"] == "3"


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (320, 640)], ids=["1366x768", "1920x1080", "320"])
def test_the_projector_shows_the_question_and_a_cloud_that_reads(kit, kit_store, watched, size):
    session, key = room(kit_store)
    kit_store.set_state(session.id, ACTIVITY, "question", "Wat maakt onze gemeente goed om in te wonen?")
    kit_store.set_state(session.id, ACTIVITY, "reveal", True)
    width, height = size
    context = watched(viewport={"width": width, "height": height})
    host = kit.url.split("//", 1)[1].split(":", 1)[0]
    context.context.add_cookies([{"name": facilitator_cookie(session.code), "value": key, "domain": host, "path": "/"}])
    screen = context.new_page()
    screen.goto(f"{kit.url}kit/{session.code}/scherm")
    screen.wait_for_selector('[data-kit-cloud="*"] svg.kit-cloud-word')
    settle(screen)
    assert screen.inner_text("[data-kit-question]") == "Wat maakt onze gemeente goed om in te wonen?"
    assert_cloud_reads(screen, '[data-kit-cloud="*"]', width, f"screen {width}x{height}")
    if width >= 900:  # a projector is paged, never scrolled
        assert vertical_scroll(screen) == [] and horizontal_overflow(screen) == []
