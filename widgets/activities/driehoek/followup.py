"""driehoek in a follow-up session: per group and for the room, where the triangle's centroid moved.

The centroid then and now (an arrow), the mean score per corner, and the centroid as shares of
the corners (where the arrows point).
"""

from dataclasses import dataclass

from ...model.answers import answers_by_activity
from ...model.followup import ROOM, Shift
from .model import ACTIVITY, CORNERS, barycentric, centroid, placements, position

ORDER = 20


@dataclass
class TriangleChange:
    centroids: dict  # group key (ROOM for the room) -> (then (x, y) or None, now (x, y) or None)
    corners: dict  # group key -> {corner: Shift of the mean score}
    shares: dict  # group key -> {corner: Shift of the centroid's share in %}: where the arrows point


def _placed(data: dict) -> list:
    return placements(answers_by_activity(data.get("answers", [])).get(ACTIVITY, []))


def centroid_shifts(before: dict, after: dict, keys) -> dict:
    def centroids(data):
        placed = [(g, position(s)) for _, g, s in _placed(data)]
        found = {g: centroid([p for pg, p in placed if pg == g]) for g in keys}
        found[ROOM] = centroid([p for _, p in placed])
        return found

    then, now = centroids(before), centroids(after)
    return {g: (then[g], now[g]) for g in (*keys, ROOM)}


def corner_shifts(before: dict, after: dict, keys) -> dict:
    def means(data, group):
        scores = [s for _, g, s in _placed(data) if group in (ROOM, g)]
        return {c: sum(s[c] for s in scores) / len(scores) if scores else None for c in CORNERS}

    return {g: {c: Shift(means(before, g)[c], means(after, g)[c]) for c in CORNERS} for g in (*keys, ROOM)}


def share_shifts(before: dict, after: dict, keys) -> dict:
    """The centroids as the triangle draws them: per corner the mean share (%) of the three scores."""

    def shares(data, group):
        placed = [barycentric(s) for _, g, s in _placed(data) if group in (ROOM, g)]
        return {c: None if not placed else 100 * (sum(p[c] for p in placed) / len(placed)) for c in CORNERS}

    return {g: {c: Shift(shares(before, g)[c], shares(after, g)[c]) for c in CORNERS} for g in (*keys, ROOM)}


def compare(before: dict, after: dict, group_keys) -> TriangleChange:
    return TriangleChange(
        centroids=centroid_shifts(before, after, group_keys),
        corners=corner_shifts(before, after, group_keys),
        shares=share_shifts(before, after, group_keys),
    )
