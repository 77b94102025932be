"""The start page in a real browser: the three ways in first, every notebook listed, language switch, offline, axe."""

from pathlib import Path
from urllib.parse import urljoin

from . import axe
from .browser import tab_to

REPO = Path(__file__).resolve().parent.parent
WIDGET_TIMEOUT = 60_000


def listed_notebooks():
    return sorted(
        p.relative_to(REPO).as_posix()
        for folder in ("workshops", "lessons")
        for p in (REPO / folder).glob("*.ipynb")
        if not p.name.startswith(("_", "."))
    )


def test_root_opens_start_page_listing_every_notebook(kit, watched):
    context = watched()
    page = context.new_page()
    page.goto(kit.url)
    page.wait_for_selector(".kit-card", timeout=WIDGET_TIMEOUT)
    assert page.url.endswith("/voila/render/start.ipynb")
    assert page.locator("h1").first.inner_text().startswith("Publieke waarde")
    shown = sorted(page.locator(".kit-card").evaluate_all("cards => cards.map(c => c.getAttribute('data-kit-entry'))"))
    assert shown == listed_notebooks()
    assert "lessons/01-wat-is-publieke-waarde.ipynb" in shown


def test_language_switch_shows_english(kit, watched):
    context = watched()
    page = context.new_page()
    page.goto(kit.render_url("start.ipynb"))
    page.wait_for_selector(".kit-card", timeout=WIDGET_TIMEOUT)
    page.get_by_role("link", name="English").click()
    page.wait_for_selector("text=Public value: a workshop kit", timeout=WIDGET_TIMEOUT)
    assert "lang=en" in page.url
    assert page.title() == "Public value: a workshop kit for municipalities"
    lesson_link = page.locator('.kit-card a[href*="01-wat-is-publieke-waarde"]')
    assert "What is public value" in lesson_link.inner_text()
    assert lesson_link.get_attribute("href").endswith("?lang=en")
    join_card = page.locator('a.kit-way[data-kit-way="join"]')
    assert join_card.inner_text().startswith("Join as a participant")
    assert join_card.get_attribute("href") == "../../kit/?lang=en"


def test_lesson_shows_one_language_at_a_time(kit, watched):
    page = watched().new_page()
    page.goto(kit.render_url("lessons/01-wat-is-publieke-waarde.ipynb", "lang=en"))
    page.wait_for_selector(".widget-dropdown", timeout=WIDGET_TIMEOUT)
    assert page.get_by_role("heading", name="What is public value?").is_visible()
    assert page.title() == "What is public value?"
    assert not page.get_by_role("heading", name="Wat is publieke waarde?").is_visible()
    # the exercise speaks English too
    page.get_by_role("button", name="Check").click()
    page.wait_for_selector("text=First choose a cell", timeout=10_000)


def test_learning_path_leads_from_the_basics_to_the_workshop(kit, watched):
    page = watched().new_page()
    page.goto(kit.render_url("start.ipynb"))
    page.wait_for_selector(".kit-path", timeout=WIDGET_TIMEOUT)
    step = page.locator('.kit-path-step[data-kit-workshop="workshops/publieke-waarde-tafel.ipynb"]')
    assert "Vóór de workshop ‘Publieke waarde tafel’" in step.locator("h3").inner_text()
    first = step.locator("ol").first.locator("a")
    assert first.first.inner_text() == "Wat is publieke waarde?"
    assert first.count() >= 4
    step.get_by_role("link", name="Het waardenpalet").click()
    page.wait_for_selector(".widget-dropdown", timeout=WIDGET_TIMEOUT)
    assert page.url.split("?")[0].endswith("/lessons/02-waardenpalet.ipynb")


WAYS = {  # card -> where it leads, and something that page shows
    "tafel": ("voila/render/workshops/publieke-waarde-tafel.ipynb?lang=nl", ".kit-tafel-preview"),
    "facilitator": ("voila/render/workshops/facilitator.ipynb?lang=nl", ".kit-f-title input"),
    "join": ("kit/?lang=nl", "input[name=code]"),
}
CARD_FACTS = """cards => cards.map((card) => {
  const box = card.getBoundingClientRect();
  const parts = [card, ...card.querySelectorAll('*')];
  const clippers = [];
  for (let el = card.parentElement; el; el = el.parentElement) {
    if (getComputedStyle(el).overflow !== 'visible') { clippers.push(el.getBoundingClientRect()); }
  }
  const centre = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
  return {
    way: card.dataset.kitWay, href: card.href, text: card.innerText,
    top: box.top, bottom: box.bottom, left: box.left, right: box.right,
    insideLink: !!card.parentElement.closest('a'), linksInside: card.querySelectorAll('a').length,
    hitsCard: card.contains(centre),
    cut: parts.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
              .map((el) => el.className),
    clipped: clippers.some((c) => box.left < c.left - 1 || box.right > c.right + 1 || box.top < c.top - 1
                                  || box.bottom > c.bottom + 1),
  };
})"""


def test_three_ways_in_are_whole_card_links_above_the_fold(kit, watched):
    context = watched(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(kit.render_url("start.ipynb"))
    page.wait_for_selector("a.kit-way", timeout=WIDGET_TIMEOUT)
    facts = page.locator("a.kit-way").evaluate_all(CARD_FACTS)
    assert [f["way"] for f in facts] == list(WAYS)
    for fact in facts:
        assert 0 <= fact["top"] and fact["bottom"] <= 900 and 0 <= fact["left"] and fact["right"] <= 1280, fact
        assert fact["cut"] == [] and not fact["clipped"], fact
        assert fact["hitsCard"] and not fact["insideLink"] and fact["linksInside"] == 0, fact
        assert fact["href"] == kit.url + WAYS[fact["way"]][0]
        title, purpose = fact["text"].split("\n", 1)
        assert title.strip() and purpose.strip(), fact
    assert "Meedoen als deelnemer" in facts[2]["text"]
    # every card link underlined and coloured, not by colour alone
    style = page.locator(".kit-way-title").first.evaluate(
        "el => [getComputedStyle(el).textDecorationLine, getComputedStyle(el).color]"
    )
    assert "underline" in style[0] and style[1] != "rgb(0, 0, 0)"
    lesson_link = page.locator(".kit-card h3 a").first
    assert "underline" in lesson_link.evaluate("el => getComputedStyle(el).textDecorationLine")
    found = axe.violations(page, axe.install())
    assert found == [], axe.report(found)
    # the keyboard reaches the first card and shows where it is
    tab_to(page, "el.dataset && el.dataset.kitWay === 'tafel'")
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert outline[0] != "none" and outline[1] >= 2
    # each card leads to its page: the two Voila pages in a tab of their own, then the participants' code form;
    # the page goes by one name, the card's title, in its heading and on its tab (not its file name)
    assert page.title() == page.locator("h1").first.inner_text() == "Publieke waarde: werkplaats voor gemeenten"
    names = {fact["way"]: fact["text"].split("\n", 1)[0].strip() for fact in facts}
    for way in ("tafel", "facilitator"):
        target = context.new_page()
        target.goto(urljoin(page.url, page.locator(f'a.kit-way[data-kit-way="{way}"]').get_attribute("href")))
        assert target.url == kit.url + WAYS[way][0]
        target.wait_for_selector(WAYS[way][1], timeout=WIDGET_TIMEOUT)
        assert (target.title(), target.locator("h1").first.inner_text()) == (names[way], names[way])
        target.close()
    page.locator('a.kit-way[data-kit-way="join"]').click()
    page.wait_for_selector(WAYS["join"][1], timeout=WIDGET_TIMEOUT)
    assert page.url == kit.url + WAYS["join"][0]
