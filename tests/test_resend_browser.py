"""Through a proxy that loses things: the page's script sends a post again, and the live stream comes back.

Playwright stands in for the proxy: it answers the first post with a 502 after the kit stored it
(the answer was lost on the way back), or drops it before it arrives, or refuses the first live
stream. The kit must store every answer exactly once and the phone must end where it would have.
"""

import re

from .browser import add_value, join

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}
# What Chromium logs about the failures the test itself made (a 502, a dropped post, a refused stream).
EXPECTED = re.compile(r"status of 50[23]|net::ERR_|EventSource's response has a MIME type")


def drop_expected(context):
    context.console_errors[:] = [m for m in context.console_errors if not EXPECTED.search(m)]


def lose_first_post(page, pattern, after_it_arrived: bool) -> dict:
    """The first POST to ``pattern`` gets no answer: the kit stored it and the proxy said 502, or it never arrived."""
    seen = {"posts": 0}

    def handle(route):
        if route.request.method != "POST":
            route.continue_()
            return
        seen["posts"] += 1
        if seen["posts"] > 1:
            route.continue_()
        elif after_it_arrived:
            route.fetch(max_redirects=0)  # the kit gets it and stores it, and the answer is lost on the way back
            route.fulfill(status=502, content_type="text/html", body="<h1>502 Bad Gateway</h1>")
        else:
            route.abort("connectionreset")

    page.route(pattern, handle)
    return seen


def test_a_post_whose_answer_was_lost_is_sent_again_and_stored_once(kit, watched, new_session, kit_store):
    session = new_session(activities=("palet",))
    context = watched(**PHONE)
    page = context.new_page()
    page.goto(f"{kit.url}kit/{session.code}")
    joining = lose_first_post(page, "**/join", after_it_arrived=True)
    page.get_by_label("Inwoner", exact=True).check()
    page.fill("#name", "Anna")
    page.get_by_role("button", name="Doe mee").click()
    banner = page.wait_for_selector("#kit-sending", timeout=5_000)
    assert "Versturen lukt nog niet" in banner.inner_text() and banner.get_attribute("role") == "status"
    page.wait_for_selector(".kit-joined", timeout=10_000)
    assert "Anna" in page.inner_text(".kit-joined") and page.url.rstrip("/").endswith(f"/kit/{session.code}")
    assert joining["posts"] == 2 and kit_store.participant_counts(session.id) == {"inwoner": 1}

    page.goto(f"{kit.url}kit/{session.code}/palet")
    adding = lose_first_post(page, "**/palet", after_it_arrived=False)  # dropped before it reached the kit
    add_value(page, "Vertrouwen", "collectief, proces")
    assert adding["posts"] == 2
    page.unroute("**/palet")
    page.goto(f"{kit.url}kit/{session.code}/palet")  # without the notice of the value before
    adding = lose_first_post(page, "**/palet", after_it_arrived=True)
    add_value(page, "Zorgvuldigheid", "individueel, proces")
    assert adding["posts"] == 2
    stored = [a.value["text"] for a in kit_store.answers(session.id, "palet")]
    assert sorted(stored) == ["Vertrouwen", "Zorgvuldigheid"]  # each once
    assert page.locator("#kit-sending").count() == 0
    drop_expected(context)


def test_a_post_nobody_ever_answers_keeps_what_was_typed_and_says_so(kit, watched, new_session, kit_store):
    session = new_session(activities=("palet",))
    context = watched(**PHONE)
    page = join(context, kit, session.code, "Inwoner")
    page.goto(f"{kit.url}kit/{session.code}/palet")
    page.clock.install()  # the pauses between resends pass at once
    page.route("**/palet", lambda route: route.abort() if route.request.method == "POST" else route.continue_())
    page.fill("#text", "Rechtvaardigheid")
    page.get_by_label("collectief, proces", exact=True).check()
    page.locator("form.kit-form-palet button[type=submit]").click()
    for _ in range(60):  # each resend fails at once; its pause passes on the page's clock
        if page.locator("#kit-sending[role=alert]").count():
            break
        page.clock.run_for(16_000)
        page.wait_for_timeout(100)
    assert "Niet verstuurd" in page.inner_text("#kit-sending")
    assert page.input_value("#text") == "Rechtvaardigheid"  # nothing typed is lost
    assert kit_store.answers(session.id, "palet") == []
    page.unroute("**/palet")
    page.locator("form.kit-form-palet button[type=submit]").click()  # the connection is back: send again
    page.wait_for_selector(".kit-notice", timeout=10_000)
    assert [a.value["text"] for a in kit_store.answers(session.id, "palet")] == ["Rechtvaardigheid"]
    drop_expected(context)


def test_without_javascript_the_forms_still_work(kit, watched, new_session, kit_store):
    session = new_session(activities=("palet",))
    page = join(watched(**PHONE, java_script_enabled=False), kit, session.code, "Inwoner")
    page.goto(f"{kit.url}kit/{session.code}/palet")
    assert page.locator("form.kit-form-palet input[name=_once]").count() == 1
    add_value(page, "Openheid", "collectief, proces")
    assert [a.value["text"] for a in kit_store.answers(session.id, "palet")] == ["Openheid"]


def test_a_refused_live_stream_is_opened_again_and_the_phone_follows(kit, watched, new_session, kit_store):
    """A full server or a proxy answers the stream with a 503: the browser gives up on it, the page tries again."""
    session = new_session(activities=("palet", "beoordelen"), open=())
    context = watched(**PHONE)
    page = join(context, kit, session.code, "Inwoner")
    refused = {"n": 0}

    def stream(route):
        refused["n"] += 1
        if refused["n"] == 1:
            route.fulfill(status=503, content_type="text/html", body="<h1>503</h1>", headers={"Retry-After": "1"})
        else:
            route.continue_()

    page.route("**/events**", stream)
    page.clock.install()  # the 30-60 s until the page tries again pass at once
    page.reload()
    page.wait_for_selector(".kit-waiting", timeout=10_000)
    for _ in range(100):
        if refused["n"]:
            break
        page.wait_for_timeout(50)
    page.clock.run_for(61_000)
    kit_store.set_activity_open(session.id, "palet", True)
    page.wait_for_selector("form.kit-form-palet", timeout=10_000)  # followed after all
    assert refused["n"] >= 2
    drop_expected(context)
