"""Closing the loop: a participant's own answers next to their group's and the room's (issue 18, point 3).

Pure functions of answers (``Answer``: ``participant`` ref, ``group``, ``item``, ``value``); each
activity's comparison lives in its folder's model and goes through ``compare``, so one rule decides:
the disclosure rule (``widgets.model.disclosure``), with the same counts every other surface uses. The
group's mean is shown only when at least ``k`` people of the group make it up (the participant counted
in), the room's only when at least ``k`` do and it gives no hidden group away (the room less the groups
shown is nobody or at least ``k`` people).
"""

from collections import Counter
from dataclasses import dataclass

from .disclosure import disclose

RESULTS = "resultaten"  # the state's "activity" and the participant's address: <base>kit/<CODE>/resultaten
RELEASED = "released"  # store.state(session, RESULTS)[RELEASED]: the facilitator released the results
DOWNLOAD = "mijn-antwoorden.csv"  # the own answers: <base>kit/<CODE>/resultaten/mijn-antwoorden.csv


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


def compare(key, values_by_person, me, group_of, my_group, own_shown=None) -> Comparison:
    """One row from ``{ref: value}``, ``{ref: group}``: the own value (or ``own_shown``) and the means it may show.

    ``values_by_person`` holds those who gave a value (the own "weet ik niet" is not in it); the counts per
    group and the room's go through ``disclose`` as a block's figures do.
    """
    own = values_by_person.get(me)
    found = disclose(Counter(group_of[ref] for ref in values_by_person), len(values_by_person))
    mine = [v for ref, v in values_by_person.items() if group_of[ref] == my_group]
    group = _mean(mine) if found.shows(my_group) else None
    room = _mean(list(values_by_person.values())) if found.room else None
    return Comparison(key, own if own_shown is None else own_shown, group, room)
