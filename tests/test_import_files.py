"""A session file cannot steer a session (issue 30, point 2): every crafted file is refused and changes nothing.

Each attack was measured on the kit before the import checked its files: a file set the projector's
address and released the results, a malformed setting broke the phone, the screen and the report,
a participant came in with 10,000 values, a deeply nested file raised RecursionError.
"""

import json

import pytest

from widgets.i18n import error_message
from widgets.model.links import ADDRESS_KEY, SCREEN
from widgets.model.results import RELEASED, RESULTS, is_released
from widgets.model.validation import InputError
from widgets.report.followup import followup_of_file, followup_of_session, previous_of
from widgets.report.transfer import FORMAT, MAX_BYTES, export_session, import_json

from .test_store import downloaded_json, fill, new_session, snapshot

EVIL = "https://evil.example/x?"
ACTIVITIES = ("palet", "prioriteren", "beoordelen", "eigen")
STATEMENTS = [{"key": "e1", "text": "We werken vanuit de bedoeling"}, {"key": "e2", "text": "De raad stuurt op doelen"}]


def refused(store, text, session_id=None) -> InputError:
    """The error a file is refused with; the store is exactly as it was."""
    before = snapshot(store)
    with pytest.raises(InputError) as caught:
        import_json(store, text, session_id)
    assert snapshot(store) == before
    return caught.value


def workshop(store):
    """A session with a merged palette, a selection, own statements and the palette's results shown."""
    session, key = new_session(store, activities=ACTIVITIES)
    for activity in ACTIVITIES:
        store.set_activity_open(session.id, activity, True)
    people = [store.join(session.code, group) for group in ("ambtelijk", "inwoner")]
    for i, person in enumerate(people):
        store.submit(
            person.token, "palet", {"v1": {"text": ("Betaalbaarheid", "Betaalbaar")[i], "cell": "collectief.materieel"}}
        )
        store.submit(person.token, "palet", {"v2": {"text": "Inspraak", "cell": "collectief.proces"}})
        store.submit(person.token, "prioriteren", {"verdeling": {"betaalbaarheid": 70, "inspraak": 30}})
        store.submit(person.token, "eigen", {"e1": {"score": 7 + i, "note": ""}})
    store.set_state(session.id, "palet", "merges", {"betaalbaar": "betaalbaarheid"})
    store.set_state(session.id, "palet", "apart", [["betaalbaarheid", "inspraak"]])
    store.set_state(session.id, "palet", "reveal", True)
    store.set_state(session.id, "prioriteren", "selection", ["betaalbaarheid", "inspraak"])
    store.set_state(session.id, "eigen", "statements", STATEMENTS)
    return session, key


def exported(store, session, **changes) -> dict:
    data = export_session(store, session.id)
    data.update(changes)
    return data


def test_a_normal_export_comes_back_with_its_settings_but_not_shown_to_the_phones(store):
    session, _ = workshop(store)
    text = downloaded_json(store, session.id)
    assert json.loads(text)["state"]["palet"]["reveal"] is True  # the export keeps it, as it was
    store.delete_session(session.id)
    restored, key, counts = import_json(store, text)
    assert key and counts == {"groups": 0, "participants": 2, "answers": 8}
    palet = store.state(restored.id, "palet")
    assert palet == {"merges": {"betaalbaar": "betaalbaarheid"}, "apart": [["betaalbaarheid", "inspraak"]]}
    assert store.state(restored.id, "prioriteren") == {"selection": ["betaalbaarheid", "inspraak"]}
    assert store.state(restored.id, "eigen") == {"statements": STATEMENTS}
    assert "reveal" not in palet  # results reach the phones when the facilitator shows them again
    # the same file into the restored session adds nothing and keeps the settings
    assert import_json(store, text, restored.id)[2] == {"groups": 0, "participants": 0, "answers": 0}
    assert store.state(restored.id, "palet") == palet


def test_a_follow_up_export_comes_back_with_its_earlier_session_and_starting_palette(store):
    first, _ = workshop(store)
    follow, _ = followup_of_session(store, first.id, "Een jaar later")
    start = store.state(follow.id, "palet")["start"]
    assert ["betaalbaarheid", "Betaalbaar", "collectief.materieel"] in start  # the merged value
    text = downloaded_json(store, follow.id)
    store.delete_session(follow.id)
    restored, _, _ = import_json(store, text)
    assert store.state(restored.id, "palet")["start"] == start
    earlier = previous_of(store, restored.id)
    assert earlier["session"]["code"] == first.code and len(earlier["answers"]) == 8
    assert earlier["state"]["palet"]["merges"] == {"betaalbaar": "betaalbaarheid"}


CONTROLS = [  # the facilitator's controls, which a file once set
    {SCREEN: {ADDRESS_KEY: EVIL}},
    {RESULTS: {RELEASED: True}},
    {"tafel": {"step": 7, "duration": 90}},
    {"vervolg": {"previous": {"format": FORMAT}}},
]


def test_the_measured_file_sets_neither_the_screen_nor_the_release(store):
    session, _ = fill(store)
    text = json.dumps({"format": FORMAT, "state": {SCREEN: {ADDRESS_KEY: EVIL}, RESULTS: {RELEASED: True}}})
    refused(store, text, session.id)
    assert store.state(session.id, SCREEN).get(ADDRESS_KEY) is None
    assert not is_released(store.state(session.id, RESULTS))


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: next(iter(c)))
@pytest.mark.parametrize("into", ["new", "same"])
def test_a_file_never_sets_the_facilitators_controls(store, control, into):
    session, _ = fill(store)
    text = json.dumps(exported(store, session, state=control))
    error = refused(store, text, session.id if into == "same" else None)
    assert error.key == "error.import_control"
    assert error_message(error, "nl").startswith(f"Het bestand bevat instellingen van ‘{next(iter(control))}’")


@pytest.mark.parametrize("into", ["new", "same"])
def test_a_file_does_not_show_results_to_the_phones(store, into):
    session, _ = fill(store)
    data = exported(store, session, state={"palet": {"reveal": True}, "beoordelen": {"reveal": True}})
    restored, _, _ = import_json(store, json.dumps(data), session.id if into == "same" else None)
    for activity in ("palet", "beoordelen"):
        assert not store.state(restored.id, activity).get("reveal")


BAD_SETTINGS = [  # (activity, setting, value): each broke a page or had a shape no control stores
    ("prioriteren", "selection", 5),
    ("prioriteren", "selection", "betaalbaarheid"),
    ("prioriteren", "selection", [["betaalbaarheid"]]),
    ("prioriteren", "selection", [{"key": "betaalbaarheid"}]),
    ("prioriteren", "selection", ["Betaalbaarheid!"]),  # not a key the palette makes
    ("prioriteren", "selection", ["x"] * 6000),
    ("prioriteren", "kleur", "rood"),  # a setting prioriteren does not have
    ("palet", "merges", ["a", "b"]),
    ("palet", "merges", {"a": 5}),
    ("palet", "apart", [["a", "b", "c"]]),
    ("palet", "start", [["groen", "Groen"]]),
    ("palet", "start", [["groen", "Groen", "nergens.niets"]]),
    ("palet", "start", [["groen", "x" * 500, "collectief.proces"]]),
    ("eigen", "statements", "Een stelling"),
    ("eigen", "statements", [{"key": "e2", "text": "Een stelling"}]),
    ("eigen", "statements", [{"key": "e1", "text": 5}]),
    ("eigen", "statements", [{"key": f"e{n}", "text": f"Stelling {n}"} for n in range(1, 14)]),
    ("beoordelen", "agenda", ["eerlijk"]),  # beoordelen has no settings but the reveal switch
]


@pytest.mark.parametrize("activity, name, value", BAD_SETTINGS)
def test_a_malformed_or_unknown_setting_is_refused_with_its_name(store, activity, name, value):
    session, _ = new_session(store, activities=ACTIVITIES)
    text = json.dumps(exported(store, session, state={activity: {name: value}}))
    for target in (session.id, None):
        error = refused(store, text, target)
        assert error.key == "error.import_setting"
        message = error_message(error, "nl")
        assert message.startswith(f"De instelling ‘{name}’ van {activity} in het bestand is niet ingelezen: ")
        assert message.endswith("Er is niets toegevoegd.")


def test_a_setting_of_an_activity_the_session_lacks_is_refused(store):
    session, _ = fill(store)  # palet and beoordelen
    text = json.dumps(exported(store, session, state={"prioriteren": {"selection": ["waarde 1"]}}))
    assert refused(store, text, session.id).key == "error.import_state_activity"


def values(n: int, start: int = 0) -> list:
    return [("palet", f"v{i}", {"text": f"waarde {i}", "cell": "collectief.proces"}) for i in range(start, start + n)]


def with_answers(store, session, rows, ref="p-1", stamp=100) -> str:
    data = exported(store, session, participants=[{"ref": ref, "group": "inwoner", "name": ""}])
    data["answers"] = [
        {"activity": a, "participant": ref, "group": "inwoner", "item": item, "value": value, "updated_at": stamp}
        for a, item, value in rows
    ]
    return json.dumps(data)


def test_a_file_brings_no_more_values_per_participant_than_a_phone(store):
    session, _ = new_session(store)
    error = refused(store, with_answers(store, session, values(10_000)))
    assert error_message(error, "nl") == (
        "De antwoorden van deelnemer p-1 bij palet zijn niet ingelezen: Dat zouden 10.000 waarden van één "
        "deelnemer zijn; op een telefoon kan een deelnemer er hoogstens 30 noemen. Er is niets toegevoegd."
    )
    refused(store, with_answers(store, session, values(31)), session.id)
    import_json(store, with_answers(store, session, values(30)), session.id)  # as many as a phone may
    assert len(store.answers(session.id)) == 30


def test_the_cap_counts_what_the_participant_already_has(store):
    session, _ = new_session(store)
    import_json(store, with_answers(store, session, values(20)), session.id)
    error = refused(store, with_answers(store, session, values(11, start=20)), session.id)
    assert "Dat zouden 31 waarden" in error_message(error, "nl")
    import_json(store, with_answers(store, session, values(10, start=20)), session.id)
    assert len(store.answers(session.id)) == 30
    # a newer version of a value the participant has replaces it and is not counted twice
    later = [("palet", "v0", {"text": "nieuwe waarde", "cell": "collectief.proces"})]
    import_json(store, with_answers(store, session, later, stamp=200), session.id)
    assert len(store.answers(session.id)) == 30 and "nieuwe waarde" in {
        a.value["text"] for a in store.answers(session.id)
    }


def test_a_participant_does_not_name_the_same_value_twice(store):
    session, _ = new_session(store)
    twice = [("palet", "v1", {"text": "Groen", "cell": "collectief.proces"})]
    twice.append(("palet", "v2", {"text": " groen", "cell": "individueel.materieel"}))
    error = refused(store, with_answers(store, session, twice))
    assert "De waarde ‘groen’ zou er twee keer staan." in error_message(error, "nl")


def nested(depth: int):
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


@pytest.mark.parametrize("depth", [30, 5000, 200_000])
@pytest.mark.parametrize("into", ["new", "same"])
def test_a_deeply_nested_file_is_refused(store, depth, into):
    session, _ = new_session(store, activities=ACTIVITIES)
    data = exported(store, session, state={"prioriteren": {"selection": "NESTED"}})
    text = json.dumps(data).replace('"NESTED"', "[" * depth + "]" * depth)
    error = refused(store, text, session.id if into == "same" else None)
    assert error_message(error, "nl") == (
        "Dit bestand is dieper genest dan een export van deze werkplaats ooit is. Er is niets toegevoegd."
    )


def test_a_file_larger_than_an_upload_is_refused(store):
    session, _ = fill(store)
    data = exported(store, session, toelichting="x" * MAX_BYTES)
    error = refused(store, json.dumps(data))
    assert error_message(error, "nl").startswith("Dit bestand is te groot om in te lezen")


def broken(path: str, value):
    """A change to an export: ``path`` in it (keys and list positions, dotted) set to ``value``."""

    def change(data):
        *parents, last = path.split(".")
        inner = data
        for step in parents:
            inner = inner[int(step)] if isinstance(inner, list) else inner[step]
        inner[int(last) if isinstance(inner, list) else last] = value
        return data

    change.path = path
    return change


WRONG_TYPES = [
    broken("session", []),
    broken("session.title", 5),
    broken("session.activities", "palet"),
    broken("session.code", 123456),
    broken("groups", {"inwoner": "Inwoner"}),
    broken("groups.0", "Ambtelijk"),
    broken("groups.0.label", None),
    broken("groups.0.label", ""),
    broken("participants", {"ref": "p-1"}),
    broken("participants.0", "p-1"),
    broken("participants.0.ref", ["p-1"]),
    broken("participants.0.group", 5),
    broken("participants.0", {"ref": "p-9", "group": "nergens"}),  # a group neither file nor session has
    broken("participants.0.name", {"voornaam": "An"}),
    broken("answers", {"0": {}}),
    broken("answers.0", "palet"),
    broken("answers.0.participant", ["p-1"]),
    broken("answers.0.participant", "niemand"),  # nobody in the file or the session
    broken("answers.0.item", ["v1"]),
    broken("answers.0.item", "v" * 1000),
    broken("state", ["palet"]),
    broken("state.palet", "merges"),
    broken("previous", "sessie-oud.json"),
    broken("previous", {"format": FORMAT, "session": {"title": "Oud"}}),
]


@pytest.mark.parametrize("change", WRONG_TYPES, ids=lambda c: c.path)
@pytest.mark.parametrize("into", ["new", "same"])
def test_wrong_types_anywhere_are_refused_in_dutch_and_change_nothing(store, change, into):
    session, _ = fill(store)
    data = json.loads(downloaded_json(store, session.id))
    data.setdefault("state", {})["palet"] = {"merges": {"waarde 1": "waarde 0"}}
    data["previous"] = json.loads(json.dumps(data))
    if into == "new":
        store.delete_session(session.id)
    error = refused(store, json.dumps(change(data)), session.id if into == "same" else None)
    assert not error_message(error, "nl").startswith("error.")  # a message of the catalog, in Dutch


def test_an_earlier_session_in_a_file_is_checked_as_the_file_is(store):
    session, _ = workshop(store)
    earlier = exported(store, session, state={"prioriteren": {"selection": 5}})
    later, _ = new_session(store, activities=ACTIVITIES)
    error = refused(store, json.dumps(exported(store, later, previous=earlier)), later.id)
    assert error.key == "error.import_setting"
    before = snapshot(store)
    for text in (json.dumps(earlier), json.dumps(exported(store, session, state={"palet": {"merges": 5}}))):
        with pytest.raises(InputError):
            followup_of_file(store, text)
        assert snapshot(store) == before
