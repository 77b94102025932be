"""A follow-up session next to the earlier one: what changed, per group ("lerend bestuur").

*Werken aan publieke waarde* ends chapter 5 with "waardevol bestuur is lerend bestuur": the
same partners reflect again, and the change is the conversation. A follow-up session keeps
its earlier session as an export dict (``PREVIOUS``), so the comparison works as well when the
earlier session came from another laptop or was deleted since.

Everything here compares two export dicts (``widgets.store.transfer``) and is pure:
- the grade: per group and for the room, the mean then and now;
- every statement: per group the mean then and now, and the room's dissent then and now
  (``widgets.model.rating``: lower dissent is a room that moved together);
- the triangle: per group and for the room, the centroid then and now (an arrow), and the
  mean score per corner;
- the palette: merged values kept, new and dropped (matched on the normalised key, after
  each session's own merges);
- the prioritising: each value's share of all points given, then and now, in percentage
  points (the number of participants may differ; a share compares fairly).
Groups are matched on their key; a group present in one session only shows blanks.
"""

from dataclasses import dataclass, field

from ..activities.beoordelen.model import ACTIVITY as RATING
from ..activities.beoordelen.model import OVERALL, STATEMENTS, mean, summarize
from ..activities.driehoek.model import ACTIVITY as TRIANGLE
from ..activities.driehoek.model import CORNERS, barycentric, centroid, placements, position
from ..activities.palet.model import VALID_CELLS, merge_palette
from ..activities.prioriteren.model import ACTIVITY as PRIORITIES
from ..activities.prioriteren.model import ITEM as SPREAD

# The state of a follow-up session that holds its earlier session: state(session, FOLLOWUP)[PREVIOUS].
FOLLOWUP = "vervolg"
PREVIOUS = "previous"
ROOM = ""  # the key of the whole room next to the groups' keys


@dataclass(frozen=True)
class Shift:
    then: float = None
    now: float = None

    @property
    def change(self):
        return None if self.then is None or self.now is None else self.now - self.then


@dataclass
class StatementChange:
    key: str
    means: dict = field(default_factory=dict)  # group key -> Shift of its mean
    room: Shift = Shift()
    dissent: Shift = Shift()


@dataclass
class ValueChange:
    key: str
    label: str
    status: str  # "kept", "new" or "dropped"
    cell: str
    groups_then: tuple = ()
    groups_now: tuple = ()


@dataclass
class Comparison:
    groups: tuple  # (key, label) of both sessions, the follow-up's order first
    grade: dict  # group key (ROOM for the room) -> Shift of the mean grade
    counts: dict  # group key -> Shift of the number of participants who answered anything
    statements: list  # StatementChange per statement, biggest change of dissent first
    centroids: dict  # group key -> (then (x, y) or None, now (x, y) or None)
    corners: dict  # group key -> {corner: Shift of the mean score}
    shares: dict  # group key -> {corner: Shift of the centroid's share in %}: where the arrows point
    palette: list  # ValueChange: kept first, then new, then dropped
    priorities: list  # (key, label, Shift of the room's share in %, {group: Shift of the group's share})

    def values(self, status: str) -> list:
        return [v for v in self.palette if v.status == status]


def _by_activity(data: dict, activity: str) -> list:
    return [a for a in data.get("answers", []) if a["activity"] == activity]


def _merges(data: dict) -> dict:
    return data.get("state", {}).get("palet", {}).get("merges") or {}


def groups_of(before: dict, after: dict) -> tuple:
    seen, groups = set(), []
    for data in (after, before):
        for group in data.get("groups", []):
            if group["key"] not in seen:
                seen.add(group["key"])
                groups.append((group["key"], group["label"]))
    return tuple(groups)


def grade_shifts(before: dict, after: dict, keys) -> dict:
    then, now = (summarize(_by_activity(d, RATING))[OVERALL] for d in (before, after))
    shifts = {g: Shift(then.group_means.get(g), now.group_means.get(g)) for g in keys}
    shifts[ROOM] = Shift(then.overall_mean, now.overall_mean)
    return shifts


def answered_counts(before: dict, after: dict, keys) -> dict:
    def counts(data):
        people = {(a["participant"], a["group"]) for a in data.get("answers", [])}
        return {g: sum(1 for _, pg in people if pg == g) for g in keys}

    then, now = counts(before), counts(after)
    shifts = {g: Shift(then[g], now[g]) for g in keys}
    shifts[ROOM] = Shift(sum(then.values()), sum(now.values()))
    return shifts


def statement_changes(before: dict, after: dict, keys) -> list:
    then, now = (summarize(_by_activity(d, RATING)) for d in (before, after))
    changes = []
    for key in STATEMENTS:
        old, new = then[key], now[key]
        changes.append(
            StatementChange(
                key,
                means={g: Shift(old.group_means.get(g), new.group_means.get(g)) for g in keys},
                room=Shift(old.overall_mean, new.overall_mean),
                dissent=Shift(old.dissent if old.count else None, new.dissent if new.count else None),
            )
        )
    # The statements whose dissent moved most first (in either direction): the conversation's start.
    changes.sort(
        key=lambda c: (c.dissent.change is None, -abs(round(c.dissent.change or 0, 9)), STATEMENTS.index(c.key))
    )
    return changes


def _placed(data: dict) -> list:
    return placements(_by_activity(data, TRIANGLE))


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
        return {c: mean([s[c] for s in scores]) for c in CORNERS}

    return {g: {c: Shift(means(before, g)[c], means(after, g)[c]) for c in CORNERS} for g in (*keys, ROOM)}


def share_shifts(before: dict, after: dict, keys) -> dict:
    """The centroids as the triangle draws them: per corner the mean share (%) of the three scores."""

    def shares(data, group):
        placed = [barycentric(s) for _, g, s in _placed(data) if group in (ROOM, g)]
        return {c: None if not placed else 100 * mean([p[c] for p in placed]) for c in CORNERS}

    return {g: {c: Shift(shares(before, g)[c], shares(after, g)[c]) for c in CORNERS} for g in (*keys, ROOM)}


def palette_changes(before: dict, after: dict) -> list:
    def merged(data):
        grid = merge_palette(_by_activity(data, "palet"), _merges(data))
        return {m.key: m for cell in VALID_CELLS for m in grid[cell]}

    then, now = merged(before), merged(after)
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


def _shares(data: dict, keys) -> tuple:
    """Each value's share (%) of all points the room gave, and of all points each group gave."""
    spreads = [a for a in _by_activity(data, PRIORITIES) if a["item"] == SPREAD]
    room, groups = {}, {g: {} for g in keys}
    for answer in spreads:
        for value, points in answer["value"].items():
            room[value] = room.get(value, 0) + points
            if answer["group"] in groups:
                groups[answer["group"]][value] = groups[answer["group"]].get(value, 0) + points

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


def compare(before: dict, after: dict) -> Comparison:
    """The follow-up session ``after`` next to the earlier session ``before`` (both export dicts)."""
    groups = groups_of(before, after)
    keys = [key for key, _ in groups]
    palette = palette_changes(before, after)
    labels = {v.key: v.label for v in palette}
    return Comparison(
        groups=groups,
        grade=grade_shifts(before, after, keys),
        counts=answered_counts(before, after, keys),
        statements=statement_changes(before, after, keys),
        centroids=centroid_shifts(before, after, keys),
        corners=corner_shifts(before, after, keys),
        shares=share_shifts(before, after, keys),
        palette=palette,
        priorities=priority_changes(before, after, keys, labels),
    )


def starting_palette(previous: dict) -> list:
    """``[(key, label, cell)]``: the earlier session's merged palette, offered to each participant to keep or drop."""
    grid = merge_palette(_by_activity(previous, "palet"), _merges(previous))
    return [(m.key, m.label, cell) for cell in VALID_CELLS for m in grid[cell]]


def snapshot(export: dict) -> dict:
    """What a follow-up keeps of its earlier session: the export without names or an earlier-earlier session.

    Participants' optional names are left out (the comparison is per group), and a chain of
    follow-ups keeps one step back only, so the copy does not grow with every year.
    """
    kept = {k: v for k, v in export.items() if k != PREVIOUS}
    kept["participants"] = [dict(p, name="") for p in export.get("participants", [])]
    return kept
