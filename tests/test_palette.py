"""The merged palette: normalisation, counting per group, merge suggestions, and the two views."""

import pytest
from bs4 import BeautifulSoup

from widgets.activities.palet.model import (
    ACTIVITY,
    check_new_value,
    compare_with_book,
    merge_palette,
    normalize_value,
    suggest_merges,
)
from widgets.model.answers import Answer
from widgets.model.sessions import SessionSpec
from widgets.model.typology import PaletteValue
from widgets.model.validation import InputError

from .loops import in_own_loop


def answer(participant, group, text, cell="individueel.materieel"):
    row = {"activity": ACTIVITY, "participant": participant, "group": group, "item": text}
    return Answer.from_dict(row | {"value": {"text": text, "cell": cell}})


def test_normalisation_ignores_case_spacing_accents_and_punctuation():
    assert normalize_value("  Betaalbaarheid ") == "betaalbaarheid"
    assert normalize_value("Efficiënt,  bestuur!") == "efficient bestuur"
    assert normalize_value("Veiligheid") != normalize_value("verkeersveiligheid")


def test_same_value_in_other_spelling_counts_once_per_participant_and_marks_shared():
    grid = merge_palette(
        [
            answer("p1", "ambtelijk", "Betaalbaarheid"),
            answer("p2", "inwoner", " betaalbaarheid "),
            answer("p3", "inwoner", "Groen", "collectief.immaterieel"),
        ]
    )
    (value,) = grid["individueel.materieel"]
    assert (value.key, value.count, value.groups, value.shared) == ("betaalbaarheid", 2, {"ambtelijk", "inwoner"}, True)
    (own,) = grid["collectief.immaterieel"]
    assert own.shared is False and own.groups == {"inwoner"}


def test_a_merged_value_sits_in_the_cell_most_people_chose():
    grid = merge_palette(
        [
            answer("p1", "a", "inspraak", "individueel.proces"),
            answer("p2", "a", "Inspraak", "collectief.proces"),
            answer("p3", "b", "inspraak", "collectief.proces"),
        ]
    )
    assert [v.key for v in grid["collectief.proces"]] == ["inspraak"]
    assert grid["individueel.proces"] == []


def test_the_rooms_palette_is_a_block_of_the_books_six_cells_with_counts_and_who_named_each():
    from widgets.activities.palet.results import blocks
    from widgets.model.sessions import Group, Session

    session = Session(
        id="s",
        code="ABC123",
        title="Woonvisie",
        topic="wonen",
        municipality="",
        language="nl",
        activities=(ACTIVITY,),
        open_activities=(),
        status="open",
        groups=(Group("inwoner", "Inwoner"), Group("ambtelijk", "Ambtelijk")),
    )
    given = [
        answer("p1", "ambtelijk", "Betaalbaarheid"),
        answer("p2", "inwoner", "Betaalbaarheid"),
        answer("p3", "inwoner", "Betaalbaarheid!"),
        answer("p3", "inwoner", "Betaalbare woningen"),  # merged into betaalbaarheid below: p3 counts once
        answer("p1", "ambtelijk", "Starters", "individueel.materieel"),
        answer("p2", "inwoner", "Inspraak", "collectief.proces"),
        answer("p3", "inwoner", "inspraak", "collectief.proces"),
    ]
    merges = {"betaalbare woningen": "betaalbaarheid"}
    (palette,) = blocks({ACTIVITY: given}, {ACTIVITY: {"merges": merges}}, session, "nl")
    assert (palette.key, palette.title) == (ACTIVITY, "Het gezamenlijke palet")
    assert palette.intro.startswith("Per waarde: hoe vaak die genoemd is, en ★ gedeeld (door twee of meer groepen)")
    assert palette.empty == "Nog geen waarden genoemd."
    assert palette.rows == ("Individueel", "Collectief")
    assert palette.columns == ("Materiële waarden", "Immateriële waarden", "Proceswaarden")
    assert [(s.key, s.heading) for s in palette.sections][::5] == [
        ("individueel.materieel", "individueel, materieel"),
        ("collectief.proces", "collectief, proces"),
    ]
    counted = {s.key: [(e.text, e.count, e.mark, e.strong, e.groups) for e in s.entries] for s in palette.sections}
    assert counted["individueel.materieel"] == [
        # three people, two groups; the spelling two of the four mentions used
        ("Betaalbaarheid", 3, "gedeeld", True, ("ambtelijk", "inwoner")),
        ("Starters", 1, "Ambtelijk", False, ("ambtelijk",)),  # the one group that named it
    ]
    assert counted["collectief.proces"] == [("Inspraak", 2, "Inwoner", False, ("inwoner",))]
    assert [k for k, entries in counted.items() if entries] == ["individueel.materieel", "collectief.proces"]
    (english,) = blocks({}, {}, session, "en")
    assert not english.given and english.empty == "No values named yet." and len(english.sections) == 6


def test_suggestions_find_near_duplicates_but_never_merge_by_themselves():
    keys = ["betaalbaarheid", "betaalbare woningen", "veiligheid", "verkeersveiligheid", "groen"]
    pairs = suggest_merges(keys)
    assert ("betaalbaarheid", "betaalbare woningen") in pairs
    assert ("veiligheid", "verkeersveiligheid") not in pairs
    assert all("groen" not in pair for pair in pairs)
    assert suggest_merges(keys, dismissed=[("betaalbare woningen", "betaalbaarheid")]) == []
    grid = merge_palette([answer("p1", "a", "veiligheid"), answer("p2", "b", "verkeersveiligheid")])
    assert len(grid["individueel.materieel"]) == 2  # nothing merged until the facilitator says so


def test_facilitator_merge_combines_counts_and_groups_and_keeps_the_words():
    answers = [answer("p1", "a", "betaalbaarheid"), answer("p2", "b", "Betaalbare woningen")]
    grid = merge_palette(answers, {"betaalbare woningen": "betaalbaarheid"})
    (value,) = grid["individueel.materieel"]
    assert value.count == 2 and value.shared
    assert set(value.spellings) == {"betaalbaarheid", "Betaalbare woningen"}


def test_comparison_with_the_book():
    book = [
        PaletteValue("2.1", "wonen", "individueel", "materieel", "Betaalbaarheid"),
        PaletteValue("2.1", "wonen", "collectief", "immaterieel", "Leefbaarheid"),
    ]
    grid = merge_palette([answer("p1", "a", "betaalbaarheid"), answer("p2", "a", "Groene wijk")])
    also, only_book, new = compare_with_book(grid, book)
    assert (also, only_book, new) == (["Betaalbaarheid"], ["Leefbaarheid"], ["Groene wijk"])


@pytest.mark.parametrize(
    "text, cell, own, key",
    [
        ("", "individueel.materieel", [], "error.required"),
        ("x" * 81, "individueel.materieel", [], "error.too_long"),
        ("groen", "nergens", [], "palet.error.cell"),
        ("Groen ", "individueel.materieel", ["groen"], "palet.error.duplicate"),
        ("nieuw", "individueel.materieel", [f"w{i}" for i in range(30)], "palet.error.too_many"),
    ],
)
def test_bad_values_are_refused(text, cell, own, key):
    with pytest.raises(InputError) as caught:
        check_new_value(text, cell, own)
    assert caught.value.key == key


def setup_palette(store, topic="wonen"):
    from widgets.activities.palet.dashboard import Dashboard as PaletteDashboard

    session, _ = store.create_session(SessionSpec(title="Palet", topic=topic, activities=("palet",)))
    session = store.set_activity_open(session.id, "palet", True)
    people = [store.join(session.code, g) for g in ("ambtelijk", "inwoner")]
    return session, people, PaletteDashboard(store, session, "nl")


def add(store, participant, text, cell="individueel.materieel"):
    """What the phone's form stores for one new value (the page's own rules: tests/test_web_palette.py)."""
    import secrets

    store.submit(participant.token, "palet", {secrets.token_hex(6): {"text": text, "cell": cell}})


def test_dashboard_shows_counts_groups_and_escapes_text(sqlite_store):
    session, (ambt, inw), dash = setup_palette(sqlite_store)
    add(sqlite_store, ambt, "Betaalbaarheid")
    add(sqlite_store, inw, "betaalbaarheid  ")
    add(sqlite_store, inw, "<img src=x onerror=alert(1)>", "collectief.proces")
    dash.refresh(sqlite_store.session(session.id))
    assert 'data-kit-item="betaalbaarheid" data-kit-count="2" data-kit-groups="ambtelijk,inwoner"' in dash.grid.value
    assert "<img" not in dash.grid.value and "&lt;img src=x" in dash.grid.value
    own = BeautifulSoup(dash.grid.value, "html.parser").select_one('[data-kit-item="img src x onerror alert 1"]')
    assert (own["data-kit-groups"], own.select_one(".kit-text-mark").get_text()) == ("inwoner", "Inwoner")
    assert "Betaalbaarheid" in dash.compare.value  # also in Tabel 2.1


def test_dashboard_headings_are_markup_not_text(sqlite_store):
    """The grid's title and captions reach the page as markup, not as "<caption>…</caption>" to read (issue 27)."""
    session, (ambt, _), dash = setup_palette(sqlite_store)
    add(sqlite_store, ambt, "Betaalbaarheid")
    dash.refresh(sqlite_store.session(session.id))
    assert '<p class="kit-block-title">Het gezamenlijke palet</p>' in dash.grid.value
    assert "<caption>Individueel</caption>" in dash.grid.value and "&lt;" not in dash.grid.value
    assert "<p>Geen waarden die op elkaar lijken.</p>" in dash.suggestions_head.value


def test_merge_button_merges_and_the_reveal_switch_is_stored(sqlite_store):
    session, (ambt, inw), dash = setup_palette(sqlite_store)
    add(sqlite_store, ambt, "betaalbaarheid")
    add(sqlite_store, inw, "Betaalbare woningen")
    dash.refresh(sqlite_store.session(session.id))
    merge_buttons = [row.children[1] for row in dash.suggestions.children if hasattr(row, "children")]
    assert len(merge_buttons) == 1
    merge_buttons[0].click()
    dash.refresh(sqlite_store.session(session.id))
    assert 'data-kit-count="2"' in dash.grid.value
    assert not sqlite_store.state(session.id, "palet").get("reveal")
    dash.reveal.value = True
    assert sqlite_store.state(session.id, "palet")["reveal"] is True


def test_palette_export_records_merges_and_keeps_own_words(sqlite_store):
    from io import BytesIO

    from openpyxl import load_workbook

    from widgets.activities.palet.exports import merged_rows
    from widgets.report.exports import xlsx_bytes
    from widgets.report.files import json_bytes
    from widgets.report.transfer import export_session, import_json

    session, (ambt, inw), dash = setup_palette(sqlite_store)
    add(sqlite_store, ambt, "betaalbaarheid")
    add(sqlite_store, inw, "Betaalbare woningen")
    dash.merge("betaalbaarheid", "betaalbare woningen", {"betaalbaarheid": 1, "betaalbare woningen": 1})
    data = export_session(sqlite_store, session.id)
    rows = merged_rows(data)  # the workbook's "Palet samengevoegd" sheet
    assert sorted(r["text"] for r in rows) == ["Betaalbare woningen", "betaalbaarheid"]
    assert {r["merged_value"] for r in rows} == {"betaalbaarheid"}
    assert all(r["shared"] == "ja" for r in rows)
    book = load_workbook(BytesIO(xlsx_bytes(data)))
    assert book["Palet samengevoegd"].max_row == 3
    # the merge travels with a JSON export
    exported = json_bytes(data, "nl").decode("utf-8")
    sqlite_store.delete_session(session.id)
    restored, _, _ = import_json(sqlite_store, exported)
    assert sqlite_store.state(restored.id, "palet")["merges"] == {"betaalbare woningen": "betaalbaarheid"}


def test_a_big_palette_draws_the_first_values_of_each_cell_and_more_on_request(sqlite_store):
    """3,000 values must not become 3,000 rows at once: 25 per cell, "Meer tonen" for the next 25 (issue 28)."""
    session, _, dash = setup_palette(sqlite_store)
    people = [sqlite_store.join(session.code, "inwoner") for _ in range(3)]
    for n, person in enumerate(people):  # 60 distinct values in one cell, 3 in another
        add(sqlite_store, person, f"Zeldzame waarde {n}", "collectief.proces")
        sqlite_store.submit(
            person.token,
            "palet",
            {f"v{n}-{j}": {"text": f"Waarde {n * 20 + j:03d}", "cell": "individueel.materieel"} for j in range(20)},
        )
    dash.refresh(sqlite_store.session(session.id))

    def drawn():
        return len(BeautifulSoup(dash.grid.value, "html.parser").select("[data-kit-item]"))

    assert drawn() == 28 and "28 van 63 getoond: per vak de eerste 25" in dash.more.label.value
    assert dash.more.fewer.layout.display == "none"
    dash.more.more.click()
    assert drawn() == 53 and "53 van 63 getoond" in dash.more.label.value
    dash.more.more.click()
    assert drawn() == 63 and dash.more.more.layout.display == "none"
    dash.more.fewer.click()
    assert drawn() == 53


def test_merge_suggestions_found_one_new_value_at_a_time_are_those_found_at_once():
    """The dashboard compares only new values with the others; what it suggests must not depend on that."""
    from widgets.activities.palet.model import alike, ranked_pairs, suggest_merges

    keys = ["betaalbaarheid", "groen in de wijk", "veiligheid", "betaalbare woningen", "groen in de wyk"]
    keys += ["verkeersveiligheid", "inspraak", "betaalbaar", "groene wijk"]
    scores: dict = {}
    for n in range(1, len(keys) + 1):
        scores.update(alike([keys[n - 1]], keys[:n]))
        assert ranked_pairs(scores) == suggest_merges(keys[:n])
    assert ("betaalbaarheid", "betaalbare woningen") in suggest_merges(keys)
    assert ("veiligheid", "verkeersveiligheid") not in suggest_merges(keys)  # containing is the facilitator's call
    assert ranked_pairs(scores, [("betaalbare woningen", "betaalbaarheid")]) == [
        p for p in suggest_merges(keys) if p != ("betaalbaarheid", "betaalbare woningen")
    ]


def test_a_big_palette_draws_its_values_first_and_its_merge_suggestions_a_moment_later(sqlite_store):
    """Comparing thousands of values waits for the kernel's next turn (issue 28): the values are on the page at
    once, "worden gezocht" says the suggestions are coming, and then they are there, as for a small palette."""
    import asyncio
    import hashlib

    from widgets.activities.palet.dashboard import COMPARE_NOW

    session, (ambt, inw), dash = setup_palette(sqlite_store)
    people = [sqlite_store.join(session.code, "inwoner") for _ in range(COMPARE_NOW // 25 + 1)]
    for n, person in enumerate(people):
        sqlite_store.submit(
            person.token,
            "palet",
            {  # values that look alike to nothing (ten letters of a hash each)
                f"v{n}-{j}": {"text": hashlib.sha1(f"{n}-{j}".encode()).hexdigest()[:10], "cell": "collectief.proces"}
                for j in range(25)
            },
        )
    add(sqlite_store, ambt, "betaalbaarheid")
    add(sqlite_store, inw, "Betaalbare woningen")

    def rows():
        return [row.children[0].value for row in dash.suggestions.children]

    async def open_dashboard():
        dash.refresh(sqlite_store.session(session.id))
        drawn = (dash.grid.value, dash.suggestions_head.value, rows())
        await asyncio.sleep(0.5)
        return drawn

    grid, head, before = in_own_loop(open_dashboard())
    assert 'data-kit-item="betaalbaarheid"' in grid and before == []
    assert "Waarden die op elkaar lijken worden gezocht" in head
    assert any("Betaalbare woningen" in row for row in rows())
    assert "worden gezocht" not in dash.suggestions_head.value
    # a value more is compared at once, without waiting
    add(sqlite_store, inw, "Betaalbaarheid van huren")
    _, head, at_once = in_own_loop(open_dashboard())
    assert any("Betaalbaarheid van huren" in row for row in at_once) and "worden gezocht" not in head


def test_the_merged_palette_is_made_again_when_a_value_or_a_merge_changes():
    """merge_palette remembers a grid by the answers and merges it was made of; a change in either is seen."""
    answers = [answer("p1", "ambtelijk", "Betaalbaarheid"), answer("p2", "inwoner", "Betaalbare woningen")]
    first = merge_palette(answers)
    assert [m.key for m in first["individueel.materieel"]] == ["betaalbaarheid", "betaalbare woningen"]
    first["individueel.materieel"].clear()  # what a caller does with its copy stays with it
    assert len(merge_palette(answers)["individueel.materieel"]) == 2
    merged = merge_palette(answers, {"betaalbare woningen": "betaalbaarheid"})
    assert [(m.key, m.count) for m in merged["individueel.materieel"]] == [("betaalbaarheid", 2)]
    moved = [answers[0], answer("p2", "inwoner", "Betaalbare woningen", "collectief.proces")]
    assert [m.key for m in merge_palette(moved)["collectief.proces"]] == ["betaalbare woningen"]
