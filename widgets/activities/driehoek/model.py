"""Moore's strategic triangle (*Werken aan publieke waarde*, §1.2.2, Box 5.3, Box 5.4).

A participant scores how strong the team stands on each corner, 0-10:
willen (publieke waardepropositie), mogen (authorizing environment) and
kunnen (operationele capaciteit). The *position* is barycentric: the three
scores as shares of their sum, so it shows balance (scaling all three leaves
it unchanged); the *level* is their mean, the absolute strength.

Drawing: willen at the top, mogen bottom left, kunnen bottom right, in a
triangle with side 1.
"""

import math
from collections.abc import Iterable
from typing import Any

from ...model.answers import Answer
from ...model.results import compare
from ...model.validation import InputError, clean_text

ACTIVITY = "driehoek"
CORNERS = ("willen", "mogen", "kunnen")
PLACE = "plaats"  # the item of the own place (the three corners' scores)
AXES = ("willen-mogen", "mogen-kunnen", "willen-kunnen")
CORNER_XY = {"willen": (0.5, math.sqrt(3) / 2), "mogen": (0.0, 0.0), "kunnen": (1.0, 0.0)}
SEVERITIES = (1, 2, 3, 4, 5)
ROUTES = ("a", "b")
# Below this spread of shares a position counts as balanced.
BALANCE_MARGIN = 0.08
MIDDLE = 5  # the middle of the corners' scale (0-10): "veel" above it, "weinig" below it


def check_scores(scores: dict) -> dict:
    """Whole numbers 0-10 for all three corners, not all zero; else InputError."""
    cleaned = {}
    for corner in CORNERS:
        value: Any = scores.get(corner)  # as typed or sent: a number, a text, None
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise InputError("driehoek.error.score") from None
        if not 0 <= number <= 10 or number != int(number):
            raise InputError("driehoek.error.score")
        cleaned[corner] = int(number)
    if not any(cleaned.values()):
        raise InputError("driehoek.error.zeros")
    return cleaned


def barycentric(scores: dict) -> dict:
    total = sum(scores[c] for c in CORNERS)
    if total <= 0:
        raise InputError("driehoek.error.zeros")
    return {c: scores[c] / total for c in CORNERS}


def cartesian(shares: dict) -> tuple:
    x = sum(shares[c] * CORNER_XY[c][0] for c in CORNERS)
    y = sum(shares[c] * CORNER_XY[c][1] for c in CORNERS)
    return x, y


def position(scores: dict) -> tuple:
    return cartesian(barycentric(scores))


def level(scores: dict) -> float:
    return sum(scores[c] for c in CORNERS) / 3


def meaning_key(scores: dict) -> str:
    """Message key of the one-sentence reading: balanced, or which corner lags, worded to fit the scores.

    The place in the triangle is only balance, so the words also look at the scores themselves: "veel" only
    above the scale's middle (5 of 0-10) and "weinig" only below it. 4 / 2 / 3 is no "veel willen, weinig
    mogen" but all three at or below the middle with mogen lowest; 9 / 6 / 7 all three at or above it with
    mogen lagging most. A participant reads their own scores in the sentence, not only their place.
    """
    shares = barycentric(scores)
    strong = max(CORNERS, key=lambda c: (shares[c], -CORNERS.index(c)))
    weak = min(CORNERS, key=lambda c: (shares[c], CORNERS.index(c)))
    if shares[strong] - shares[weak] < BALANCE_MARGIN:
        return "driehoek.meaning.balanced"
    if scores[strong] <= MIDDLE:
        return f"driehoek.meaning.low.{weak}"
    if scores[weak] >= MIDDLE:
        return f"driehoek.meaning.high.{weak}"
    return f"driehoek.meaning.{strong}.{weak}"


def level_key(scores: dict) -> str:
    value = level(scores)
    return "driehoek.level.low" if value < 4 else "driehoek.level.mid" if value < 7 else "driehoek.level.high"


def centroid(points) -> tuple[float, float] | None:
    """Mean of (x, y) points; None for none."""
    points = list(points)
    if not points:
        return None
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def placements(answers: Iterable[Answer]) -> list:
    """[(participant ref, group, scores)] of everyone who placed themselves (``store.answers`` rows)."""
    return [(a.participant, a.group, a.value) for a in answers if a.item == "plaats"]


def weakest_corner(all_scores) -> str:
    """The corner with the lowest mean score over everyone (ties: book order)."""
    all_scores = list(all_scores)
    means = {c: sum(s[c] for s in all_scores) / len(all_scores) for c in CORNERS}
    return min(CORNERS, key=lambda c: (means[c], CORNERS.index(c)))


def check_tension(severity, note: str = "") -> dict:
    if severity not in SEVERITIES:
        raise InputError("driehoek.error.severity")
    return {"severity": severity, "note": clean_text(note, "note", required=False, multiline=True)}


def check_route(route) -> dict:
    if route not in ROUTES:
        raise InputError("driehoek.error.route")
    return {"route": route}


def check_stored(item: str, value) -> dict:
    """A place, a tension or a route from a file, checked as a phone's is."""
    kind, _, axis = item.partition(".")
    if not isinstance(value, dict) or (kind != "plaats" and axis not in AXES):
        raise InputError("error.import_value")
    if kind == "plaats" and not axis:
        return check_scores(value)
    if kind == "spanning":
        return check_tension(value.get("severity"), value.get("note") or "")
    if kind == "route":
        return check_route(value.get("route"))
    raise InputError("error.import_value")


def triangle_comparison(answers: Iterable[Answer], me: str, my_group: str) -> list:
    """Willen, mogen, kunnen: the own score vs the means of everyone who placed themselves."""
    placed = [a for a in answers if a.item == PLACE]
    group_of = {a.participant: a.group for a in placed}
    return [
        compare(corner, {a.participant: a.value[corner] for a in placed}, me, group_of, my_group) for corner in CORNERS
    ]
