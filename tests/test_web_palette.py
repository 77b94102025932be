"""The waardenpalet on a phone without a browser: add, edit, delete, double sends, refusals, the reveal."""

import pytest


@pytest.fixture
def palet(new_session, phone):
    session = new_session(activities=("palet",))
    me = phone()
    me.join(session.code, "Ambtelijk")
    return session, me


def mine(page):
    return page.all(".kit-mine-text")


def test_add_edit_and_delete_own_values(palet, kit_store):
    session, me = palet
    page = me.submit(".kit-form-palet", text="Betaalbaarheid", cell="individueel.materieel")
    assert page.text(".kit-notice") == "Opgeslagen: Betaalbaarheid."
    page = me.submit(".kit-form-palet", text="Groen", cell="collectief.immaterieel")
    assert mine(page) == ["Betaalbaarheid", "Groen"]
    edit = next(a["href"] for a in page.soup.select(".kit-mine-actions a") if "Groen" in a.get_text())
    page = me.get(edit)
    assert page.form(".kit-form-palet").select_one("#text")["value"] == "Groen"
    page = me.submit(".kit-form-palet", text="Groene wijk")
    assert mine(page) == ["Betaalbaarheid", "Groene wijk"]
    item = next(li["data-kit-item"] for li in page.soup.select(".kit-mine-item") if "Groene wijk" in li.get_text())
    page = me.submit(f'form[action$="{item}/delete"]')
    assert mine(page) == ["Betaalbaarheid"] and "De waarde is verwijderd." in page.text(".kit-notice")
    answers = kit_store.answers(session.id, "palet")
    assert [a.value for a in answers] == [{"text": "Betaalbaarheid", "cell": "individueel.materieel"}]
    assert kit_store.history_count(session.id) == 2  # the edit and the delete keep the earlier words


def test_the_same_form_sent_twice_stores_one_value(palet, kit_store):
    session, me = palet
    me.get(f"kit/{session.code}/palet")
    form = me.page
    me.submit(".kit-form-palet", text="Inspraak", cell="collectief.proces")
    me.page = form  # the second tap of a double tap sends the same form again
    page = me.submit(".kit-form-palet", text="Inspraak", cell="collectief.proces")
    assert mine(page) == ["Inspraak"]
    assert len(kit_store.answers(session.id, "palet")) == 1


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"text": "", "cell": "collectief.proces"}, "Waarde is verplicht."),
        ({"text": "x" * 81, "cell": "collectief.proces"}, "Waarde is te lang: maximaal 80 tekens."),
        ({"text": "Groen\u202e", "cell": "collectief.proces"}, "tekens die niet zijn toegestaan"),
        ({"text": "Groen"}, "Kies een vak voor deze waarde."),
        ({"text": "Groen", "cell": "nergens.niets"}, "Kies een vak voor deze waarde."),
    ],
)
def test_refused_values_keep_what_was_typed_and_store_nothing(palet, kit_store, fields, message):
    session, me = palet
    page = me.submit(".kit-form-palet", **fields)
    assert message in page.text(".kit-error-summary") and message in page.text(".kit-error")
    assert page.form(".kit-form-palet").select_one("#text")["value"] == fields["text"]
    assert kit_store.answers(session.id, "palet") == []


def test_a_value_named_twice_is_refused(palet):
    session, me = palet
    me.submit(".kit-form-palet", text="Betaalbaarheid", cell="individueel.materieel")
    page = me.submit(".kit-form-palet", text=" betaalbaarheid", cell="collectief.materieel")
    assert "U noemde deze waarde al." in page.text(".kit-error")
    assert mine(page) == ["Betaalbaarheid"]


def test_a_closed_activity_refuses_with_a_message_and_stores_nothing(palet, kit_store):
    session, me = palet
    me.get(f"kit/{session.code}/palet")
    kit_store.set_activity_open(session.id, "palet", False)
    page = me.submit(".kit-form-palet", text="Groen", cell="collectief.proces")
    assert "Dit onderdeel is gesloten; uw antwoord is niet opgeslagen." in page.text()
    assert kit_store.answers(session.id, "palet") == []
    assert "de facilitator opent zo" in me.get(f"kit/{session.code}/palet").text()  # back to waiting


def test_hostile_text_is_shown_as_text_to_everyone(palet, kit_store, phone):
    session, me = palet
    hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    page = me.submit(".kit-form-palet", text=hostile, cell="collectief.proces")
    assert mine(page) == [hostile] and not page.soup.select("main img, main script")
    kit_store.set_state(session.id, "palet", "reveal", True)
    other = phone()
    page = other.join(session.code, "Inwoner", name='<b onmouseover="x">Ans</b>')
    assert page.text("[data-kit-results] .kit-text-label") == hostile
    assert page.text(".kit-joined") == 'U doet mee als Inwoner (<b onmouseover="x">Ans</b>).'
    assert not page.soup.select("main img, main script, main b[onmouseover]")


def test_the_revealed_palette_is_stacked_per_cell_with_counts_and_groups(palet, kit_store, phone):
    session, me = palet
    me.submit(".kit-form-palet", text="Betaalbaarheid", cell="individueel.materieel")
    other = phone()
    other.join(session.code, "Inwoner")
    page = other.submit(".kit-form-palet", text="betaalbaarheid", cell="individueel.materieel")
    assert not page.soup.select("[data-kit-results]")
    kit_store.set_state(session.id, "palet", "reveal", True)
    page = other.get(f"kit/{session.code}/palet")
    cell = page.soup.select_one('[data-kit-results] [data-kit-section="individueel.materieel"]')
    assert cell.select_one(".kit-score-label").get_text() == "individueel, materieel"
    chip = cell.select_one('[data-kit-item="betaalbaarheid"]')
    # one official and one resident: on a phone the two are "Overige groepen", as in the report (not "gedeeld")
    assert chip["data-kit-count"] == "2" and chip["data-kit-groups"] == "_overige"
    assert chip.select_one(".kit-text-mark").get_text() == "Overige groepen"
    assert not page.soup.select("[data-kit-results] table")  # no wide table on a phone


def test_the_books_example_palette_for_the_topic_is_there_as_help(palet):
    session, me = palet
    page = me.get(f"kit/{session.code}/palet")
    assert "tabel 2.1" in page.text("details")
    assert "Welke tastbare resultaten wilt u bereiken voor individuele inwoners?" in page.text(".kit-choice-hint")


def test_a_followup_offers_the_earlier_palette_to_keep_or_drop(new_session, phone, kit_store):
    from widgets.report.followup import followup_of_session

    earlier = new_session(activities=("palet",))
    other = kit_store.join(earlier.code, "inwoner")
    kit_store.submit(other.token, "palet", {"a": {"text": "Betaalbaarheid", "cell": "individueel.materieel"}})
    kit_store.submit(other.token, "palet", {"b": {"text": "<b>Groen</b>", "cell": "collectief.immaterieel"}})
    follow, _ = followup_of_session(kit_store, earlier.id)
    kit_store.set_activity_open(follow.id, "palet", True)
    me = phone()
    me.join(follow.code, "Ambtelijk")
    page = me.get(f"kit/{follow.code}/palet")
    offered = [label.get_text() for label in page.soup.select(".kit-start-palette label")]
    assert offered == ["Betaalbaarheid", "<b>Groen</b>"]  # escaped: the text, not a bold element
    assert page.checked("keep") == ["betaalbaarheid", "b groen b"]  # all kept unless unticked
    assert mine(page) == []
    page = me.submit(".kit-start-palette form", keep=["betaalbaarheid"])  # Groen unticked: dropped
    assert page.text(".kit-notice") == "1 waarde overgenomen in uw palet."
    assert mine(page) == ["Betaalbaarheid"]
    assert [label.get_text() for label in page.soup.select(".kit-start-palette label")] == ["<b>Groen</b>"]
    assert page.checked("keep") == []  # what is left is offered, no longer ticked
    answers = kit_store.answers(follow.id, "palet")
    assert [a.value for a in answers] == [{"text": "Betaalbaarheid", "cell": "individueel.materieel"}]
    page = me.submit(".kit-start-palette form", keep=["betaalbaarheid", "iets-anders"])  # nothing new offered
    assert len(kit_store.answers(follow.id, "palet")) == 1
    assert kit_store.answers(earlier.id, "palet")[0].participant == other.ref  # the earlier session is as it was


@pytest.mark.parametrize("item", ["x" * 30_000, "abc\r\ndef", "../../beoordelen", "ABCDEF123456"])
def test_a_forged_item_field_is_refused_in_dutch_and_stores_nothing(palet, kit_store, item):
    session, me = palet
    me.get(f"kit/{session.code}/palet")
    page = me.submit(".kit-form-palet", item=item, text="Groen", cell="collectief.proces")
    assert page.status == 400
    assert page.errors() == ["Fout: Dit formulier klopt niet meer. Laad de pagina opnieuw en probeer het nog eens."]
    assert kit_store.answers(session.id, "palet") == []
