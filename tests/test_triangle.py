"""Triangle geometry and its one-sentence readings."""

import math

import pytest

from widgets.activities.driehoek.model import (
    CORNER_XY,
    CORNERS,
    barycentric,
    centroid,
    check_route,
    check_scores,
    check_tension,
    level,
    meaning_key,
    position,
    weakest_corner,
)
from widgets.i18n import t
from widgets.model.validation import InputError

CENTRE = (0.5, math.sqrt(3) / 6)


def s(w, m, k):
    return {"willen": w, "mogen": m, "kunnen": k}


def test_equal_scores_give_the_centre():
    for value in (1, 5, 10):
        assert position(s(value, value, value)) == pytest.approx(CENTRE)
    assert meaning_key(s(6, 6, 6)) == "driehoek.meaning.balanced"


def test_one_corner_only_gives_that_corner():
    for corner in CORNERS:
        scores = {c: (7 if c == corner else 0) for c in CORNERS}
        assert position(scores) == pytest.approx(CORNER_XY[corner])


def test_scaling_all_three_leaves_the_position_unchanged_but_not_the_level():
    assert position(s(2, 4, 6)) == pytest.approx(position(s(3, 6, 9)))
    assert (level(s(2, 4, 6)), level(s(3, 6, 9))) == (4, 6)
    assert barycentric(s(2, 4, 6)) == pytest.approx({"willen": 1 / 6, "mogen": 1 / 3, "kunnen": 1 / 2})


def test_all_zeros_is_refused_with_a_clear_message():
    with pytest.raises(InputError) as caught:
        check_scores(s(0, 0, 0))
    assert t(caught.value.key) == (
        "Alle drie op 0 geeft geen plek in de driehoek. Geef minstens één hoek een score boven 0."
    )
    with pytest.raises(InputError):
        barycentric(s(0, 0, 0))


@pytest.mark.parametrize("scores", [s(11, 5, 5), s(-1, 5, 5), s("x", 5, 5), s(5.5, 5, 5), {"willen": 5}])
def test_scores_out_of_range_or_not_numbers_are_refused(scores):
    with pytest.raises(InputError) as caught:
        check_scores(scores)
    assert caught.value.key == "driehoek.error.score"


@pytest.mark.parametrize(
    "scores, key, words",
    [
        (s(9, 5, 2), "driehoek.meaning.willen.kunnen", "Veel willen, weinig kunnen"),
        (s(9, 2, 5), "driehoek.meaning.willen.mogen", "Veel willen, weinig mogen"),
        (s(2, 9, 5), "driehoek.meaning.mogen.willen", "Veel mogen, weinig willen"),
        (s(5, 9, 2), "driehoek.meaning.mogen.kunnen", "Veel mogen, weinig kunnen"),
        (s(2, 5, 9), "driehoek.meaning.kunnen.willen", "Veel kunnen, weinig willen"),
        (s(5, 2, 9), "driehoek.meaning.kunnen.mogen", "Veel kunnen, weinig mogen"),
        (s(7, 7, 6), "driehoek.meaning.balanced", "in evenwicht"),
        # the words fit the scores, not only the place: "veel" above the middle of 0-10 (5), "weinig" below it.
        # 4 / 2 / 3 (the review's): shares 4/9, 2/9, 3/9 lean to willen, but nothing is "veel" at 4
        (s(4, 2, 3), "driehoek.meaning.low.mogen", "Alle drie niet boven het midden, mogen het laagst"),
        (s(5, 1, 3), "driehoek.meaning.low.mogen", "niet boven het midden"),  # 5 is the middle: no "veel"
        (s(1, 0, 0), "driehoek.meaning.low.mogen", "mogen het laagst"),  # a tie: the book's order
        (s(3, 4, 1), "driehoek.meaning.low.kunnen", "kunnen het laagst"),
        (s(6, 4, 5), "driehoek.meaning.willen.mogen", "Veel willen, weinig mogen"),  # just either side
        # 9 / 6 / 7: shares 9/22, 6/22, 7/22; mogen lags but 6 is no "weinig"
        (s(9, 6, 7), "driehoek.meaning.high.mogen", "Alle drie op of boven het midden; mogen blijft het meest"),
        (s(5, 10, 8), "driehoek.meaning.high.willen", "willen blijft het meest achter"),
    ],
)
def test_each_region_has_its_sentence(scores, key, words):
    assert meaning_key(scores) == key
    assert words in t(key)


def test_centroid_and_weakest_corner():
    assert centroid([(0, 0), (1, 0), (0.5, 0.9)]) == pytest.approx((0.5, 0.3))
    assert centroid([]) is None
    assert weakest_corner([s(8, 6, 3), s(6, 7, 5)]) == "kunnen"


def test_tensions_and_routes_are_checked():
    assert check_tension(4, " te weinig geld ") == {"severity": 4, "note": "te weinig geld"}
    for bad in (0, 6, "3", None):
        with pytest.raises(InputError):
            check_tension(bad)
    assert check_route("a") == {"route": "a"}
    with pytest.raises(InputError):
        check_route("c")
