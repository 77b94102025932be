"""Moderation in the store and the model: hidden and unapproved texts never reach what the room sees."""

import json

import pytest

from widgets.model.answers import answers_by_activity
from widgets.model.flags import flagged
from widgets.model.moderation import all_texts, seen_by_room
from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError
from widgets.report.document import build_report
from widgets.report.exports import csv_bytes
from widgets.report.transfer import export_session, import_json
from widgets.report.verslag import build_verslag


def session_with_values(store):
    session, _ = store.create_session(
        SessionSpec(title="Woonvisie", topic="wonen", municipality="Utrecht", activities=("palet", "beoordelen"))
    )
    for activity in ("palet", "beoordelen"):
        store.set_activity_open(session.id, activity, True)
    ann = store.join(session.code, session.groups[0].key)
    bob = store.join(session.code, session.groups[1].key)
    store.submit(ann.token, "palet", {"a1": {"text": "Betaalbaarheid", "cell": "collectief.materieel"}})
    store.submit(ann.token, "palet", {"a2": {"text": "Rotzooi van de wethouder", "cell": "individueel.proces"}})
    store.submit(bob.token, "palet", {"b1": {"text": "Rechtvaardigheid", "cell": "collectief.immaterieel"}})
    store.submit(bob.token, "beoordelen", {"cijfer": {"score": 7, "note": "Te duur voor jonge mensen"}})
    return session, ann, bob


def texts(store, session, everything=False):
    return sorted(t.text for t in all_texts(store.answers(session.id, everything=everything)))


def key_of(store, session, words):
    return next(t.key for t in all_texts(store.answers(session.id, everything=True)) if t.text == words)


def test_a_hidden_value_leaves_the_rooms_answers_and_comes_back_when_restored(store):
    session, ann, _ = session_with_values(store)
    before = store.revision(session.id)
    store.hide_text(session.id, key_of(store, session, "Rotzooi van de wethouder"))
    assert store.revision(session.id) > before  # the phones and the screen redraw
    assert "Rotzooi van de wethouder" not in texts(store, session)
    assert "Rotzooi van de wethouder" in texts(store, session, everything=True)
    assert "Rotzooi van de wethouder" in store.my_answers(ann.token, "palet")["a2"]["text"]  # the author's own
    store.hide_text(session.id, key_of(store, session, "Rotzooi van de wethouder"), hidden=False)
    assert "Rotzooi van de wethouder" in texts(store, session)


def test_a_hidden_note_leaves_its_score(store):
    session, _, bob = session_with_values(store)
    store.hide_text(session.id, key_of(store, session, "Te duur voor jonge mensen"))
    (grade,) = store.answers(session.id, "beoordelen")
    assert grade.value == {"score": 7}


def test_hiding_survives_edits_of_other_texts_and_of_itself(store):
    session, ann, _ = session_with_values(store)
    store.hide_text(session.id, key_of(store, session, "Rotzooi van de wethouder"))
    store.submit(ann.token, "palet", {"a1": {"text": "Betaalbare huur", "cell": "collectief.materieel"}})
    store.submit(ann.token, "palet", {"a2": {"text": "Nog steeds rotzooi", "cell": "individueel.proces"}})
    assert texts(store, session) == ["Betaalbare huur", "Rechtvaardigheid", "Te duur voor jonge mensen"]


def test_approval_first_holds_texts_back_until_approved_and_again_after_a_change(store):
    session, ann, _ = session_with_values(store)
    store.set_approve_first(session.id, True)
    assert texts(store, session) == []
    (grade,) = store.answers(session.id, "beoordelen")
    assert grade.value == {"score": 7}  # the score counts, the note waits
    value = next(t for t in all_texts(store.answers(session.id, everything=True)) if t.text == "Betaalbaarheid")
    store.approve_text(session.id, value.key, value.fingerprint)
    assert texts(store, session) == ["Betaalbaarheid"]
    store.submit(ann.token, "palet", {"a1": {"text": "Betaalbaar wonen", "cell": "collectief.materieel"}})
    assert texts(store, session) == []  # changed after approval: approved again before the room sees it
    store.set_approve_first(session.id, False)
    assert len(texts(store, session)) == 4


def test_moderating_a_stranger_is_refused_and_changes_nothing(store):
    session, *_ = session_with_values(store)
    other, _ = store.create_session(SessionSpec(title="Ander", topic="wonen", activities=("palet",)))
    key = key_of(store, session, "Betaalbaarheid")
    with pytest.raises(InputError):
        store.hide_text(other.id, key)
    assert store.moderation(other.id).idle and store.moderation(session.id).idle


def test_removing_a_participant_removes_their_answers_and_counts(store):
    session, ann, bob = session_with_values(store)
    store.hide_text(session.id, key_of(store, session, "Rotzooi van de wethouder"))
    assert sum(store.participant_counts(session.id).values()) == 2
    assert store.remove_participant(session.id, ann.ref) == 2
    assert sum(store.participant_counts(session.id).values()) == 1
    assert texts(store, session, everything=True) == ["Rechtvaardigheid", "Te duur voor jonge mensen"]
    assert store.participant(ann.token) is None
    for table in ("answers", "answer_history", "moderation", "posted_keys"):
        rows = store.backend.query(f"SELECT * FROM {table}")
        assert ann.token not in json.dumps(rows) and ann.ref not in json.dumps(rows)
    with pytest.raises(InputError):
        store.remove_participant(session.id, ann.ref)


def test_the_export_keeps_hidden_texts_marked_and_the_report_leaves_them_out(store):
    session, *_ = session_with_values(store)
    for n in range(4):  # five in the room: the report shows the palette (widgets.model.disclosure)
        more = store.join(session.code, session.groups[0].key)
        store.submit(more.token, "palet", {f"c{n}": {"text": f"Waarde {n}", "cell": "collectief.proces"}})
    store.hide_text(session.id, key_of(store, session, "Rotzooi van de wethouder"))
    data = export_session(store, session.id)
    assert "Rotzooi van de wethouder" in json.dumps(data, ensure_ascii=False)
    assert [row["hidden"] for row in data["moderation"]["texts"]] == [True]
    rows = csv_bytes(data, "nl").decode("utf-8-sig").splitlines()
    assert rows[0].endswith(";Moderatie")
    assert [r for r in rows if "Rotzooi" in r][0].endswith(";verborgen")
    assert "Rotzooi" not in json.dumps(seen_by_room(data), ensure_ascii=False)
    report = build_report(data)
    assert "Rotzooi" not in report and "Rechtvaardigheid" in report


def test_an_import_brings_the_moderation_along_checked(store):
    session, *_ = session_with_values(store)
    store.hide_text(session.id, key_of(store, session, "Rotzooi van de wethouder"))
    text = json.dumps(export_session(store, session.id))
    copy, _, _ = import_json(store, text)
    assert "Rotzooi van de wethouder" not in texts(store, copy)
    assert "Rotzooi van de wethouder" in texts(store, copy, everything=True)


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m["texts"][0].update(participant="d-nobody"),
        lambda m: m["texts"][0].update(activity="onbekend"),
        lambda m: m["texts"][0].update(hidden="ja"),
        lambda m: m["texts"][0].update(approved="<script>"),
        lambda m: m["texts"][0].update(extra=1),
        lambda m: m.update(approve_first="yes"),
        lambda m: m.update(texts={"a": 1}),
    ],
)
def test_a_crafted_moderation_section_is_refused_and_stores_nothing(sqlite_store, change):
    store = sqlite_store
    session, *_ = session_with_values(store)
    store.hide_text(session.id, key_of(store, session, "Rotzooi van de wethouder"))
    data = export_session(store, session.id)
    change(data["moderation"])
    sessions = store.backend.query("SELECT COUNT(*) AS n FROM sessions")[0]["n"]
    with pytest.raises(InputError):
        import_json(store, json.dumps(data))
    assert store.backend.query("SELECT COUNT(*) AS n FROM sessions")[0]["n"] == sessions


def test_every_text_of_the_books_activities_is_known_to_moderation(store):
    session, *_ = session_with_values(store)
    found = all_texts(store.answers(session.id, everything=True))
    assert sorted(t.text for t in found) == sorted(
        ["Betaalbaarheid", "Rotzooi van de wethouder", "Rechtvaardigheid", "Te duur voor jonge mensen"]
    )
    assert len({t.key for t in found}) == 4
    assert answers_by_activity(store.answers(session.id))["palet"]


def test_listed_words_are_flagged_whatever_their_case_or_accents():
    assert flagged("Wat een KÁNKERzooi") == ("kankerzooi",)
    assert flagged("this is bullshit") == ("bullshit",)
    assert flagged("Betaalbaar wonen voor iedereen") == ()
    assert flagged("Die wethouder moet luisteren") == ()  # "die" is Dutch, not English


def test_the_panel_approves_the_unflagged_rest_at_once_and_leaves_the_flagged_waiting(sqlite_store):
    from widgets.views.moderation import moderation_panel

    store = sqlite_store
    session, _, bob = session_with_values(store)
    store.submit(bob.token, "palet", {"b2": {"text": "Kankerzooi", "cell": "collectief.proces"}})
    store.set_approve_first(session.id, True)
    panel = moderation_panel(store, session, "nl")
    assert panel.rows[0].text.text == "Kankerzooi"  # flagged first
    assert "data-kit-flag>Let op: kankerzooi" in panel.rows[0].words.value
    assert panel.approve_rest.description == "4 wachtende teksten zonder markering goedkeuren"
    panel.approve_rest.click()
    assert texts(store, session) == sorted(
        ["Betaalbaarheid", "Rotzooi van de wethouder", "Rechtvaardigheid", "Te duur voor jonge mensen"]
    )
    assert panel.approve_rest.layout.display == "none"
    panel.rows[0].approve.click()
    assert "Kankerzooi" in texts(store, session)


def test_a_hidden_lesson_leaves_the_report_and_the_verslag_and_its_other_half_stays(store):
    session, _ = store.create_session(
        SessionSpec(title="Tafel", topic="wonen", municipality="Utrecht", activities=("leren",))
    )
    store.set_activity_open(session.id, "leren", True)
    for n in range(5):  # five of one group: the disclosure rule lets the room see them
        who = store.join(session.code, session.groups[0].key)
        words = "Namen noemen: wethouder X" if n == 0 else "Samen met de buurt plannen"
        store.submit(who.token, "leren", {"les": {"succes": words, "anders": "Eerder beginnen"}})
    store.hide_text(session.id, key_of(store, session, "Namen noemen: wethouder X"))
    data = export_session(store, session.id)
    for html in (build_report(data), build_verslag(data)):
        assert "Namen noemen" not in html
        assert "Samen met de buurt plannen" in html and "Eerder beginnen" in html
    assert "Namen noemen: wethouder X" in json.dumps(data)  # the facilitator's own file keeps it, marked


def test_the_paper_typing_in_table_has_the_printed_sheets_columns_without_hidden_or_waiting_values(sqlite_store):
    import io

    from bs4 import BeautifulSoup
    from openpyxl import load_workbook

    from widgets.report.paper import import_paper, template_csv, template_xlsx
    from widgets.report.paper_sheet import sheet_html

    store = sqlite_store
    session, _ = store.create_session(
        SessionSpec(title="Woonvisie", topic="wonen", municipality="Utrecht", activities=("palet", "prioriteren"))
    )
    store.set_open_activities(session.id, session.activities)
    ann = store.join(session.code, session.groups[0].key)
    store.submit(ann.token, "palet", {"a1": {"text": "Betaalbaarheid", "cell": "collectief.materieel"}})
    store.submit(ann.token, "palet", {"a2": {"text": "Rotzooi van de wethouder", "cell": "individueel.proces"}})
    before = export_session(store, session.id)  # a table made before anything was hidden

    def headings(data):
        csv_row = template_csv(data, "prioriteren", "nl").decode("utf-8-sig").strip().split(";")
        book = load_workbook(io.BytesIO(template_xlsx(data, "prioriteren", "nl")))
        xlsx_row = [cell.value for cell in book.worksheets[0][1]]
        sheet = BeautifulSoup(sheet_html(data, "prioriteren"), "html.parser").get_text(" ", strip=True)
        assert csv_row == xlsx_row
        return csv_row, sheet

    shown, sheet = headings(before)
    assert shown == ["Groep", "Blad", "Rotzooi van de wethouder", "Betaalbaarheid"]
    assert "Rotzooi van de wethouder" in sheet
    store.hide_text(session.id, key_of(store, session, "Rotzooi van de wethouder"))
    shown, sheet = headings(export_session(store, session.id))
    assert shown == ["Groep", "Blad", "Betaalbaarheid"] and "Rotzooi" not in sheet

    store.set_approve_first(session.id, True)  # an unapproved value is left out as the printed sheet leaves it out
    shown, sheet = headings(export_session(store, session.id))
    assert shown == ["Groep", "Blad"] and "Betaalbaarheid" not in sheet
    betaalbaar = next(t for t in all_texts(store.answers(session.id, everything=True)) if t.text == "Betaalbaarheid")
    store.approve_text(session.id, betaalbaar.key, betaalbaar.fingerprint)
    shown, _ = headings(export_session(store, session.id))
    assert shown == ["Groep", "Blad", "Betaalbaarheid"]

    # the sheets typed into that table import; one typed into the older table too, nothing on paper lost
    typed = template_csv(export_session(store, session.id), "prioriteren", "nl").decode("utf-8-sig")
    import_paper(store, session.id, "papier.csv", (typed + f"{session.groups[0].label};1;100\n").encode("utf-8-sig"))
    older = template_csv(before, "prioriteren", "nl").decode("utf-8-sig")
    import_paper(store, session.id, "papier.csv", (older + f"{session.groups[0].label};2;60;40\n").encode("utf-8-sig"))
    allocations = {a.participant: a.value for a in store.answers(session.id, "prioriteren", everything=True)}
    assert allocations == {
        "papier-1": {"betaalbaarheid": 100},
        "papier-2": {"betaalbaarheid": 40, "rotzooi van de wethouder": 60},
    }


def test_the_panel_pages_through_many_texts_forty_at_a_time(sqlite_store):
    from widgets.views.moderation import ROWS, moderation_panel

    store = sqlite_store
    session, ann, bob = session_with_values(store)  # 4 texts
    for n in range(ROWS + 1):
        person = store.join(session.code, session.groups[n % 2].key)
        store.submit(person.token, "palet", {f"x{n}": {"text": f"Waarde nummer {n}", "cell": "collectief.proces"}})
    panel = moderation_panel(store, session, "nl")

    def shown():
        return [row.text.text for row in panel.rows if row.layout.display != "none"]

    assert len(shown()) == ROWS and "1–40 van 45" in panel.pager.label.value
    assert panel.pager.previous.disabled and not panel.pager.following.disabled
    panel.pager.following.click()
    assert len(shown()) == 5 and "41–45 van 45" in panel.pager.label.value and panel.pager.following.disabled
    first_page_left = set(shown())
    panel.pager.previous.click()
    assert len(shown()) == ROWS and not first_page_left & set(shown())
    panel.pager.following.click()
    panel.search.value = "nummer 4"  # a search starts at its first page: 4 and 40
    assert sorted(shown()) == ["Waarde nummer 4", "Waarde nummer 40"]
    assert panel.pager.layout.display == "none"


def test_the_remove_list_names_people_as_the_facilitator_knows_them_never_by_their_reference(sqlite_store):
    from widgets.dates import time_text
    from widgets.views.moderation import moderation_panel

    store = sqlite_store
    session, ann, bob = session_with_values(store)  # ann and bob gave no name
    named = store.join(session.code, session.groups[1].key, name="<b>Fatima</b>")
    panel = moderation_panel(store, session, "nl")
    labels = [label for label, _ in panel.who.options]
    joined = {r[0]: r[3] for r in store.participant_answers(session.id)}
    group = session.group_label
    assert labels == [
        f"{group(ann.group_key)} · zonder naam, aangemeld om {time_text(joined[ann.ref], 'nl')} · 2 antwoorden",
        f"{group(bob.group_key)} · zonder naam, aangemeld om {time_text(joined[bob.ref], 'nl')} · 2 antwoorden",
        f"{group(named.group_key)} · <b>Fatima</b> · 0 antwoorden",  # an option's label is text: the browser escapes
    ]
    assert not any(p.ref in label for p in (ann, bob, named) for label in labels)
    panel.who.value, panel.confirm.value = named.ref, True
    panel.remove()
    said = panel.removed.value
    assert f"{group(named.group_key)} · &lt;b&gt;Fatima&lt;/b&gt; is verwijderd, met 0 antwoorden." in said
    assert [ref for _, ref in panel.who.options] == [ann.ref, bob.ref]
