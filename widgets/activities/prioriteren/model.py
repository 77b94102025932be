"""Prioriteren: 100 points over the session's palette values.

Grounded in *Werken aan publieke waarde*, §2.5: not every value can be realised with the capacity at hand.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from ...model.answers import Answer
from ...model.results import compare
from ...model.validation import InputError
from ..palet.model import MAX_SETTING_ENTRIES, VALID_CELLS, check_key, merge_palette, resolve

ACTIVITY = "prioriteren"
ITEM = "verdeling"
POINTS = 100
SELECTION = "selection"  # the facilitator's setting: the palette's keys to spread points over ([] for all)


def check_allocation(allocation: dict, allowed) -> dict:
    """Whole, non-negative points on allowed values, adding up to exactly 100; zeros dropped."""
    allowed = set(allowed)
    cleaned = {}
    for key, points in allocation.items():
        if key not in allowed:
            raise InputError("prioriteren.error.unknown")
        try:
            number = float(points)
        except (TypeError, ValueError):
            raise InputError("prioriteren.error.number") from None
        if number < 0 or number != int(number):
            raise InputError("prioriteren.error.number")
        if number:
            cleaned[key] = int(number)
    total = sum(cleaned.values())
    if total != POINTS:
        raise InputError("prioriteren.error.total", total=total, points=POINTS)
    return cleaned


@dataclass
class Ranked:
    key: str
    points: int = 0
    by_group: dict = field(default_factory=dict)  # group -> its points
    participants: int = 0  # how many gave the value points
    givers: dict = field(default_factory=dict)  # group -> how many of it gave the value points


def rank(answers: Iterable[Answer], keys) -> list:
    """Values by total points (ties: more participants gave points, then book order of ``keys``)."""
    ranked = {key: Ranked(key) for key in keys}
    for answer in answers:
        for key, points in answer.value.items():
            if key in ranked:
                entry = ranked[key]
                entry.points += points
                entry.by_group[answer.group] = entry.by_group.get(answer.group, 0) + points
                entry.givers[answer.group] = entry.givers.get(answer.group, 0) + 1
                entry.participants += 1
    order = {key: n for n, key in enumerate(ranked)}  # (a dict: list.index for 3,000 values is 4.5 million steps)
    return sorted(ranked.values(), key=lambda r: (-r.points, -r.participants, order[r.key]))


def spreadable_values(palette_answers: Iterable[Answer], merges=None, selection=()) -> list:
    """``[(key, label, mentions)]`` of the merged palette in grid order; only the selection if one is made."""
    grid = merge_palette(palette_answers, merges)
    values = [(m.key, m.label, m.count) for cell in VALID_CELLS for m in grid[cell]]
    return [v for v in values if v[0] in selection] if selection else values


def check_stored(item: str, value) -> dict:
    """A spread of points from a file, checked as a phone's is (which values exist is not known here)."""
    if item != ITEM or not isinstance(value, dict):
        raise InputError("error.import_value")
    return check_allocation(value, value.keys())


def check_state(name: str, value) -> list:
    """The facilitator's selection from a file: merged palette keys, each once; else InputError."""
    if name != SELECTION:
        raise InputError("error.import_setting_unknown")
    if not isinstance(value, list) or len(value) > MAX_SETTING_ENTRIES:
        raise InputError("error.import_setting_value")
    return list(dict.fromkeys(check_key(key) for key in value))


def priorities_comparison(answers: Iterable[Answer], values, me: str, my_group: str, merges=None) -> list:
    """Per value (``[(key, label, mentions)]``): the own points vs the mean points of those who spread theirs.

    A value someone gave no points counts as 0 for them; a participant who spread nothing is left out.
    Points given to a value merged since count for the value it was merged into. Rows follow
    ``values``; a value nobody (also not the participant) gave points to is left out.
    """
    spread = [a for a in answers if a.item == ITEM]
    group_of = {a.participant: a.group for a in spread}
    given: dict[str, dict[str, int]] = {}
    for a in spread:
        mine = given.setdefault(a.participant, {})
        for key, points in a.value.items():
            merged = resolve(key, merges or {})
            mine[merged] = mine.get(merged, 0) + points
    rows = []
    for key, _, _ in values:
        points = {ref: spread_points.get(key, 0) for ref, spread_points in given.items()}
        if not any(points.values()):
            continue
        rows.append(compare(key, points, me, group_of, my_group))
    return rows
