"""prioriteren in a follow-up session: each value's share of all points given, then and now.

In percentage points: the number of participants may differ; a share compares fairly. The
values are palet's, named as the follow-up names them.
"""

from dataclasses import dataclass

from ...model.answers import answers_by_activity
from ...model.followup import Shift
from ..palet.followup import value_labels
from .model import ACTIVITY, ITEM

ORDER = 40


@dataclass
class PriorityChange:
    priorities: list  # (key, label, Shift of the room's share in %, {group: Shift of the group's share})


def _shares(data: dict, keys) -> tuple:
    """Each value's share (%) of all points the room gave, and of all points each group gave."""
    spreads = [a for a in answers_by_activity(data.get("answers", [])).get(ACTIVITY, []) if a.item == ITEM]
    room: dict[str, int] = {}
    groups: dict[str, dict[str, int]] = {g: {} for g in keys}
    for answer in spreads:
        for value, points in answer.value.items():
            room[value] = room.get(value, 0) + points
            if answer.group in groups:
                groups[answer.group][value] = groups[answer.group].get(value, 0) + points

    def percent(points):
        total = sum(points.values())
        return {k: 100 * p / total for k, p in points.items()} if total else {}

    return percent(room), {g: percent(p) for g, p in groups.items()}, bool(spreads)


def priority_changes(before: dict, after: dict, keys, labels: dict) -> list:
    """Per value given points in either session: (key, label, room Shift, {group: Shift}), biggest move first.

    A value nobody gave points to in a session that was prioritised has share 0 there; a session
    without any prioritising has no share (None).
    """
    (room_then, groups_then, had_then), (room_now, groups_now, had_now) = _shares(before, keys), _shares(after, keys)

    def share(table, key, had):
        return table.get(key, 0.0) if had else None

    rows = []
    for key in dict.fromkeys([*room_now, *room_then]):
        room = Shift(share(room_then, key, had_then), share(room_now, key, had_now))
        per_group = {
            g: Shift(
                share(groups_then[g], key, had_then and bool(groups_then[g])),
                share(groups_now[g], key, had_now and bool(groups_now[g])),
            )
            for g in keys
        }
        rows.append((key, labels.get(key, key), room, per_group))
    rows.sort(key=lambda r: (-abs(round(r[2].change or 0, 9)), -(r[2].now or 0), r[1].lower()))
    return rows


def compare(before: dict, after: dict, group_keys) -> PriorityChange:
    return PriorityChange(priority_changes(before, after, group_keys, value_labels(before, after)))
