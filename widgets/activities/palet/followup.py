"""palet in a follow-up session: the earlier palette to start from, and the values kept, new and dropped.

Values are matched on the normalised key, after each session's own merges.
"""

from dataclasses import dataclass

from ...model.answers import answers_by_activity
from .model import ACTIVITY, START, VALID_CELLS, merge_palette

ORDER = 30


@dataclass
class ValueChange:
    key: str
    label: str
    status: str  # "kept", "new" or "dropped"
    cell: str
    groups_then: tuple = ()
    groups_now: tuple = ()


@dataclass
class PaletteChange:
    palette: list  # ValueChange: kept first, then new, then dropped

    def values(self, status: str) -> list:
        return [v for v in self.palette if v.status == status]


def _merged(data: dict) -> dict:
    """The session's merged values by key, cell by cell."""
    merges = data.get("state", {}).get(ACTIVITY, {}).get("merges") or {}
    grid = merge_palette(answers_by_activity(data.get("answers", [])).get(ACTIVITY, []), merges)
    return {m.key: m for cell in VALID_CELLS for m in grid[cell]}


def palette_changes(before: dict, after: dict) -> list:
    then, now = _merged(before), _merged(after)
    changes = []
    for key, value in now.items():
        old = then.get(key)
        changes.append(
            ValueChange(
                key,
                value.label,
                "kept" if old else "new",
                value.cell,
                tuple(sorted(old.groups)) if old else (),
                tuple(sorted(value.groups)),
            )
        )
    for key, value in then.items():
        if key not in now:
            changes.append(ValueChange(key, value.label, "dropped", value.cell, tuple(sorted(value.groups)), ()))
    order = {"kept": 0, "new": 1, "dropped": 2}
    return sorted(changes, key=lambda v: (order[v.status], VALID_CELLS.index(v.cell), v.label.lower()))


def value_labels(before: dict, after: dict) -> dict:
    """Each value's label in either session, as the follow-up writes it where both have it."""
    return {key: value.label for data in (before, after) for key, value in _merged(data).items()}


def compare(before: dict, after: dict, group_keys) -> PaletteChange:
    return PaletteChange(palette_changes(before, after))


def starting_palette(previous: dict) -> list:
    """``[(key, label, cell)]``: the earlier session's merged palette, offered to each participant to keep or drop."""
    return [(m.key, m.label, m.cell) for m in _merged(previous).values()]


def carry(store, session, previous: dict) -> None:
    """The earlier merged palette as the follow-up's start (palette state ``START``)."""
    start = starting_palette(previous)
    if start:
        store.set_state(session.id, ACTIVITY, START, [list(value) for value in start])
