"""Small groups give nothing away, seen in Chromium on a 320 px phone (the other surfaces: tests/test_disclosure.py).

A resident alone in "Inwoner" grades 3,5 beside five officials; the facilitator shows the results. The phone
reads once, above the cards, that both groups have too few participants to show (the officials' mean, beside the
room's, would give the resident away), and on the card everyone's grade, in words a screen reader reads, on a
card that does not scroll sideways.
"""

from .browser import join, rate

SMALL = {"width": 320, "height": 640}
LEFT_OUT = "Te weinig deelnemers om per groep te tonen: Inwoner, Ambtelijk."


def test_a_phone_in_a_group_of_one_reads_too_few_participants_and_no_figure(
    kit, watched, new_session, kit_store, crowd
):
    session = new_session(activities=("beoordelen",), groups=("Inwoner", "Ambtelijk"))
    phone = join(watched(viewport=SMALL), kit, session.code, "Inwoner")
    rate(phone, 3.5, [7])
    crowd(session, "ambtelijk", "beoordelen", {"cijfer": {"score": 6.5, "note": ""}}, n=5)
    kit_store.set_state(session.id, "beoordelen", "reveal", True)

    phone.goto(f"{kit.url}kit/{session.code}/beoordelen/klaar")
    card = phone.locator('[data-kit-results] [data-kit-item="cijfer"]')
    card.wait_for(timeout=10_000)
    lines = [" ".join(text.split()) for text in card.locator(".kit-score-line").all_inner_texts()]
    # everyone's grade, which gives neither away: (3,5 + 5 x 6,5) / 6; the groups named once, visibly, above
    assert lines == ["Iedereen 6,0"]
    note = phone.get_by_text(LEFT_OUT)
    assert note.count() == 1 and note.is_visible()
    assert card.locator("svg.kit-block-bar").count() == 1  # only everyone's
    results = phone.inner_text("[data-kit-results]")
    assert "3,5" not in results and "6,5" not in results
    width = phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the results scroll sideways at 320 px: {width}"
