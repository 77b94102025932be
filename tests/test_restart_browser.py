"""The kit restarted mid-session: no acknowledged answer is lost, the phone notices and carries on by itself."""

import os

from .browser import add_value, create_session, join, open_activity, open_facilitator
from .kit_server import KitServer


def test_restart_loses_no_answer_and_the_phone_carries_on(tmp_path, browser):
    data = tmp_path / "kit"
    first = KitServer(data).start()
    try:
        facilitator = open_facilitator(browser.new_context(), first)
        code = create_session(facilitator, activities=["Waardenpalet"])
        open_activity(facilitator, "Waardenpalet")
        phone = join(browser.new_context(viewport={"width": 375, "height": 740}), first, code, "Inwoner")
        for text in ("Betaalbaarheid", "Groene wijk", "Inspraak"):
            add_value(phone, text, "individueel, materieel")  # waits for the 'opgeslagen' acknowledgement
        phone.fill("#text", "nog niet verstuurd")
    finally:
        first.stop()
    phone.wait_for_selector("#kit-lost", timeout=20_000)
    assert "Uw opgeslagen antwoorden blijven bewaard" in phone.inner_text("#kit-lost")

    second = KitServer(data, port=first.port).start()
    try:
        phone.wait_for_selector("#kit-lost", state="detached", timeout=20_000)
        assert phone.input_value("#text") == "nog niet verstuurd"  # typed text survives the refresh
        mine = sorted(phone.locator(".kit-mine-text").all_inner_texts())
        assert mine == ["Betaalbaarheid", "Groene wijk", "Inspraak"]
        phone.reload()
        assert "Inwoner" in phone.inner_text(".kit-joined")  # the same participant after a reload
        add_value(phone, "Na de herstart", "collectief, proces")

        from widgets.store import open_store

        store = open_store(f"sqlite:///{os.path.join(data, 'kit.sqlite3')}")
        session = store.session_by_code(code)
        assert sum(store.participant_counts(session.id).values()) == 1
        assert len(store.answers(session.id, "palet")) == 4
    finally:
        second.stop()
