"""The strategic triangle's results as blocks (results.py): figures worked out by hand from a handful of answers."""

from dataclasses import replace

import pytest

from widgets.activities.driehoek.results import blocks, room, routes, tensions
from widgets.model.answers import Answer
from widgets.model.blocks import MeanPlace, Placement, Placements, Scores
from widgets.render.blocks import PHONE, REPORT, SCREEN, blocks_html

from .sessions import a_session

SESSION = a_session(
    ("driehoek",),
    (("raad", "Raad"), ("ambtelijk", "Ambtelijk"), ("inwoner", "Inwoner")),
    open_activities=("driehoek",),
    municipality="Utrecht",
)


def placed(who: str, group: str, willen: int, mogen: int, kunnen: int) -> Answer:
    return Answer("driehoek", who, group, "plaats", {"willen": willen, "mogen": mogen, "kunnen": kunnen})


ANSWERS = [
    placed("a", "raad", 6, 3, 1),  # shares 60 / 30 / 10 %
    placed("b", "raad", 2, 2, 6),  # shares 20 / 20 / 60 %
    placed("c", "inwoner", 5, 5, 0),  # shares 50 / 50 / 0 %
    Answer("driehoek", "a", "raad", "spanning.willen-mogen", {"severity": 4, "note": ""}),
    Answer("driehoek", "c", "inwoner", "spanning.willen-mogen", {"severity": 1, "note": "schuurt niet"}),
    Answer("driehoek", "a", "raad", "route.mogen-kunnen", {"route": "a"}),
    Answer("driehoek", "b", "raad", "route.mogen-kunnen", {"route": "b"}),
    Answer("driehoek", "c", "inwoner", "route.mogen-kunnen", {"route": "b"}),
    Answer("driehoek", "c", "inwoner", "route.willen-mogen", {"route": "a"}),
]


def five(answers: list) -> list:
    """Every participant five times over: the same means, every group as large as the disclosure rule (k = 5) asks."""
    return [replace(a, participant=f"{a.participant}-{i}") for i in range(5) for a in answers]


def test_nobody_placed_gives_no_blocks():
    assert blocks({"driehoek": []}, {}, SESSION, "nl") == []
    assert blocks({"driehoek": ANSWERS[3:]}, {}, SESSION, "nl") == []  # tensions and routes alone: no triangle


def test_the_room_sees_the_triangle_and_the_mean_score_per_corner():
    triangle, levels = blocks({"driehoek": ANSWERS}, {}, SESSION, "nl")
    assert isinstance(triangle, Placements) and isinstance(levels, Scores)
    assert [c.label for c in triangle.corners] == ["willen", "mogen", "kunnen"]
    # every group of the session, in its order (a group's colour and shape keep to its place there)
    assert [g.key for g in triangle.groups] == ["raad", "ambtelijk", "inwoner"]
    assert triangle.points == (
        Placement("raad", (6, 3, 1)),
        Placement("raad", (2, 2, 6)),
        Placement("inwoner", (5, 5, 0)),
    )
    means = {m.key: m for m in triangle.means}
    assert list(means) == ["raad", "inwoner", "*"]  # the ambtelijk placed nobody: no mean
    # raad: willen (60 + 20) / 2 = 40 %, mogen (30 + 20) / 2 = 25 %, kunnen (10 + 60) / 2 = 35 %, of two
    assert means["raad"] == MeanPlace("raad", "Raad", pytest.approx((40, 25, 35)), 2)
    assert means["inwoner"] == MeanPlace("inwoner", "Inwoner", pytest.approx((50, 50, 0)), 1)
    # everyone: willen (60 + 20 + 50) / 3 = 43.3 %, mogen (30 + 20 + 50) / 3 = 33.3 %, kunnen 70 / 3 = 23.3 %
    assert means["*"] == MeanPlace("*", "Iedereen", pytest.approx((130 / 3, 100 / 3, 70 / 3)), 3)
    # the weakest corner by the mean scores: willen 13 / 3, mogen 10 / 3, kunnen 7 / 3
    assert triangle.intro == "Zwakste hoek voor de hele groep: kunnen."
    # the levels: the raad's willen (6 + 2) / 2 = 4, kunnen (1 + 6) / 2 = 3.5; everyone's mogen 10 / 3
    assert [g.key for g in levels.groups] == ["raad", "inwoner"]
    willen, mogen, kunnen = levels.items
    assert (willen.groups[0].mean, kunnen.groups[0].mean, kunnen.groups[1].mean) == (4, 3.5, 0)
    assert mogen.room.mean == pytest.approx(10 / 3) and mogen.room.count == 3


def test_a_phone_marks_the_viewers_own_place_and_no_one_elses():
    triangle, _ = room([("a", "raad", {"willen": 6, "mogen": 3, "kunnen": 1})], SESSION, "nl", you="a")
    assert triangle.points == (Placement("raad", (6, 3, 1), you=True),)
    triangle, _ = blocks({"driehoek": ANSWERS}, {}, SESSION, "nl")
    assert not any(p.you for p in triangle.points)  # the screen, the dashboard, the report: nobody is 'u'


def test_a_group_the_session_no_longer_has_is_drawn_after_the_others():
    triangle, _ = room([("x", "oud", {"willen": 1, "mogen": 1, "kunnen": 1})], SESSION, "nl")
    assert [g.key for g in triangle.groups][-1] == "oud" and triangle.group("oud").color == ""


def test_tensions_per_side_as_shares_of_one_to_five():
    block = tensions(ANSWERS, "nl")
    lines = {line.key: line for line in block.items[0].lines}
    # willen-mogen: a 4 and a 1, so 50 % each, mean 2.5
    assert lines["willen-mogen"].shares == (50, 0, 0, 50, 0) and lines["willen-mogen"].n == 2
    # the mean in the side's full name, drawn where the line's shares are (two answers: the dashboard, not a phone)
    assert (lines["willen-mogen"].label, lines["willen-mogen"].full) == (
        "Willen en mogen",
        "Willen en mogen: gemiddeld 2,5 uit 5",
    )
    assert lines["mogen-kunnen"].shares == (None,) * 5 and lines["mogen-kunnen"].n == 0


def test_routes_per_side_a_line_per_group_that_chose_and_everyone():
    willen_mogen, mogen_kunnen, willen_kunnen = routes(ANSWERS, SESSION, "nl")
    assert mogen_kunnen.title == "Gekozen routes: Mogen en kunnen"
    a, b = mogen_kunnen.categories
    assert (a.key, a.short, b.short) == ("a", "Route a", "Route b")
    # each route named as Box 5.4 names it on this side
    assert a.label == (
        "Route a: Een doordachte aanpak ontwerpen en die voor de authorizing environment helder en navolgbaar maken"
    )
    assert (
        b.label
        == "Route b: Uitgaan van de werkwijzen die de authorizing environment al aanvaardt en die verder verbeteren"
    )
    lines = {line.key: (line.shares, line.n) for line in mogen_kunnen.items[0].lines}
    # the raad one a and one b; the inwoner b; everyone 1 of 3 a (33.3 %), 2 of 3 b (66.7 %)
    assert lines == {
        "raad": ((50, 50), 2),
        "inwoner": ((0, 100), 1),
        "*": (pytest.approx((100 / 3, 200 / 3)), 3),
    }
    assert [line.key for line in willen_mogen.items[0].lines] == ["inwoner", "*"]
    assert [(line.key, line.shares, line.n) for line in willen_kunnen.items[0].lines] == [("*", (None, None), 0)]
    assert willen_kunnen.items[0].lines[-1].strong


def test_every_surface_draws_the_blocks_in_dutch_numbers_and_english_words():
    shown = blocks({"driehoek": five(ANSWERS)}, {}, SESSION, "en")  # groups of five or more: a phone shows them
    phone = blocks_html(shown, PHONE, "en")
    assert "Weakest corner for the whole group: kunnen." in phone and "Everyone in the triangle" in phone
    for surface in (SCREEN, REPORT):
        assert 'data-kit-group="*"' in blocks_html(shown, surface, "en")
    dutch = blocks_html(blocks({"driehoek": five(ANSWERS)}, {}, SESSION, "nl"), REPORT, "nl")
    assert ">3,5<" in dutch  # the raad's kunnen: (1 + 6) / 2, with a decimal comma
