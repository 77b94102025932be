"""The control page as a facilitator sees it at a laptop's 1366 px: the bar's buttons in one row at every step of
the run order, explanations at a readable measure, the people to remove named as the facilitator knows them."""

import pytest

from widgets.activities import KEYS
from widgets.model.sessions import SessionSpec

from .browser import LOAD, show_tab, text_box

# every visible button of the bar: its words and where its top is
BAR_BUTTONS = """() => Array.from(document.querySelectorAll('.kit-control-bar button'))
  .filter((b) => b.offsetParent !== null)
  .map((b) => ({text: b.innerText.trim(), top: Math.round(b.getBoundingClientRect().top)}))"""


@pytest.fixture(scope="module")
def dashboard(kit, browser, kit_store):
    """Every activity in the run order, five people (two named, one with markup in the name), at 1366 px."""
    spec = SessionSpec(title="Woonvisie 2030", topic="wonen", municipality="Gouda", activities=KEYS)
    session, key = kit_store.create_session(spec)
    groups = [g.key for g in session.groups]
    for n, name in enumerate(("Fatima", "", "<b>Piet</b>", "", "")):
        kit_store.join(session.code, groups[n % len(groups)], name=name)
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(kit.render_url("workshops/facilitator.ipynb", f"sessie={session.code}&sleutel={key}"))
    page.wait_for_selector(".kit-control-bar [data-kit-join-code]", timeout=LOAD)
    yield page, kit_store.session(session.id)
    context.close()


def rows(page) -> dict:
    """The bar's visible buttons by the row they stand in (their top)."""
    found = {}
    for button in page.evaluate(BAR_BUTTONS):
        found.setdefault(button["top"], []).append(button["text"])
    return found


def test_the_bars_buttons_stay_in_one_row_at_every_step_of_the_run_order(dashboard):
    page, session = dashboard
    labels = [page.get_by_role("tab").nth(n).inner_text().strip() for n in range(len(session.activities))]
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("s")  # S opens the first activity; from there the clicker walks the run order
    for index, label in enumerate(labels):
        page.wait_for_selector(f".kit-bar-activity:has(strong:text-is({label!r}))", timeout=10_000)
        page.wait_for_selector(f"button.kit-bar-open:text-is({label + ' sluiten'!r})", timeout=10_000)
        found = rows(page)
        assert len(found) == 1, (label, found)  # "← Vorige" never on a row of its own
        assert len(next(iter(found.values()))) >= 3, found  # close, results (where there are), previous and/or next
        if index < len(labels) - 1:
            page.evaluate("document.activeElement && document.activeElement.blur()")
            page.keyboard.press("PageDown")  # a clicker's next: the next activity opens alone
    assert "Vorige" in next(iter(found.values()))[-1]  # at the last activity only "previous" is left of the two

    # at another tab while one is open, "Ook openen (naast ...)" joins: a group may wrap, never a button alone
    show_tab(page, labels[5])
    page.wait_for_selector("button.kit-bar-also", state="visible", timeout=10_000)
    found = rows(page)
    assert sum(map(len, found.values())) == 5 and all(len(row) >= 2 for row in found.values()), found


def test_the_moderation_panels_explanation_reads_at_a_measure_not_a_strip(dashboard):
    page, _ = dashboard
    show_tab(page, "Teksten modereren")
    intro = page.locator(".kit-moderation p.kit-hint").first
    intro.wait_for(timeout=10_000)
    box = text_box(intro)
    box["panel"] = intro.evaluate("(p) => p.closest('.kit-moderation').clientWidth")
    box["lines"] = round(box["height"] / box["line"])
    assert box["width"] >= 0.55 * box["panel"] and box["width"] >= 560, box  # it was 460 px of 1,050
    assert box["size"] >= 13 and box["line"] <= 1.6 * box["size"], box  # lines spaced as text, not 28 px apart
    assert box["lines"] <= 3, box


def test_the_clicker_keys_line_under_the_title_is_spaced_as_text(dashboard):
    page, _ = dashboard
    keys = page.locator("p.kit-shortcuts")
    assert keys.inner_text().startswith("Sneltoetsen (niet in een tekstveld)")
    box = text_box(keys)
    assert box["line"] <= 1.6 * box["size"], box  # it was 28 px lines of 13 px text
    assert box["height"] <= 3 * box["line"] + 1, box  # two lines at 1366 px, the height of text


def test_a_tabs_state_line_that_wraps_is_spaced_as_text(dashboard):
    page, _ = dashboard
    show_tab(page, "Waardenpalet")
    line = page.locator(".kit-tab-status p:visible").first
    line.wait_for(timeout=10_000)
    box = text_box(line)
    assert box["line"] <= 1.6 * box["size"], box  # it was 28 px lines when "(openen, sluiten ...)" wrapped


def test_the_people_to_remove_are_named_by_group_and_name_or_when_they_joined(dashboard, kit_store):
    page, session = dashboard
    show_tab(page, "Teksten modereren")
    options = page.locator(".kit-remove-who select option")
    options.first.wait_for(state="attached", timeout=10_000)
    labels = [label.replace("\xa0", " ") for label in options.all_inner_texts()]  # ipywidgets keeps spaces so
    people = kit_store.participant_answers(session.id)
    assert len(labels) == len(people) == 5
    assert labels[0] == f"{session.group_label(people[0][1])} · Fatima · 0 antwoorden"
    assert labels[2] == f"{session.group_label(people[2][1])} · <b>Piet</b> · 0 antwoorden"  # as typed, as text
    assert page.locator(".kit-remove-who select b").count() == 0
    assert sum("zonder naam, aangemeld om" in label for label in labels) == 3
    assert not any(ref in label for ref, *_ in people for label in labels)  # never the reference
