"""An answer as the kit passes it around: one participant's value for one item of one activity.

The store gives them (``Store.answers``), and an export file holds them as plain dicts
(``widgets.store.transfer``); ``answers_by_activity`` turns either into ``Answer`` objects, so the
report, the exports, the results page and the follow-up read ``a.value``, ``a.group`` whichever
source the answers came from. ``value`` is the answer itself, as the activity stored it (JSON: a
dict, a number or a text); only the row around it is typed here.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# An export file's answer, key by key in this order (the file format: tests/test_old_data.py).
FIELDS = ("activity", "participant", "group", "item", "value", "updated_at")


@dataclass(frozen=True)
class Answer:
    activity: str  # the activity's stored key
    participant: str  # the participant's public ref (``d-3f9a...``, ``papier-4``), never the token
    group: str  # the key of the participant's stakeholder group
    item: str  # what was answered, as the activity names it ('cijfer', 'plaats', a value's key)
    value: Any  # the answer, as JSON: a dict, a number or a text
    updated_at: float | None = None  # when it was given (seconds since the epoch); None for a typed-in sheet

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> "Answer":
        """An answer of an export file (or any mapping with ``FIELDS``); a row without a group has group ''."""
        return cls(
            activity=row["activity"],
            participant=row["participant"],
            group=row.get("group", ""),
            item=row["item"],
            value=row["value"],
            updated_at=row.get("updated_at"),
        )

    def to_dict(self) -> dict[str, Any]:
        """The answer as an export file holds it."""
        return {name: getattr(self, name) for name in FIELDS}


# The answers of a session per activity key, as the activities' report, exports and results parts take them.
ByActivity = dict[str, list[Answer]]
# A session's facilitator settings: activity key -> {setting: JSON value} (``Store.state`` of each activity).
States = dict[str, dict[str, Any]]


def answers_by_activity(
    rows: Iterable[Answer | Mapping[str, Any]], participants: Sequence[Mapping[str, Any]] | None = None
) -> ByActivity:
    """The answers (``Answer`` objects or an export file's dicts) as Answers per activity, in the order given.

    With ``participants`` (an export's, in the order they joined), each participant's answers come
    together in that order, then by time: the readable exports' order.
    """
    answers = [row if isinstance(row, Answer) else Answer.from_dict(row) for row in rows]
    if participants is not None:
        order = {p["ref"]: i for i, p in enumerate(participants)}
        answers.sort(key=lambda a: (order.get(a.participant, len(order)), a.updated_at or 0))
    grouped: ByActivity = {}
    for answer in answers:
        grouped.setdefault(answer.activity, []).append(answer)
    return grouped
