"""Open vraag: a question to the room, short answers, a word cloud that counts a word once however it is inflected.

Expected words and counts are worked out by hand from the answers each test gives; the guiding questions are the
kit's wording of *Werken aan publieke waarde* (Voorwoord, §1.2.2, Box 5.1).
"""

import csv
import io
import json
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from widgets.activities.openvraag.model import (
    ACTIVITY,
    MAX_ANSWERS,
    check_answer,
    check_own,
    check_state,
    check_stored,
    cloud,
    same_word,
    words,
)
from widgets.model.answers import Answer
from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError
from widgets.render.blocks import DASHBOARD, PHONE, REPORT, blocks_html
from widgets.render.cloud import MIN_EM, size
from widgets.report.transfer import export_session

FORM = "form.kit-form-openvraag"


def answer(person: str, text: str, group: str = "a", item: str = "") -> Answer:
    return Answer(ACTIVITY, person, group, item or f"{abs(hash((person, text))) % 16**12:012x}", {"text": text})


def room(store, sizes=(2, 2), language="nl", texts=None):
    """A session whose groups have ``sizes`` people; person i of a group answers ``texts[i % len(texts)]``."""
    spec = SessionSpec(
        title="Woonvisie 2030",
        topic="wonen",
        municipality="Gouda",
        language=language,
        groups=("Ambtenaren", "Inwoners", "Raadsleden")[: len(sizes)],
        activities=(ACTIVITY,),
    )
    session, _ = store.create_session(spec)
    store.set_activity_open(session.id, ACTIVITY, True)
    texts = texts or ("Betaalbare woningen", "Een woning voor starters", "groene huizen")
    for group, n in zip(session.groups, sizes, strict=False):
        for i in range(n):
            person = store.join(session.code, group.key)
            store.submit(person.token, ACTIVITY, {f"{i:012x}": {"text": texts[i % len(texts)]}})
    return session


# ------------------------------------------------------------------ the model: words, merging, counts
def test_an_answer_keeps_its_words_that_say_something():
    # "de", "voor", "een", "the", "for" are on the Snowball stop lists; "s" alone is too short
    assert words("De betaalbare woningen voor starters") == [
        ("betaalbare", "betaalbare"),
        ("woningen", "woningen"),
        ("starters", "starters"),
    ]
    assert words("Housing for the young") == [("housing", "housing"), ("young", "young")]
    assert [k for k, _ in words("Auto's, 2030 en de één-richting")] == ["autos", "richting"]  # digits and stop words go
    assert words("Café") == [("cafe", "café")]  # counted without accents, shown as typed


@pytest.mark.parametrize(
    "a, b",
    [
        ("woning", "woningen"),  # plural -en
        ("huis", "huizen"),  # -zen: huis
        ("boom", "bomen"),  # open syllable: boom
        ("bus", "bussen"),  # doubled consonant
        ("betaalbaar", "betaalbare"),  # adjective -e
        ("huis", "huisjes"),  # diminutive plural
        ("kind", "kinderen"),  # -eren
        ("auto", "autos"),  # "auto's" without its apostrophe
        ("city", "cities"),  # English -ies
        ("duurzaamheid", "duurzaamheit"),  # a typing slip: the palette's similarity, 92 of 100
    ],
)
def test_inflections_and_slips_count_as_one_word(a, b):
    assert same_word(a, b) and same_word(b, a)


@pytest.mark.parametrize(
    "a, b",
    [
        ("verkeersveiligheid", "verkeersdrukte"),  # a shared stem with different words after it
        ("veilig", "veiligheid"),  # another word, not an inflection
        ("groen", "groenten"),
        ("wonen", "woning"),
    ],
)
def test_different_words_stay_apart(a, b):
    assert not same_word(a, b)


def test_the_cloud_joins_the_words_that_same_word_joins_however_many():
    from widgets.activities.openvraag.model import _clusters

    keys = ["woning", "huizen", "verkeersdrukte", "woningen", "bomen", "huis", "duurzaamheit", "boom", "groen"]
    keys += ["verkeersveiligheid", "duurzaamheid", "huisjes", "groenten", "groene", "betaalbare", "betaalbaar"]
    clusters = _clusters(keys)
    for a in keys:  # every pair, the slow way: joined directly or through a third word
        for b in keys:
            linked = same_word(a, b) or any(same_word(a, c) and same_word(c, b) for c in keys)
            assert (clusters[a] == clusters[b]) == linked, (a, b)
    # woning, huis, boom, duurzaamheid, groen, groenten, betaalbaar, verkeersdrukte, verkeersveiligheid
    assert len(set(clusters.values())) == 9


def test_the_cloud_counts_participants_per_word_and_shows_the_form_most_typed():
    given = [
        answer("p1", "Betaalbare woningen"),
        answer("p1", "woningen woningen en nog eens woningen"),  # one participant: woning counts once
        answer("p2", "Een woning voor starters", "b"),
        answer("p3", "woningen, betaalbaar"),
        answer("p4", "groene huizen", "b"),
        answer("p5", "Huisjes in het groen", "b"),
    ]
    found = {w.label: (w.count, w.in_group("a"), w.in_group("b")) for w in cloud(given)}
    # "en", "nog", "eens", "een", "voor", "in", "het" are stop words
    assert found == {
        "woningen": (3, 2, 1),  # p1 (once, however often), p2 (woning), p3: "woningen" typed by two of three
        "betaalbaar": (2, 2, 0),  # betaalbare (p1), betaalbaar (p3): a tie of forms, the shorter
        "groen": (2, 0, 2),  # groene (p4), groen (p5)
        "huizen": (2, 0, 2),  # huizen (p4), huisjes (p5): one word, "huis"; a tie of forms, the shorter
        "starters": (1, 0, 1),
    }
    assert [w.label for w in cloud(given)] == ["woningen", "betaalbaar", "groen", "huizen", "starters"]


def test_check_answer_refuses_in_dutch_and_caps_the_answers():
    assert check_answer("  Betaalbare   woningen ") == "Betaalbare woningen"
    for bad, key in (("", "required"), ("x" * 81, "too_long"), ("a\u202eb", "characters")):
        with pytest.raises(InputError) as refused:
            check_answer(bad)
        assert refused.value.key == f"openvraag.error.{key}"
    with pytest.raises(InputError) as refused:
        check_answer("Betaalbare woningen!", ["betaalbare woningen"])
    assert refused.value.key == "openvraag.error.duplicate"
    with pytest.raises(InputError) as refused:
        check_answer("vier", ["een", "twee", "drie"])
    assert refused.value.key == "openvraag.error.too_many" and refused.value.params["max"] == MAX_ANSWERS == 3


def test_files_are_checked_as_a_phone_is():
    assert check_stored("0123456789ab", {"text": " groen "}) == {"text": "groen"}
    assert check_stored("papier-2", {"text": "groen"}) == {"text": "groen"}
    for item, value in (("x", {"text": "groen"}), ("0123456789ab", {"text": ""}), ("0123456789ab", "groen")):
        with pytest.raises(InputError):
            check_stored(item, value)
    with pytest.raises(InputError):
        check_own({str(i): {"text": f"antwoord {i}"} for i in range(4)})
    with pytest.raises(InputError):
        check_own({"a": {"text": "Groen"}, "b": {"text": "groen!"}})
    assert check_state("guide", "mogen") == "mogen"
    assert check_state("question", " Wat   vindt u? ") == "Wat vindt u?"
    for name, value in (("guide", "anders"), ("question", "x" * 201), ("reveal", True)):
        with pytest.raises(InputError):
            check_state(name, value)


# ------------------------------------------------------------------ the block: sizes, disclosure
def test_word_sizes_grow_in_proportion_to_the_count():
    top, biggest = 9, 3.0
    sizes = [size(n, top, biggest) for n in range(1, top + 1)]
    assert sizes[0] == MIN_EM and sizes[-1] == biggest
    steps = {round(b - a, 6) for a, b in zip(sizes, sizes[1:], strict=False)}
    assert steps == {0.25}  # (3,0 - 1,0) / 8: every extra participant the same step
    assert size(1, 1, biggest) == MIN_EM  # everyone's word used once: all the same size


def test_a_groups_cloud_is_shown_from_k_participants_and_the_room_always(sqlite_store):
    from widgets.activities.openvraag.results import blocks

    def drawn(sizes, surface):
        session = room(sqlite_store, sizes)
        answers = {ACTIVITY: sqlite_store.answers(session.id, ACTIVITY)}
        html = blocks_html(blocks(answers, {}, session, "nl"), surface, "nl")
        soup = BeautifulSoup(html, "html.parser")
        return {
            part["data-kit-cloud"]: {
                tr.th.get_text(strip=True): int(tr["data-kit-count"]) for tr in part.select("tr[data-kit-word]")
            }
            for part in soup.select("[data-kit-cloud]")
        }, soup

    # 2 + 2: each group under k = 5; the room's four answers are on the phone anyway
    clouds, soup = drawn((2, 2), PHONE)
    # each group's two: "Betaalbare woningen", "Een woning voor starters"; woningen 2, woning 2: a tie, the shorter
    assert clouds["*"] == {"woning": 4, "betaalbare": 2, "starters": 2}
    assert list(clouds) == ["*", "_withheld"]  # both groups named on one line, without their words
    withheld = soup.select_one('[data-kit-cloud="_withheld"]').get_text(" ", strip=True)
    assert withheld == "Ambtenaren, Inwoners : te weinig deelnemers om te tonen" and not soup.select(
        "[data-kit-hidden] svg"
    )
    # the dashboard draws them, marked
    clouds, soup = drawn((2, 2), DASHBOARD)
    assert [words["woning"] for key, words in clouds.items() if key != "*"] == [2, 2]
    assert "niet getoond aan deelnemers" in soup.get_text()
    # 5 + 5 + 2: the group of two is hidden, and so the smallest shown (5, the first key on a tie): the room less the
    # groups shown would be their words
    # (keys: ambtenaren before inwoners); each group of five answers texts 1, 2, 3, 1, 2
    clouds, soup = drawn((5, 5, 2), PHONE)
    assert clouds["*"]["woning"] == 10  # 4 + 4 + 2
    assert {key: words for key, words in clouds.items() if key != "*"} == {
        "inwoners": {"woning": 4, "betaalbare": 2, "starters": 2, "groene": 1, "huizen": 1},
        "_withheld": {},
    }
    assert "Ambtenaren, Raadsleden" in soup.select_one('[data-kit-cloud="_withheld"]').get_text()


def test_the_report_shows_the_question_the_cloud_as_a_table_and_every_answer(sqlite_store):
    from widgets.report.document import build_report

    session = room(sqlite_store, (3, 2))
    sqlite_store.set_state(session.id, ACTIVITY, "guide", "mogen")
    soup = BeautifulSoup(build_report(export_session(sqlite_store, session.id)), "html.parser")
    section = soup.select_one(f"section#{ACTIVITY}")
    text = section.get_text(" ", strip=True)
    assert "Gevraagd: Waar krijgen we steun voor?" in text and "Voorwoord en §1.2.2 (mogen)" in text
    # texts by person: 1 Betaalbare woningen, 2 Een woning voor starters, 3 groene huizen (group of 3), 1 and 2 again
    room_table = section.select_one('[data-kit-cloud="*"] table')
    counts = {tr.th.get_text(strip=True): tr.td.get_text(strip=True) for tr in room_table.select("tbody tr")}
    assert counts == {"woning": "4", "betaalbare": "2", "starters": "2", "groene": "1", "huizen": "1"}
    assert not section.select('[data-kit-cloud]:not([data-kit-cloud="*"]) table')  # groups of 3 and 2: under k
    answers = [
        li.get_text(" ", strip=True) for li in section.select('[data-kit-block="openvraag-antwoorden"] .kit-text-entry')
    ]
    assert answers[0].startswith("Betaalbare woningen") and "groene huizen" in answers
    summary = soup.get_text(" ", strip=True)
    assert (
        "Open vraag, meest gebruikte woorden: woning (4), betaalbare (2), starters (2), groene (1), huizen (1)"
        in summary
    )


def test_the_export_gives_each_answer_under_the_question(sqlite_store):
    from widgets.report.exports import csv_bytes

    session = room(sqlite_store, (2,))
    sqlite_store.set_state(session.id, ACTIVITY, "question", "Wat is uw droom voor de wijk?")
    data = export_session(sqlite_store, session.id)
    rows = [
        r for r in csv.DictReader(io.StringIO(csv_bytes(data, plain=True).decode())) if r["activity"] == "Open vraag"
    ]
    assert [(r["item"], r["value"]) for r in rows] == [
        ("Wat is uw droom voor de wijk?", "Betaalbare woningen"),
        ("Wat is uw droom voor de wijk?", "Een woning voor starters"),
    ]


def test_a_paper_sheet_asks_the_question_and_is_typed_in_as_a_phones_answers(sqlite_store):
    from widgets.report.paper import import_paper, template_csv
    from widgets.report.paper_sheet import sheet_html

    session = room(sqlite_store, (2,))
    data = export_session(sqlite_store, session.id)
    headings = template_csv(data, ACTIVITY, "nl").decode("utf-8-sig").strip().split(";")
    assert headings == ["Groep", "Blad", "Uw antwoord"]
    sheet = BeautifulSoup(sheet_html(data, ACTIVITY), "html.parser").get_text(" ", strip=True)
    assert "Waar doen we het voor?" in sheet and "hoogstens 3 korte antwoorden" in sheet
    typed = ";".join(headings) + "\nAmbtenaren;1;Meer groen\nAmbtenaren;1;Veilige straten\n"
    assert import_paper(sqlite_store, session.id, "papier.csv", typed.encode("utf-8-sig"))
    paper = {a.item: a.value for a in sqlite_store.answers(session.id, ACTIVITY) if a.participant.startswith("papier-")}
    assert paper == {"papier-1": {"text": "Meer groen"}, "papier-2": {"text": "Veilige straten"}}
    twice = ";".join(headings) + "\nAmbtenaren;2;Groen\nAmbtenaren;2;groen!\n"
    with pytest.raises(InputError):
        import_paper(sqlite_store, session.id, "papier.csv", twice.encode("utf-8-sig"))


def test_a_follow_up_asks_again_and_shows_the_words_then_and_now(sqlite_store):
    from widgets.activities.openvraag.followup import carry, compare

    before_session = room(sqlite_store, (2,))
    sqlite_store.set_state(before_session.id, ACTIVITY, "question", "Wat is uw droom?")
    before = export_session(sqlite_store, before_session.id)
    after = json.loads(json.dumps(before))
    after["answers"][1]["value"]["text"] = "Groene woning"  # woning 2 -> 2, starters gone, groen new
    change = compare(before, after, ())
    assert [(w.label, w.then, w.now, w.status) for w in change.words] == [
        ("woning", 2, 2, "kept"),  # woningen and woning: one word
        ("betaalbare", 1, 1, "kept"),
        ("groene", 0, 1, "new"),
        ("starters", 1, 0, "dropped"),
    ]
    follow, _ = sqlite_store.create_session(
        SessionSpec(title="Later", topic="wonen", municipality="", language="nl", groups=("A",), activities=(ACTIVITY,))
    )
    carry(sqlite_store, follow, before)
    assert sqlite_store.state(follow.id, ACTIVITY)["question"] == "Wat is uw droom?"


def test_the_results_page_lists_the_own_answers_only(sqlite_store):
    from widgets.activities.openvraag.results import own
    from widgets.model.answers import answers_by_activity

    session = room(sqlite_store, (2,))
    answers = answers_by_activity(export_session(sqlite_store, session.id)["answers"])
    me = SimpleNamespace(ref=answers[ACTIVITY][0].participant, group_key=session.groups[0].key)
    html = blocks_html(own(answers, {}, session, me, "nl")["blocks"], PHONE, "nl")
    assert "Betaalbare woningen" in html and "starters" not in html


def test_the_dashboard_sets_the_question_and_draws_the_cloud(sqlite_store):
    from widgets.activities.openvraag.dashboard import Dashboard

    session = room(sqlite_store, (2,))
    view = Dashboard(sqlite_store, session, "nl")
    view.refresh(session)
    assert "Gevraagd: Waar doen we het voor?" in view.asked.value  # the first guiding question until one is chosen
    assert 'data-kit-word="woningen"' in view.figures.value
    view.own.value = "x" * 201
    view.save()
    assert "Stelling is te lang: maximaal 200 tekens." in view.message.value
    assert sqlite_store.state(session.id, ACTIVITY).get("question") in (None, "")
    view.own.value = "Wat is uw droom voor de wijk?"
    view.save()
    assert sqlite_store.state(session.id, ACTIVITY)["question"] == "Wat is uw droom voor de wijk?"
    assert "Gevraagd: Wat is uw droom voor de wijk?" in view.asked.value


def test_the_cap_holds_in_the_stores_transaction(store):
    from widgets.activities.openvraag.page import CAP

    session = room(store, (1,))
    person = store.join(session.code, session.groups[0].key)
    for i in range(3):
        store.submit(person.token, ACTIVITY, {f"{i:012x}": {"text": f"antwoord {i}"}}, **CAP)
    before = store.my_answers(person.token, ACTIVITY)
    with pytest.raises(InputError) as refused:
        store.submit(person.token, ACTIVITY, {"f" * 12: {"text": "vier"}}, **CAP)
    assert refused.value.key == "openvraag.error.too_many"
    assert store.my_answers(person.token, ACTIVITY) == before


# ------------------------------------------------------------------ a phone
def test_a_phone_answers_deletes_and_meets_the_cap(kit, phone, new_session, kit_store):
    session = new_session(activities=(ACTIVITY,))
    me = phone()
    me.join(session.code, "Inwoner")
    page = me.get(f"kit/{session.code}/{ACTIVITY}")
    assert page.text("h1") == "Open vraag"
    assert page.text("#question") == "Waar doen we het voor?"
    page = me.submit(FORM, text="Betaalbare woningen")
    assert page.text(".kit-notice") == "Uw antwoord is opgeslagen: Betaalbare woningen"
    page = me.submit(FORM, text="betaalbare  woningen!")
    assert page.errors() == ["Fout: Dit antwoord heeft u al gegeven."]
    page = me.submit(FORM, text="x" * 81)
    assert page.errors() == ["Fout: Uw antwoord is te lang: hoogstens 80 tekens."]
    me.submit(FORM, text="Groen in de wijk")
    page = me.submit(FORM, text="Veilige straten")
    assert page.all(".kit-mine-text") == ["Betaalbare woningen", "Groen in de wijk", "Veilige straten"]
    assert page.form(FORM) is None and "het hoogste aantal" in page.text()  # three: no form for a fourth
    page = me.submit('[data-kit-item] form[action$="/delete"]')
    assert page.text(".kit-notice") == "Uw antwoord is verwijderd."
    assert len(kit_store.my_answers(me.token(session.code), ACTIVITY)) == 2
    assert page.form(FORM) is not None


def test_a_hidden_answer_leaves_the_cloud_and_the_list(sqlite_store):
    from widgets.activities.openvraag.results import blocks

    session = room(sqlite_store, (2,))
    hidden = next(
        a for a in sqlite_store.answers(session.id, ACTIVITY) if a.value["text"] == "Een woning voor starters"
    )
    sqlite_store.hide_text(session.id, (ACTIVITY, hidden.participant, hidden.item, "text"), True)
    answers = {ACTIVITY: sqlite_store.answers(session.id, ACTIVITY)}
    soup = BeautifulSoup(blocks_html(blocks(answers, {}, session, "nl"), REPORT, "nl"), "html.parser")
    words = {
        tr.th.get_text(strip=True): tr.td.get_text(strip=True) for tr in soup.select('[data-kit-cloud="*"] tbody tr')
    }
    assert words == {"betaalbare": "1", "woningen": "1"}  # starters gone, woning 2 -> 1
    assert "starters" not in soup.get_text()
