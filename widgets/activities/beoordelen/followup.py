"""beoordelen in a follow-up session: the grade and every statement, then and now.

- the grade: per group and for the room, the mean then and now;
- every statement: per group the mean then and now, and the room's dissent then and now
  (lower dissent is a room that moved together).
The statements are the book's, the same in both sessions: nothing to take over.
"""

from dataclasses import dataclass, field

from ...model.answers import Answer, answers_by_activity
from ...model.followup import ROOM, Shift
from .model import ACTIVITY, OVERALL, STATEMENTS, summarize

ORDER = 10  # the change starts with the grade: the conversation starts there


@dataclass
class StatementChange:
    key: str
    means: dict = field(default_factory=dict)  # group key -> Shift of its mean
    room: Shift = Shift()
    dissent: Shift = Shift()


@dataclass
class RatingChange:
    grade: dict  # group key (ROOM for the room) -> Shift of the mean grade
    statements: list  # StatementChange per statement, biggest change of dissent first


def _answers(data: dict, activity: str = ACTIVITY) -> list[Answer]:
    """The session's answers to beoordelen (or another activity scored so), from an export dict."""
    return answers_by_activity(data.get("answers", [])).get(activity, [])


def grade_shifts(before: dict, after: dict, keys) -> dict:
    then, now = (summarize(_answers(d))[OVERALL] for d in (before, after))
    shifts = {g: Shift(then.group_means.get(g), now.group_means.get(g)) for g in keys}
    shifts[ROOM] = Shift(then.overall_mean, now.overall_mean)
    return shifts


def statement_changes(before: dict, after: dict, keys, activity: str = ACTIVITY, statements=STATEMENTS) -> list:
    """Per statement the group means and the room's mean and dissent, then and now (any activity scored so)."""
    then, now = (summarize(_answers(d, activity), statements) for d in (before, after))
    changes = []
    for key in statements:
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
        key=lambda c: (c.dissent.change is None, -abs(round(c.dissent.change or 0, 9)), statements.index(c.key))
    )
    return changes


def compare(before: dict, after: dict, group_keys) -> RatingChange:
    return RatingChange(
        grade=grade_shifts(before, after, group_keys), statements=statement_changes(before, after, group_keys)
    )
