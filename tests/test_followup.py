"""Follow-up sessions: the change per group, computed by hand, and the follow-up made in the store."""

import json
import math

import pytest

from widgets.activities.beoordelen.followup import compare as rating_change
from widgets.activities.driehoek.followup import compare as triangle_change
from widgets.activities.palet.followup import compare as palette_change
from widgets.activities.palet.followup import starting_palette
from widgets.activities.prioriteren.followup import compare as priorities_change
from widgets.model.followup import ROOM, compare, snapshot
from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError
from widgets.report.followup import followup_of_file, followup_of_session, previous_of
from widgets.report.transfer import export_session, import_json

GROUPS = [{"key": "ambtelijk", "label": "Ambtelijk"}, {"key": "inwoner", "label": "Inwoner"}]
KEYS = [g["key"] for g in GROUPS]


def answer(activity, who, group, item, value):
    return {"activity": activity, "participant": who, "group": group, "item": item, "value": value, "updated_at": 1}


def export(answers, merges=None, groups=GROUPS):
    return {
        "format": "publieke-waarde-kit/1",
        "session": {
            "code": "ACEFGH",
            "title": "Woonvisie",
            "topic": "wonen",
            "language": "nl",
            "activities": ["palet", "prioriteren", "beoordelen", "driehoek"],
            "created_at": 1,
        },
        "groups": groups,
        "participants": [],
        "answers": answers,
        "state": {"palet": {"merges": merges}} if merges else {},
    }


def rate(who, group, item, score):
    return answer("beoordelen", who, group, item, {"score": score, "note": ""})


def place(who, group, willen, mogen, kunnen):
    return answer("driehoek", who, group, "plaats", {"willen": willen, "mogen": mogen, "kunnen": kunnen})


def value(who, group, text, cell="individueel.materieel"):
    return answer("palet", who, group, text, {"text": text, "cell": cell})


BEFORE = export(
    [
        rate("a1", "ambtelijk", "cijfer", 6),
        rate("a2", "ambtelijk", "cijfer", 7),
        rate("i1", "inwoner", "cijfer", 4),
        # eerlijk: ambtelijk 8, 8; inwoner 4 -> within 0, between 4, dissent 4
        rate("a1", "ambtelijk", "eerlijk", 8),
        rate("a2", "ambtelijk", "eerlijk", 8),
        rate("i1", "inwoner", "eerlijk", 4),
        place("a1", "ambtelijk", 10, 0, 0),
        place("i1", "inwoner", 0, 10, 0),
        value("a1", "ambtelijk", "Betaalbaarheid"),
        value("i1", "inwoner", "betaalbaarheid "),
        value("i1", "inwoner", "Groen", "collectief.materieel"),
        answer("prioriteren", "a1", "ambtelijk", "verdeling", {"betaalbaarheid": 60, "groen": 40}),
        answer("prioriteren", "i1", "inwoner", "verdeling", {"betaalbaarheid": 100}),
    ]
)
AFTER = export(
    [
        rate("a3", "ambtelijk", "cijfer", 7.5),
        rate("i2", "inwoner", "cijfer", 6),
        rate("i3", "inwoner", "cijfer", 7),
        # eerlijk: ambtelijk 7; inwoner 6, 8 -> within sqrt((0 + 1 + 1) / 3), between 0
        rate("a3", "ambtelijk", "eerlijk", 7),
        rate("i2", "inwoner", "eerlijk", 6),
        rate("i3", "inwoner", "eerlijk", 8),
        place("a3", "ambtelijk", 5, 5, 0),
        place("i2", "inwoner", 0, 5, 5),
        value("a3", "ambtelijk", "Betaalbaarheid"),
        value("i2", "inwoner", "Veiligheid", "collectief.proces"),
        answer("prioriteren", "a3", "ambtelijk", "verdeling", {"betaalbaarheid": 50, "veiligheid": 50}),
    ]
)


def test_grade_then_and_now_per_group_and_room():
    both = compare(BEFORE, AFTER)
    change = both.changes["beoordelen"]
    assert change.grade["ambtelijk"].then == 6.5 and change.grade["ambtelijk"].now == 7.5
    assert change.grade["inwoner"].then == 4 and change.grade["inwoner"].now == 6.5
    assert change.grade["inwoner"].change == 2.5
    assert change.grade[ROOM].then == pytest.approx(17 / 3) and change.grade[ROOM].now == pytest.approx(20.5 / 3)
    assert both.counts["ambtelijk"].then == 2 and both.counts["ambtelijk"].now == 1
    assert both.counts[ROOM].then == 3 and both.counts[ROOM].now == 3
    assert list(both.changes) == ["beoordelen", "driehoek", "palet", "prioriteren"]  # the grade first


def test_statement_means_and_dissent_shift():
    change = rating_change(BEFORE, AFTER, KEYS)
    first = change.statements[0]  # eerlijk is the only statement scored in both: its dissent moved
    assert first.key == "eerlijk"
    assert first.means["ambtelijk"].then == 8 and first.means["ambtelijk"].now == 7
    assert first.means["inwoner"].then == 4 and first.means["inwoner"].now == 7
    assert first.dissent.then == pytest.approx(4)
    assert first.dissent.now == pytest.approx(math.sqrt(2 / 3))
    assert first.room.then == pytest.approx(20 / 3) and first.room.now == 7
    unscored = next(s for s in change.statements if s.key == "toegankelijk")
    assert unscored.dissent.then is None and unscored.dissent.change is None


def test_triangle_centroids_move_per_group():
    change = triangle_change(BEFORE, AFTER, KEYS)
    then, now = change.centroids["ambtelijk"]
    # willen only: the top corner (0.5, sqrt 3 / 2); half willen half mogen: the middle of that side
    assert then == pytest.approx((0.5, math.sqrt(3) / 2))
    assert now == pytest.approx((0.25, math.sqrt(3) / 4))
    then, now = change.centroids["inwoner"]
    assert then == pytest.approx((0.0, 0.0)) and now == pytest.approx((0.5, 0.0))
    assert change.corners["ambtelijk"]["willen"].then == 10 and change.corners["ambtelijk"]["willen"].now == 5
    assert change.corners[ROOM]["kunnen"].then == 0 and change.corners[ROOM]["kunnen"].now == 2.5


def test_palette_values_kept_new_dropped():
    change = palette_change(BEFORE, AFTER, KEYS)
    assert [(v.label, v.status) for v in change.palette] == [
        ("Betaalbaarheid", "kept"),
        ("Veiligheid", "new"),
        ("Groen", "dropped"),
    ]
    kept = change.values("kept")[0]
    assert kept.groups_then == ("ambtelijk", "inwoner") and kept.groups_now == ("ambtelijk",)


def test_a_merge_of_the_earlier_session_counts():
    before = export([value("a1", "ambtelijk", "Betaalbare woningen")], merges={"betaalbare woningen": "betaalbaarheid"})
    after = export([value("a3", "ambtelijk", "Betaalbaarheid")])
    assert [(v.label, v.status) for v in palette_change(before, after, KEYS).palette] == [("Betaalbaarheid", "kept")]


def test_priorities_compare_shares_of_all_points():
    change = priorities_change(BEFORE, AFTER, KEYS)
    rows = {key: (room, groups) for key, _, room, groups in change.priorities}
    # then: betaalbaarheid 160 of 200 points = 80 %, groen 20 %; now: 50 % each of 100
    assert rows["betaalbaarheid"][0].then == 80 and rows["betaalbaarheid"][0].now == 50
    assert rows["groen"][0].then == 20 and rows["groen"][0].now == 0
    assert rows["veiligheid"][0].then == 0 and rows["veiligheid"][0].now == 50
    assert rows["betaalbaarheid"][1]["inwoner"].then == 100 and rows["betaalbaarheid"][1]["inwoner"].now is None
    assert change.priorities[0][0] == "veiligheid"  # +50 moved most; then betaalbaarheid -30


def test_snapshot_drops_names_and_older_sessions():
    data = dict(BEFORE, participants=[{"ref": "d-1", "group": "inwoner", "name": "Jan"}], previous={"x": 1})
    kept = snapshot(data)
    assert kept["participants"] == [{"ref": "d-1", "group": "inwoner", "name": ""}] and "previous" not in kept
    assert starting_palette(BEFORE) == [
        ("betaalbaarheid", "Betaalbaarheid", "individueel.materieel"),
        ("groen", "Groen", "collectief.materieel"),
    ]


def test_followup_from_a_stored_session(store):
    spec = SessionSpec(title="Woonvisie", topic="wonen", municipality="Zwolle", groups=("Ambtelijk", "Inwoner"))
    first, _ = store.create_session(spec)
    person = store.join(first.code, "inwoner")
    store.set_activity_open(first.id, "palet", True)
    store.submit(person.token, "palet", {"v1": {"text": "Groen", "cell": "collectief.materieel"}})
    follow, key = followup_of_session(store, first.id, "Woonvisie, een jaar later")
    assert key and follow.code != first.code and follow.title == "Woonvisie, een jaar later"
    assert (follow.topic, follow.municipality) == ("wonen", "Zwolle")
    assert [g.label for g in follow.groups] == ["Ambtelijk", "Inwoner"]
    assert store.answers(follow.id) == []
    assert store.state(follow.id, "palet")["start"] == [["groen", "Groen", "collectief.materieel"]]
    assert previous_of(store, follow.id)["session"]["code"] == first.code
    store.delete_session(first.id)  # the comparison does not need the earlier session any more
    data = export_session(store, follow.id)
    assert data["previous"]["answers"][0]["value"]["text"] == "Groen"
    # the follow-up's own export restores the comparison on another copy
    store.delete_session(follow.id)
    restored, _, _ = import_json(store, json.dumps(data))
    assert previous_of(store, restored.id)["session"]["code"] == first.code


def test_followup_from_an_export_file(store):
    follow, _ = followup_of_file(store, json.dumps(BEFORE))
    assert follow.title == "Woonvisie" and store.answers(follow.id) == []
    assert len(previous_of(store, follow.id)["answers"]) == len(BEFORE["answers"])
    count = len(store.backend.query("SELECT id FROM sessions", {}))
    with pytest.raises(InputError):
        followup_of_file(store, "geen json")
    assert len(store.backend.query("SELECT id FROM sessions", {})) == count


def table_rows(html: str, css: str) -> list:
    """The text of each row's cells in the table with class ``css``."""
    from bs4 import BeautifulSoup

    table = BeautifulSoup(html, "html.parser").select_one(f"table.{css}")
    return [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])] for row in table.select("tbody tr")]


def test_report_of_a_followup_shows_the_change_in_both_languages():
    from widgets.report.document import build_report

    data = dict(AFTER, previous=BEFORE)
    html = build_report(data, "nl")
    assert "Wat is er veranderd sinds de vorige sessie" in html
    assert "ging van gemiddeld 5,7 naar 6,8" in html  # 17/3 and 20.5/3
    grades = table_rows(html, "kit-followup-grades")
    assert grades[0] == ["Ambtelijk", "2 → 1", "6,5", "7,5", "+1,0"]
    assert grades[1] == ["Inwoner", "1 → 2", "4,0", "6,5", "+2,5"]
    statements = table_rows(html, "kit-followup-statements")
    assert statements[0][1:] == ["8,0 → 7,0", "4,0 → 7,0", "6,7 → 7,0", "4,0 → 0,8 (\u22123,2)"]
    triangle = table_rows(html, "kit-followup-triangle")
    assert triangle[0][1] == "10,0 → 5,0 (\u22125,0)"
    assert [row[:2] for row in table_rows(html, "kit-followup-palette")] == [
        ["Betaalbaarheid", "Gebleven"],
        ["Veiligheid", "Nieuw"],
        ["Groen", "Weggevallen"],
    ]
    assert table_rows(html, "kit-followup-priorities")[0] == ["Veiligheid", "0%", "50%", "+50"]
    assert "<!--chart:followup_beoordelen-->" not in html and "<!--chart:followup_driehoek-->" not in html  # charts in
    assert html.count('<div class="kit-report-chart"><div') >= 2  # each chart's place holds its figure
    english = build_report(data, "en")
    assert "What changed since the previous session" in english
    assert table_rows(english, "kit-followup-grades")[1] == ["Inwoner", "1 → 2", "4.0", "6.5", "+2.5"]
    assert table_rows(english, "kit-followup-palette")[2][1] == "Dropped"


def test_a_report_without_a_previous_session_has_no_change_part():
    from widgets.report.document import build_report

    assert "kit-followup" not in build_report(AFTER, "nl")


def test_dashboard_makes_a_followup_and_shows_the_change_live(store):
    from widgets.views.facilitator import FacilitatorApp

    spec = SessionSpec(title="Woonvisie", topic="wonen", groups=("Ambtelijk", "Inwoner"))
    first, key = store.create_session(spec)
    store.set_activity_open(first.id, "beoordelen", True)
    for score in (5, 6):
        person = store.join(first.code, "inwoner")
        store.submit(person.token, "beoordelen", {"cijfer": {"score": score, "note": ""}})
    app = FacilitatorApp(params={"sessie": first.code, "sleutel": key}, cookies={}, store=store, env={})
    assert app.followup_view.children == ()  # an ordinary session shows no change part
    app.followup_title.value = "Woonvisie, een jaar later"
    app.followup()
    follow = app.session
    assert follow.id != first.id and follow.title == "Woonvisie, een jaar later"
    assert f"code {follow.code}" in app.message.value
    assert app.key and store.facilitator_session(follow.code, app.key).id == follow.id
    tables = app.followup_view.tables
    assert table_rows(tables.value, "kit-followup-grades")[1] == ["Inwoner", "2 → 0", "5,5", "–", "–"]
    store.set_activity_open(follow.id, "beoordelen", True)
    person = store.join(follow.code, "inwoner")
    store.submit(person.token, "beoordelen", {"cijfer": {"score": 7.5, "note": ""}})
    titles = [app.tabs.get_title(i) for i in range(len(app.tabs.children))]
    app.tabs.selected_index = titles.index("Wat is veranderd")  # the facilitator looks at the change
    app.poller.check()
    assert table_rows(tables.value, "kit-followup-grades")[1] == ["Inwoner", "2 → 1", "5,5", "7,5", "+2,0"]
    grades, _ = app.followup_view.charts["beoordelen"]
    assert grades.select_one({"name": "followup-grades"}).data["now"] == [7.5, 7.5]  # the chart: Inwoner, and the room


def test_the_arrows_table_gives_the_centroids_as_shares():
    change = triangle_change(BEFORE, AFTER, KEYS)
    # ambtelijk: willen only (100 %), now 5/5/0 (50 % willen, 50 % mogen); the room then: (100 + 0) / 2
    assert change.shares["ambtelijk"]["willen"].then == 100 and change.shares["ambtelijk"]["willen"].now == 50
    assert change.shares["ambtelijk"]["mogen"].now == 50 and change.shares["ambtelijk"]["kunnen"].now == 0
    assert change.shares[ROOM]["willen"].then == 50 and change.shares[ROOM]["kunnen"].now == 25
    from widgets.report.document import build_report

    rows = table_rows(build_report(dict(AFTER, previous=BEFORE), "nl"), "kit-followup-shares")
    assert rows[0] == ["Ambtelijk", "100% → 50%", "0% → 50%", "0% → 0%"]
