"""The kit restarted mid-session: no acknowledged answer is lost, participants reload and resume."""

from .browser import LOAD, add_value, create_session, join, open_activity, open_facilitator
from .kit_server import KitServer


def test_restart_loses_no_answer_and_the_participant_resumes(tmp_path, browser):
    data = tmp_path / "kit"
    first = KitServer(data).start()
    try:
        facilitator = open_facilitator(browser.new_context(), first)
        code = create_session(facilitator, activities=["Waardenpalet"])
        phone = join(browser.new_context(viewport={"width": 375, "height": 740}), first, code, "Inwoner")
        open_activity(facilitator, "Waardenpalet")
        for text in ("Betaalbaarheid", "Groene wijk", "Inspraak"):
            add_value(phone, text, "individueel, materieel")  # waits for the 'opgeslagen' acknowledgement
    finally:
        first.stop()
    phone.wait_for_selector("#kit-disconnected", timeout=20_000)
    assert "Herlaad de pagina" in phone.inner_text("#kit-disconnected")

    second = KitServer(data, port=first.port).start()
    try:
        phone.locator("#kit-disconnected button").click()
        phone.wait_for_selector(".kit-joined", timeout=LOAD)
        assert "Inwoner" in phone.inner_text(".kit-joined")
        phone.wait_for_selector(".kit-palet-mine .kit-mine-text", timeout=LOAD)
        mine = sorted(phone.locator(".kit-palet-mine .kit-mine-text").all_inner_texts())
        assert mine == ["Betaalbaarheid", "Groene wijk", "Inspraak"]

        import os

        from widgets.store import open_store

        store = open_store(f"sqlite:///{os.path.join(data, 'kit.sqlite3')}")
        session = store.session_by_code(code)
        assert sum(store.participant_counts(session.id).values()) == 1
    finally:
        second.stop()
