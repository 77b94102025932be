"""Closing the loop: a participant's own answers next to their group's and the room's (issue 18, point 3).

Pure functions of store answer rows (``participant`` ref, ``group``, ``item``, ``value``).
A mean of others is shown only when at least ``MIN_OTHERS`` other people make it up: with one
other person, the participant's own answer and the mean would give that person's answer away.
For the same reason the room's mean is left out when exactly one person outside the group
answered and the group's mean is shown (the room's mean less the group's would be that person).
"""

from dataclasses import dataclass

from ..activities.beoordelen.model import OVERALL, STATEMENTS
from ..activities.driehoek.model import CORNERS
from ..activities.palet.model import merge_palette, normalize_value, resolve
from ..activities.prioriteren.model import ITEM as SPREAD

RESULTS = "resultaten"  # the state's "activity" and the participant's address: <base>kit/<CODE>/resultaten
RELEASED = "released"  # store.state(session, RESULTS)[RELEASED]: the facilitator released the results
DOWNLOAD = "mijn-antwoorden.csv"  # the own answers: <base>kit/<CODE>/resultaten/mijn-antwoorden.csv
MIN_OTHERS = 2
PLACE = "plaats"  # the triangle's own place


def is_released(state: dict) -> bool:
    """``state`` is ``store.state(session_id, RESULTS)``."""
    return bool((state or {}).get(RELEASED))


@dataclass(frozen=True)
class Comparison:
    """One row: the own value (None: not given) and the means that may be shown (None: hidden or none)."""

    key: str
    own: object
    group: float = None
    room: float = None


def _mean(values):
    return sum(values) / len(values) if values else None


def shown_means(own, group_others: list, outside: list) -> tuple:
    """``(group mean, room mean)`` with the own value counted in; None where too few others make it up.

    ``group_others``: the values of the others in the group; ``outside``: of everyone in other groups.
    """
    mine = [] if own is None else [own]
    group = _mean(mine + group_others) if len(group_others) >= MIN_OTHERS else None
    others = len(group_others) + len(outside)
    room = None
    if others >= MIN_OTHERS and (group is None or not 0 < len(outside) < MIN_OTHERS):
        room = _mean(mine + group_others + outside)
    return group, room


def group_mean_shown(scored: int) -> bool:
    """A group's mean in the summary: with no scores (a dash), or enough that each member sees two others in it."""
    return scored == 0 or scored > MIN_OTHERS


def _split(values_by_person: dict, me: str, group_of: dict, my_group: str) -> tuple:
    """``(own, others in my group, everyone outside it)`` from ``{ref: value}``."""
    own = values_by_person.get(me)
    inside = [v for ref, v in values_by_person.items() if ref != me and group_of[ref] == my_group]
    outside = [v for ref, v in values_by_person.items() if group_of[ref] != my_group]
    return own, inside, outside


def _compare(key, values_by_person, me, group_of, my_group, own_shown=None) -> Comparison:
    own, inside, outside = _split(values_by_person, me, group_of, my_group)
    group, room = shown_means(own, inside, outside)
    return Comparison(key, own if own_shown is None else own_shown, group, room)


def rating_comparison(answers, me: str, my_group: str, items=None) -> list:
    """The grade and each statement (or ``items``): the own score ("weet ik niet" is kept as ``"?"``) vs the means."""
    group_of = {a["participant"]: a["group"] for a in answers}
    rows = []
    for item in (OVERALL, *STATEMENTS) if items is None else items:
        given = [a for a in answers if a["item"] == item]
        scores = {a["participant"]: a["value"]["score"] for a in given if a["value"].get("score") is not None}
        dont_know = any(a["participant"] == me and a["value"].get("score") is None for a in given)
        rows.append(_compare(item, scores, me, group_of, my_group, "?" if dont_know else None))
    return rows


def triangle_comparison(answers, me: str, my_group: str) -> list:
    """Willen, mogen, kunnen: the own score vs the means of everyone who placed themselves."""
    placed = [a for a in answers if a["item"] == PLACE]
    group_of = {a["participant"]: a["group"] for a in placed}
    return [
        _compare(corner, {a["participant"]: a["value"][corner] for a in placed}, me, group_of, my_group)
        for corner in CORNERS
    ]


def priorities_comparison(answers, values, me: str, my_group: str, merges=None) -> list:
    """Per value (``[(key, label, mentions)]``): the own points vs the mean points of those who spread theirs.

    A value someone gave no points counts as 0 for them; a participant who spread nothing is left out.
    Points given to a value merged since count for the value it was merged into. Rows follow
    ``values``; a value nobody (also not the participant) gave points to is left out.
    """
    spread = [a for a in answers if a["item"] == SPREAD]
    group_of = {a["participant"]: a["group"] for a in spread}
    given = {}
    for a in spread:
        mine = given.setdefault(a["participant"], {})
        for key, points in a["value"].items():
            merged = resolve(key, merges or {})
            mine[merged] = mine.get(merged, 0) + points
    rows = []
    for key, _, _ in values:
        points = {ref: spread_points.get(key, 0) for ref, spread_points in given.items()}
        if not any(points.values()):
            continue
        rows.append(_compare(key, points, me, group_of, my_group))
    return rows


@dataclass(frozen=True)
class OwnValue:
    """A value the participant named, and whether others named it too (as the facilitator merged the palette)."""

    item: str
    text: str
    cell: str
    others: int  # other participants who named the same (merged) value
    own_group: bool  # someone else in the participant's group named it
    other_groups: tuple  # the other groups (keys, in ``group_order``) that named it


def palette_comparison(answers, merges, me: str, my_group: str, group_order=()) -> list:
    """The participant's own values in the order named, each with who else named it."""
    merges = merges or {}
    merged = {m.key: m for cell in merge_palette(answers, merges).values() for m in cell}
    by_value = {}
    for a in answers:
        by_value.setdefault(resolve(normalize_value(a["value"]["text"]), merges), []).append(a)
    rows = []
    for a in answers:
        if a["participant"] != me:
            continue
        key = resolve(normalize_value(a["value"]["text"]), merges)
        if key not in merged:
            continue
        named = [b for b in by_value[key] if b["participant"] != me]
        groups = {b["group"] for b in named}
        order = list(group_order)
        rows.append(
            OwnValue(
                item=a["item"],
                text=a["value"]["text"],
                cell=a["value"]["cell"],
                others=len({b["participant"] for b in named}),
                own_group=my_group in groups,
                other_groups=tuple(
                    sorted(groups - {my_group}, key=lambda g: (order.index(g) if g in order else len(order), g))
                ),
            )
        )
    return rows
