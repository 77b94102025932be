"""Closing the loop: a participant's own answers next to their group's and the room's (issue 18, point 3).

Pure functions of answers (``Answer``: ``participant`` ref, ``group``, ``item``, ``value``); each
activity's comparison lives in its folder's model and goes through ``compare``, so one rule decides.
A mean of others is shown only when at least ``MIN_OTHERS`` other people make it up: with one
other person, the participant's own answer and the mean would give that person's answer away.
For the same reason the room's mean is left out when exactly one person outside the group
answered and the group's mean is shown (the room's mean less the group's would be that person).
"""

from dataclasses import dataclass

RESULTS = "resultaten"  # the state's "activity" and the participant's address: <base>kit/<CODE>/resultaten
RELEASED = "released"  # store.state(session, RESULTS)[RELEASED]: the facilitator released the results
DOWNLOAD = "mijn-antwoorden.csv"  # the own answers: <base>kit/<CODE>/resultaten/mijn-antwoorden.csv
MIN_OTHERS = 2


def is_released(state: dict) -> bool:
    """``state`` is ``store.state(session_id, RESULTS)``."""
    return bool((state or {}).get(RELEASED))


@dataclass(frozen=True)
class Comparison:
    """One row: the own value (None: not given) and the means that may be shown (None: hidden or none)."""

    key: str
    own: object
    group: float | None = None
    room: float | None = None


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


def compare(key, values_by_person, me, group_of, my_group, own_shown=None) -> Comparison:
    """One row from ``{ref: value}``, ``{ref: group}``: the own value (or ``own_shown``) and the means it may show."""
    own, inside, outside = _split(values_by_person, me, group_of, my_group)
    group, room = shown_means(own, inside, outside)
    return Comparison(key, own if own_shown is None else own_shown, group, room)
