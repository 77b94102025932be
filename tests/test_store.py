"""The store, run against SQLite and a throwaway PostgreSQL with the same tests."""

import json

import pytest

from widgets.i18n import error_message
from widgets.model.sessions import JOIN_ALPHABET, SessionSpec
from widgets.model.validation import InputError
from widgets.report.files import json_bytes
from widgets.report.transfer import export_session, import_json
from widgets.store import open_store
from widgets.store.schema import SCHEMA_VERSION, current_version

TABLES = (
    "sessions",
    "stakeholder_groups",
    "participants",
    "answers",
    "answer_history",
    "activity_state",
    "posted_keys",
    "moderation",
)


def snapshot(store):
    """Every row of every table: to show that a refused action changed nothing."""
    return {
        table: sorted(json.dumps(r, sort_keys=True, default=str) for r in store.backend.query(f"SELECT * FROM {table}"))
        for table in TABLES
    }


def new_session(store, **overrides):
    spec = dict(title="Woonvisie 2030", topic="wonen", municipality="Utrecht", activities=("palet", "beoordelen"))
    spec.update(overrides)
    return store.create_session(SessionSpec(**spec))


def opened(store, session, activity="palet"):
    return store.set_activity_open(session.id, activity, True)


def test_new_session_has_code_key_and_the_books_groups(store):
    session, key = new_session(store)
    assert len(session.code) == 6 and set(session.code) <= set(JOIN_ALPHABET)
    assert not set(session.code) & set("0O1IL")
    assert len(key) >= 32
    assert [g.label for g in session.groups] == [
        "Bestuurlijk-politiek",
        "Ambtelijk",
        "Maatschappelijke partner",
        "Inwoner",
    ]
    assert session.activities == ("palet", "beoordelen") and session.is_open
    # only a hash of the key is stored
    assert key not in json.dumps(store.backend.query("SELECT * FROM sessions"))


def test_join_code_never_opens_the_facilitator_session(store):
    session, key = new_session(store)
    assert store.facilitator_session(session.code.lower(), key).id == session.id
    for wrong in (session.code, "", key[:-1] + ("A" if key[-1] != "A" else "B")):
        with pytest.raises(InputError) as caught:
            store.facilitator_session(session.code, wrong)
        assert error_message(caught.value) == "De sessiecode of de facilitatorsleutel klopt niet."


def test_schema_version_is_recorded_and_reopening_keeps_data(store_url):
    first = open_store(store_url)
    session, _ = new_session(first)
    second = open_store(store_url)
    assert current_version(second.backend) == SCHEMA_VERSION
    assert second.session_by_code(session.code).title == "Woonvisie 2030"


def test_participants_join_and_are_counted_per_group(store):
    session, _ = new_session(store)
    before = store.revision(session.id)
    store.join(session.code, "ambtelijk")
    store.join(f" {session.code[:3]}-{session.code[3:].lower()} ", "ambtelijk", name="Sanne")
    store.join(session.code, "inwoner")
    assert store.participant_counts(session.id) == {"ambtelijk": 2, "inwoner": 1}
    assert store.revision(session.id) > before


@pytest.mark.parametrize(
    "code, group, name, message",
    [
        ("ZZZZZZ", "ambtelijk", "", "Deze sessiecode kennen we niet. Controleer de zes tekens op het scherm."),
        ("", "ambtelijk", "", "Deze sessiecode kennen we niet. Controleer de zes tekens op het scherm."),
        (None, "", "", "Kies eerst uw stakeholdergroep."),
        (None, "ambtelijk", "x" * 41, "Naam of rol is te lang: maximaal 40 tekens."),
        (
            None,
            "ambtelijk",
            "Piet\x00",
            "Naam of rol bevat tekens die niet zijn toegestaan (zoals stuurtekens). Typ de tekst opnieuw.",
        ),
        (
            None,
            "ambtelijk",
            "abc\u202edcba",
            "Naam of rol bevat tekens die niet zijn toegestaan (zoals stuurtekens). Typ de tekst opnieuw.",
        ),
    ],
)
def test_bad_joins_get_a_dutch_message_and_store_nothing(store, code, group, name, message):
    session, _ = new_session(store)
    before = snapshot(store)
    with pytest.raises(InputError) as caught:
        store.join(session.code if code is None else code, group, name=name)
    assert error_message(caught.value, "nl") == message
    assert snapshot(store) == before


def test_closed_session_refuses_joins_until_reopened(store):
    session, _ = new_session(store)
    store.set_status(session.id, "closed")
    before = snapshot(store)
    with pytest.raises(InputError) as caught:
        store.join(session.code, "inwoner")
    assert caught.value.key == "error.session_closed"
    assert snapshot(store) == before
    store.set_status(session.id, "open")
    assert store.join(session.code, "inwoner").group_key == "inwoner"


@pytest.mark.parametrize(
    "field, value, key",
    [
        ("title", "", "error.required"),
        ("title", "t" * 121, "error.too_long"),
        ("groups", ("",), "error.no_groups"),
        ("groups", ("Raad", "raad "), "error.duplicate_groups"),
        ("municipality", "Gouda\x07", "error.control_chars"),
    ],
)
def test_bad_session_settings_are_refused(store, field, value, key):
    before = snapshot(store)
    with pytest.raises(InputError) as caught:
        new_session(store, **{field: value})
    assert caught.value.key == key
    assert snapshot(store) == before


def test_submit_is_idempotent_and_keeps_history_of_changes(store):
    session, _ = new_session(store)
    opened(store, session)
    p = store.join(session.code, "ambtelijk")
    first = store.submit(p.token, "palet", {"v1": {"text": "betaalbaarheid", "cell": "individueel.materieel"}})
    replay = store.submit(p.token, "palet", {"v1": {"cell": "individueel.materieel", "text": "betaalbaarheid"}})
    assert (first.changed, replay.changed) == (1, 0)
    assert len(store.answers(session.id, "palet")) == 1
    assert store.history_count(session.id) == 0
    store.submit(p.token, "palet", {"v1": {"text": "betaalbare woningen", "cell": "individueel.materieel"}})
    answers = store.answers(session.id, "palet")
    assert [a.value["text"] for a in answers] == ["betaalbare woningen"]
    assert answers[0].participant == p.ref and answers[0].group == "ambtelijk"
    assert p.token not in json.dumps([a.to_dict() for a in answers])
    assert store.history_count(session.id) == 1


def test_a_cap_holds_when_many_posts_of_one_participant_arrive_at_once(store):
    from concurrent.futures import ThreadPoolExecutor

    session, _ = new_session(store)
    opened(store, session)
    p = store.join(session.code, "inwoner")
    store.submit(p.token, "palet", {f"eerder{i}": {"text": f"w{i}", "cell": "collectief.proces"} for i in range(25)})

    def post(i):  # each a new value, as 40 taps sent together would be
        try:
            store.submit(p.token, "palet", {f"nieuw{i}": {"text": f"n{i}", "cell": "collectief.proces"}}, most=30)
        except InputError as error:
            return error_message(error)
        return "stored"

    with ThreadPoolExecutor(max_workers=8) as pool:
        replies = list(pool.map(post, range(40)))
    assert replies.count("stored") == 5 and len(store.my_answers(p.token, "palet")) == 30
    assert set(replies) - {"stored"} == {"U hebt het grootste aantal antwoorden al gegeven (30)."}


def test_a_post_sent_again_with_its_key_stores_nothing_twice(store):
    """A proxy lost the answer and the page sent the same form again: once stored, also when both arrive at once."""
    from concurrent.futures import ThreadPoolExecutor

    session, _ = new_session(store)
    opened(store, session, "beoordelen")

    def join(key, browser="browser-1"):
        with store.once(key, f"join:{browser}"):
            return store.join(session.code, "inwoner", "Anna")

    first = join("join-form-key-0001")
    assert join("join-form-key-0001") == first  # the participant the first one made, no second one
    assert join("join-form-key-0001", browser="browser-2") != first  # another browser's key is its own
    with ThreadPoolExecutor(max_workers=8) as pool:
        made = set(p.token for p in pool.map(lambda _: join("join-form-key-0002"), range(16)))
    assert len(made) == 1 and store.participant_counts(session.id) == {"inwoner": 3}

    def rate(key, score):
        with store.once(key, first.token):
            return store.submit(first.token, "beoordelen", {"cijfer": {"score": score}})

    assert rate("rate-form-key-0001", 7).changed == 1
    assert rate("rate-form-key-0002", 8).changed == 1
    revision = store.revision(session.id)
    assert rate("rate-form-key-0001", 7).changed == 0  # a late copy of the first post does not undo the second
    assert store.my_answers(first.token, "beoordelen") == {"cijfer": {"score": 8}}
    assert store.history_count(session.id) == 1 and store.revision(session.id) == revision
    with store.once("retract-form-key-1", first.token):
        store.retract(first.token, "beoordelen", "cijfer")
    rate("rate-form-key-0003", 6)
    with store.once("retract-form-key-1", first.token):  # the withdrawal sent again withdraws nothing new
        assert store.retract(first.token, "beoordelen", "cijfer").changed == 0
    assert store.my_answers(first.token, "beoordelen") == {"cijfer": {"score": 6}}

    for i in range(30):  # a participant's keys are kept as long as a resend could come: the last 20
        rate(f"many-form-keys-{i:04}", i % 10 + 1)
    kept = store.backend.query("SELECT COUNT(*) AS n FROM posted_keys WHERE participant = :p", {"p": first.token})
    assert int(kept[0]["n"]) == 20
    assert "many-form-keys" not in json.dumps(store.backend.query("SELECT * FROM posted_keys"))  # hashed


def test_the_history_keeps_the_last_twenty_versions_of_an_answer(store):
    session, _ = new_session(store)
    opened(store, session)
    p = store.join(session.code, "inwoner")
    for i in range(30):  # a phone that edits one note again and again
        store.submit(p.token, "palet", {"v1": {"text": f"versie {i}", "cell": "collectief.proces"}})
    assert store.history_count(session.id) == 20
    kept = store.backend.query("SELECT value FROM answer_history ORDER BY replaced_at")
    assert [json.loads(r["value"])["text"] for r in kept] == [f"versie {i}" for i in range(9, 29)]


def test_replace_all_removes_items_the_participant_deleted(store):
    session, _ = new_session(store)
    opened(store, session)
    p = store.join(session.code, "inwoner")
    store.submit(p.token, "palet", {"a": 1, "b": 2})
    store.submit(p.token, "palet", {"b": 2}, replace_all=True)
    assert store.my_answers(p.token, "palet") == {"b": 2}


def test_answers_to_a_closed_activity_or_session_are_refused(store):
    session, _ = new_session(store)
    p = store.join(session.code, "inwoner")
    before = snapshot(store)
    with pytest.raises(InputError) as caught:
        store.submit(p.token, "palet", {"a": 1})
    assert caught.value.key == "error.activity_closed"
    assert snapshot(store) == before
    opened(store, session)
    store.set_status(session.id, "closed")
    before = snapshot(store)
    with pytest.raises(InputError) as caught:
        store.submit(p.token, "palet", {"a": 1})
    assert caught.value.key == "error.session_closed"
    assert snapshot(store) == before


def test_deleting_a_session_removes_every_row_of_it(store):
    keep, _ = new_session(store, title="Andere sessie")
    session, _ = new_session(store)
    opened(store, session)
    with store.once("form-key-of-the-join-1", "join:browser"):
        p = store.join(session.code, "inwoner")
    store.submit(p.token, "palet", {"a": 1})
    with store.once("form-key-of-a-post-2", p.token):
        store.submit(p.token, "palet", {"a": 2})
    store.delete_session(session.id)
    for table in TABLES:
        column = "id" if table == "sessions" else "session_id"
        assert store.backend.query(f"SELECT * FROM {table} WHERE {column} = :s", {"s": session.id}) == []
    assert store.session(keep.id) is not None
    with pytest.raises(InputError) as caught:
        store.submit(p.token, "palet", {"a": 3})
    assert caught.value.key == "error.unknown_participant"


def downloaded_json(store, session_id) -> str:
    """What the dashboard's sessie.json link gives."""
    return json_bytes(export_session(store, session_id), "nl").decode("utf-8")


def fill(store):
    session, key = new_session(store)
    opened(store, session)
    opened(store, session, "beoordelen")
    people = [store.join(session.code, g) for g in ("ambtelijk", "ambtelijk", "inwoner")]
    for i, p in enumerate(people):
        store.submit(p.token, "palet", {f"v{i}": {"text": f"waarde {i}", "cell": "collectief.proces"}})
        store.submit(
            p.token,
            "beoordelen",
            {"cijfer": {"score": 6 + i, "note": ""}, "eerlijk": {"score": None if i == 2 else 7, "note": ""}},
        )
    return session, key


def aggregates(store, session_id):
    answers = sorted(
        (a.participant, a.group, a.activity, a.item, json.dumps(a.value)) for a in store.answers(session_id)
    )
    return store.participant_counts(session_id), store.answer_counts(session_id), answers


def test_export_delete_import_round_trip_gives_the_same_aggregates(store):
    session, _ = fill(store)
    before = aggregates(store, session.id)
    exported = downloaded_json(store, session.id)
    assert "token" not in exported
    store.delete_session(session.id)
    restored, key, counts = import_json(store, exported)
    assert counts == {"groups": 0, "participants": 3, "answers": 9}
    assert restored.code == session.code and key
    assert aggregates(store, restored.id) == before
    # the same file again adds nothing
    _, _, again = import_json(store, exported, restored.id)
    assert again == {"groups": 0, "participants": 0, "answers": 0}
    assert aggregates(store, restored.id) == before


@pytest.mark.parametrize(
    "text, key",
    [
        ("{not json", "error.import_not_json"),
        ('{"format": "iets anders"}', "error.import_format"),
    ],
)
def test_bad_import_files_are_refused_and_change_nothing(store, text, key):
    fill(store)
    before = snapshot(store)
    with pytest.raises(InputError) as caught:
        import_json(store, text)
    assert caught.value.key == key
    assert snapshot(store) == before


CRAFTED = [  # (a crafted answer in a JSON export, what the facilitator is told)
    (
        ("beoordelen", "cijfer", 99),
        "Rij 1 van het bestand (beoordelen, cijfer) is niet ingelezen: "
        "Een rapportcijfer is een getal van 1 tot en met 10",
    ),
    (("beoordelen", "cijfer", {"score": "acht"}), "Rij 1 van het bestand (beoordelen, cijfer)"),
    (
        ("palet", "v1", {"text": "x" * 5000, "cell": "collectief.proces"}),
        "Rij 1 van het bestand (palet, v1) is niet ingelezen",
    ),
    (("palet", "v1", {"text": "Groen", "cell": "nergens.niets"}), "Rij 1 van het bestand (palet, v1)"),
    (("driehoek", "plaats", {"willen": -5, "mogen": 5, "kunnen": 5}), "Rij 1 van het bestand (driehoek"),
    (("stemmen", "x", 1), "Rij 1 van het bestand (stemmen, x) is niet ingelezen"),
]


def crafted_export(store, session, answers) -> str:
    data = export_session(store, session.id)
    data["participants"] = [{"ref": "p-1", "group": "inwoner", "name": ""}]
    data["answers"] = [
        {
            "activity": activity,
            "participant": "p-1",
            "group": "inwoner",
            "item": item,
            "value": value,
            "updated_at": stamp,
        }
        for activity, item, value, stamp in answers
    ]
    return json.dumps(data)


@pytest.mark.parametrize("answer, message", CRAFTED)
def test_crafted_answers_in_a_file_are_refused_with_their_row_and_change_nothing(store, answer, message):
    session, _ = new_session(store, activities=("palet", "beoordelen", "driehoek"))
    before = snapshot(store)
    with pytest.raises(InputError) as caught:
        import_json(store, crafted_export(store, session, [(*answer, 100)]), session.id)
    text = error_message(caught.value, "nl")
    assert text.startswith(message) and text.endswith("Er is niets toegevoegd.")
    assert snapshot(store) == before


def test_a_json_import_with_one_bad_answer_leaves_no_session_behind(store):
    session, _ = fill(store)
    data = json.loads(downloaded_json(store, session.id))
    data["answers"][-1]["value"] = (
        {"score": 99, "note": ""}
        if data["answers"][-1]["activity"] == "beoordelen"
        else {"text": "", "cell": "collectief.proces"}
    )
    store.delete_session(session.id)
    before = snapshot(store)
    with pytest.raises(InputError) as caught:
        import_json(store, json.dumps(data))
    assert caught.value.key == "error.import_row"
    assert snapshot(store) == before  # no session whose key nobody saw


def test_an_import_that_replaces_an_answer_keeps_the_old_one_in_the_history(store):
    session, _ = new_session(store)
    import_json(store, crafted_export(store, session, [("beoordelen", "cijfer", 6, 100)]), session.id)
    assert store.history_count(session.id) == 0
    later = crafted_export(store, session, [("beoordelen", "cijfer", 8, 200)])  # a later copy of the same answer
    import_json(store, later, session.id)
    assert [a.value["score"] for a in store.answers(session.id)] == [8]
    history = store.backend.query("SELECT value FROM answer_history WHERE session_id = :s", {"s": session.id})
    assert [json.loads(h["value"])["score"] for h in history] == [6]


def test_exports_never_contain_participant_tokens(store):
    from io import BytesIO

    from openpyxl import load_workbook

    from widgets.report.document import build_report
    from widgets.report.exports import csv_bytes, xlsx_bytes

    session, _ = fill(store)
    tokens = [r["token"] for r in store.backend.query("SELECT token FROM participants")]
    data = export_session(store, session.id)
    book = load_workbook(BytesIO(xlsx_bytes(data)))
    cells = " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row)
    for text in (
        downloaded_json(store, session.id),
        csv_bytes(data).decode("utf-8-sig"),
        csv_bytes(data, plain=True).decode(),
        cells,
        build_report(data),
    ):
        assert not any(token in text for token in tokens)


def test_a_run_sheet_step_opens_exactly_its_activities_in_one_go(store):
    session, _ = new_session(store, activities=("palet", "prioriteren", "beoordelen"))
    store.set_activity_open(session.id, "palet", True)
    store.set_activity_open(session.id, "prioriteren", True)
    before = store.revision(session.id)
    after = store.set_open_activities(session.id, {"beoordelen"})
    assert list(after.open_activities) == ["beoordelen"]
    assert store.revision(session.id) == before + 1  # one write: phones never see half a step
    with pytest.raises(InputError):
        store.set_open_activities(session.id, {"palet", "driehoek"})  # driehoek is not in this session
    assert list(store.session(session.id).open_activities) == ["beoordelen"]  # nothing changed


def test_several_settings_are_stored_together_or_not_at_all(store):
    session, _ = new_session(store)
    store.set_states(session.id, "tafel", {"step": 3, "duration": 90})
    assert store.state(session.id, "tafel") == {"step": 3, "duration": 90}
    store.delete_session(session.id)
    with pytest.raises(InputError):
        store.set_states(session.id, "tafel", {"step": 4})
