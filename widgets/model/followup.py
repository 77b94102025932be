"""A follow-up session next to the earlier one: what changed, per group ("lerend bestuur").

*Werken aan publieke waarde* ends chapter 5 with "waardevol bestuur is lerend bestuur": the
same partners reflect again, and the change is the conversation. A follow-up session keeps
its earlier session as an export dict (``PREVIOUS``), so the comparison works as well when the
earlier session came from another laptop or was deleted since.

Everything here compares two export dicts (``widgets.store.transfer``) and is pure. What is
common lives here: the groups of both sessions, who answered, a ``Shift`` from then to now.
Each activity both sessions ran says what changed in its own part (``followup.compare``).
Groups are matched on their key; a group present in one session only shows blanks.
"""

from dataclasses import dataclass

from ..activities import ACTIVITIES
from .answers import answers_by_activity

# The state of a follow-up session that holds its earlier session: state(session, FOLLOWUP)[PREVIOUS].
FOLLOWUP = "vervolg"
PREVIOUS = "previous"
ROOM = ""  # the key of the whole room next to the groups' keys


@dataclass(frozen=True)
class Shift:
    then: float | None = None
    now: float | None = None

    @property
    def change(self):
        return None if self.then is None or self.now is None else self.now - self.then


@dataclass
class Comparison:
    groups: tuple  # (key, label) of both sessions, the follow-up's order first
    counts: dict  # group key (ROOM for the room) -> Shift of the number of participants who answered anything
    changes: dict  # activity key -> that activity's change (its followup.compare), in the order they are shown


def groups_of(before: dict, after: dict) -> tuple:
    seen, groups = set(), []
    for data in (after, before):
        for group in data.get("groups", []):
            if group["key"] not in seen:
                seen.add(group["key"])
                groups.append((group["key"], group["label"]))
    return tuple(groups)


def answered_counts(before: dict, after: dict, keys) -> dict:
    def counts(data):
        given = answers_by_activity(data.get("answers", [])).values()
        people = {(a.participant, a.group) for answers in given for a in answers}
        return {g: sum(1 for _, pg in people if pg == g) for g in keys}

    then, now = counts(before), counts(after)
    shifts = {g: Shift(then[g], now[g]) for g in keys}
    shifts[ROOM] = Shift(sum(then.values()), sum(now.values()))
    return shifts


def _place(activity) -> int:
    """Where an activity's change stands: its ``followup.ORDER``, else the registry's order."""
    order = activity.part("followup", "ORDER")
    return activity.order if order is None else order


def compared(before: dict, after: dict) -> list:
    """The activities both sessions ran that say what changed, in the order the change is shown."""
    ran = [set(data.get("session", {}).get("activities", ())) for data in (before, after)]
    both = [a for a in ACTIVITIES if a.key in ran[0] & ran[1] and a.has("followup", "compare")]
    return sorted(both, key=_place)


def compare(before: dict, after: dict) -> Comparison:
    """The follow-up session ``after`` next to the earlier session ``before`` (both export dicts)."""
    groups = groups_of(before, after)
    keys = [key for key, _ in groups]
    return Comparison(
        groups=groups,
        counts=answered_counts(before, after, keys),
        changes={a.key: a.part("followup", "compare")(before, after, keys) for a in compared(before, after)},
    )


def snapshot(export: dict) -> dict:
    """What a follow-up keeps of its earlier session: the export without names or an earlier-earlier session.

    Participants' optional names are left out (the comparison is per group), and a chain of
    follow-ups keeps one step back only, so the copy does not grow with every year.
    """
    kept = {k: v for k, v in export.items() if k != PREVIOUS}
    kept["participants"] = [dict(p, name="") for p in export.get("participants", [])]
    return kept
