"""The join form is rendered once and shared by a room's phones: each still gets its own form keys and the page
as the session stands now (no other session's, no other language's, no stale title, date or status)."""

import pytest

from widgets.web.shared_pages import SLOT, SharedPages, Slot, fill


def hidden(page) -> dict:
    form = page.form()
    return {field["name"]: field["value"] for field in form.select("input[type=hidden]")}


def test_each_phone_gets_its_own_form_keys_on_the_shared_join_form(kit, phone, new_session, kit_store):
    session = new_session()
    first, second = phone(), phone()
    one, two = hidden(first.get(f"kit/{session.code}")), hidden(second.get(f"kit/{session.code}"))
    assert one.keys() == two.keys() == {"_xsrf", "_once"}
    assert one["_once"] != two["_once"] and one["_xsrf"] != two["_xsrf"]
    assert SLOT not in first.page.reply.text
    assert hidden(first.get(f"kit/{session.code}"))["_once"] != one["_once"]  # a new key for every form shown
    first.join(session.code, "Inwoner")
    second.join(session.code, "Ambtelijk")
    assert kit_store.participant_counts(session.id) == {"inwoner": 1, "ambtelijk": 1}


def test_two_sessions_and_two_languages_each_get_their_own_join_form(kit, phone, new_session):
    woon = new_session(title="Woonvisie 2030")
    zorg = new_session(title="Zorg dichtbij", groups=["Huisarts", "Wijkteam"])
    me = phone()
    page = me.get(f"kit/{woon.code}")
    assert page.text("h1") == "Woonvisie 2030" and "Inwoner" in page.all(".kit-choice label")
    page = me.get(f"kit/{zorg.code}")
    assert page.text("h1") == "Zorg dichtbij" and page.all(".kit-choice label") == ["Huisarts", "Wijkteam"]
    assert page.form()["action"].endswith(f"/kit/{zorg.code}/join")
    english = phone().get(f"kit/{woon.code}?lang=en")
    assert english.soup.html["lang"] == "en" and english.text("legend") == "I am here as"
    assert phone().get(f"kit/{woon.code}").soup.html["lang"] == "nl"  # the English page stays with its reader


def test_a_changed_title_retention_or_status_shows_on_the_next_join_form(kit, phone, new_session, kit_store):
    session = new_session(title="Woonvisie 2030")
    me = phone()
    assert me.get(f"kit/{session.code}").text("h1") == "Woonvisie 2030"
    with kit_store.backend.transaction() as tx:  # as an import or a later version of the dashboard might
        tx.execute("UPDATE sessions SET title = 'Woonvisie 2040' WHERE id = :id", {"id": session.id})
    assert me.get(f"kit/{session.code}").text("h1") == "Woonvisie 2040"
    before = me.get(f"kit/{session.code}").text(".kit-privacy")
    kit_store.set_retention(session.id, 7)
    after = me.get(f"kit/{session.code}").text(".kit-privacy")
    assert "7 dagen" in after and after != before
    kit_store.set_status(session.id, "closed")
    page = me.get(f"kit/{session.code}")
    assert "De sessie is gesloten" in page.text() and page.form() is None


def test_a_refused_join_is_never_shared_with_the_next_phone(kit, phone, new_session):
    session = new_session()
    me = phone()
    me.get(f"kit/{session.code}")
    refused = me.submit(name="Ans")
    assert refused.errors() == ["Fout: Kies eerst uw stakeholdergroep."]
    page = phone().get(f"kit/{session.code}")
    assert page.errors() == [] and page.form().select_one("input[name=name]")["value"] == ""


def test_the_cache_keeps_the_newest_pages_and_fills_every_form():
    pages = SharedPages(size=2)
    made = []

    def render(name):
        made.append(name)
        return f"<form>{Slot().__html__()}</form><form>{SLOT}</form>{name}"

    for name in ("a", "b", "a", "c", "b"):
        pages.get(name, lambda name=name: render(name))
    assert made == ["a", "b", "c", "b"]  # 'b' was dropped for 'c', the least recently used
    body = fill(pages.get("a", lambda: render("a")), '<input name="_xsrf" value="t"/>')
    assert body.count('name="_xsrf"') == 2 and body.count('name="_once"') == 2 and SLOT not in body
    keys = [part.split('"')[0] for part in body.split('name="_once" value="')[1:]]
    assert len(set(keys)) == 2


def test_a_join_given_the_session_it_just_read_still_refuses_a_closed_one_and_another_code(sqlite_store):
    from widgets.model.sessions import SessionSpec
    from widgets.model.validation import InputError

    session, _ = sqlite_store.create_session(SessionSpec(title="S", topic="wonen"))
    other, _ = sqlite_store.create_session(SessionSpec(title="T", topic="wonen", groups=("Alleen hier",)))
    joined = sqlite_store.join(session.code, "inwoner", session=session)
    assert joined.session_id == session.id
    assert sqlite_store.join(session.code, "inwoner", session=other).session_id == session.id  # the code decides
    sqlite_store.set_status(session.id, "closed")
    with pytest.raises(InputError) as refused:
        sqlite_store.join(session.code, "inwoner", session=session)  # read while it was open: closed meanwhile
    assert refused.value.key == "error.session_closed"
    assert sqlite_store.participant_counts(session.id) == {"inwoner": 2}


# ----------------------------------------------------------------- the first palette page, shared by a group


def own_fields(page) -> dict:
    form = page.form(".kit-form-palet")
    return {field["name"]: field["value"] for field in form.select("input[type=hidden]")}


def test_the_first_palette_page_is_shared_by_a_group_with_each_phones_own_keys_and_name(kit, phone, new_session):
    session = new_session(title="Woonvisie 2030")
    ans, bea, cor = phone(), phone(), phone()
    first = ans.join(session.code, "Inwoner", name="Ans <b>de Wit</b>")
    second = bea.join(session.code, "Inwoner")
    other = cor.join(session.code, "Ambtelijk", name="Cor")
    assert first.text(".kit-joined") == "U doet mee als Inwoner (Ans <b>de Wit</b>)."  # as text, not markup
    assert second.text(".kit-joined") == "U doet mee als Inwoner."
    assert other.text(".kit-joined") == "U doet mee als Ambtelijk (Cor)."
    pages = [first, second, other, ans.get(f"kit/{session.code}")]
    for page in pages:
        assert page.form(".kit-form-palet") is not None and "kit-fresh" not in page.reply.text
        assert "kit-form-fields" not in page.reply.text and "kit-name-" not in page.reply.text
    keys = [own_fields(page) for page in pages]
    assert all(fields.keys() == {"_xsrf", "_once", "item"} for fields in keys)
    for name in ("_once", "item"):  # every phone, and every reload, its own
        assert len({fields[name] for fields in keys}) == 4
    assert "Ans" not in second.reply.text and "Cor" not in second.reply.text and "Ans" not in other.reply.text
    added = bea.submit(".kit-form-palet", text="Buurtmoestuin Zuid", cell="individueel.materieel")
    assert added.all(".kit-mine-text") == ["Buurtmoestuin Zuid"]
    assert "Buurtmoestuin" not in ans.get(f"kit/{session.code}").reply.text  # one's own values are one's own


def test_a_shared_palette_page_follows_the_session_and_the_activitys_settings(kit, phone, new_session, kit_store):
    session = new_session(title="Woonvisie 2030")
    me, other = phone(), phone()
    me.join(session.code, "Inwoner")
    assert me.get(f"kit/{session.code}").soup.title.get_text().startswith("Woonvisie 2030")
    with kit_store.backend.transaction() as tx:
        tx.execute("UPDATE sessions SET title = 'Woonvisie 2040' WHERE id = :id", {"id": session.id})
    assert me.get(f"kit/{session.code}").soup.title.get_text().startswith("Woonvisie 2040")
    kit_store.set_state(session.id, "palet", "start", [["groen", "Groen", "collectief.immaterieel"]])
    assert me.get(f"kit/{session.code}").all(".kit-start-palette label") == ["Groen"]  # a follow-up's palette
    other.join(session.code, "Ambtelijk")
    other.submit(".kit-form-palet", text="Inspraak", cell="collectief.proces")
    assert "Inspraak" not in me.get(f"kit/{session.code}").text()
    assert me.page.soup.select_one("[data-kit-results-link]") is None
    kit_store.set_state(session.id, "resultaten", "released", True)
    assert me.get(f"kit/{session.code}").soup.select_one("[data-kit-results-link]") is not None  # results released
    kit_store.set_state(session.id, "palet", "reveal", True)
    assert "Inspraak" in me.get(f"kit/{session.code}").text("#uitkomsten")  # the room's values, once shown
    kit_store.set_activity_open(session.id, "palet", False)
    assert me.get(f"kit/{session.code}").form(".kit-form-palet") is None
    kit_store.set_activity_open(session.id, "palet", True)
    kit_store.set_status(session.id, "closed")
    page = me.get(f"kit/{session.code}")
    assert "De sessie is gesloten" in page.text() and page.form(".kit-form-palet") is None


def test_sessions_and_languages_never_share_a_first_palette_page(kit, phone, new_session):
    woon = new_session(title="Woonvisie 2030")
    zorg = new_session(title="Zorg dichtbij", groups=["Inwoner", "Huisarts"])
    one, two, three = phone(), phone(), phone()
    one.join(woon.code, "Inwoner")
    two.join(zorg.code, "Inwoner")
    three.get(f"kit/{woon.code}?lang=en")
    english = three.join(woon.code, "Inwoner")
    assert one.get(f"kit/{woon.code}").form(".kit-form-palet")["action"].endswith(f"/kit/{woon.code}/palet")
    page = two.get(f"kit/{zorg.code}")
    assert page.form(".kit-form-palet")["action"].endswith(f"/kit/{zorg.code}/palet")
    assert page.soup.title.get_text().startswith("Zorg dichtbij")
    assert english.soup.html["lang"] == "en" and one.get(f"kit/{woon.code}").soup.html["lang"] == "nl"


def test_fill_puts_each_phones_own_values_in_once_and_escapes_the_name():
    from widgets.web.shared_pages import FRESH_MARK, NAME_MARK

    body = f"<form>{SLOT}<input name=item value={FRESH_MARK}></form><p>{NAME_MARK}</p>"
    filled = fill(body, '<input name="_xsrf" value="t"/>', name=f"<i>{SLOT}{NAME_MARK}</i>")
    assert filled.count('name="_once"') == 1 and FRESH_MARK not in filled and SLOT not in filled
    assert "&lt;i&gt;" in filled and "<i>" not in filled  # the name as text, its marks not filled again
    assert len(filled.split("value=")[-1].split(">")[0]) == 12  # a new answer's key: 12 hex digits


def test_the_notices_date_is_worked_out_once_per_day_and_still_each_stamps_day():
    import datetime
    from zoneinfo import ZoneInfo

    from widgets.dates import date_in_words
    from widgets.web.notice import day_in_words

    midnight = datetime.datetime(2027, 3, 1, tzinfo=ZoneInfo("Europe/Amsterdam")).timestamp()  # the kit's zone
    for stamp in (1.8e9, 1.8e9 + 3600, 1.8e9 + 40 * 86400, 1.8e9 + 86399.5, midnight - 0.5, midnight + 0.5):
        for lang in ("nl", "en"):
            assert day_in_words(stamp, lang) == day_in_words(stamp, lang) == date_in_words(stamp, lang)
    assert day_in_words(midnight - 0.5, "nl") == "28 februari 2027" and day_in_words(midnight, "nl") == "1 maart 2027"
