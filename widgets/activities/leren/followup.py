"""Wat leren we nu? in a follow-up session: what each group meant to try differently then, and what it says now.

§5.5's "aanpassen en beproeven" made visible: next to the thing a group would try differently last time
stand the success it builds on now and what it will try next. Per group, folded as the report folds
(groups of fewer than ``k`` who answered together as "overige groepen").
"""

from dataclasses import dataclass

from ...model.answers import answers_by_activity
from ...model.disclosure import OTHER, fold_answers
from .model import ACTIVITY, GroupLessons, by_group

ORDER = 90  # last: the conversation ends with what is learnt


@dataclass
class LessonsChange:
    rows: list  # (group key, GroupLessons then or None, GroupLessons now or None), the follow-up's groups first
    labels: dict  # group key -> its name (the follow-up's, else the earlier session's; "overige groepen" added)


def lessons(data: dict, keys) -> dict:
    mine, _ = fold_answers(answers_by_activity(data.get("answers", [])).get(ACTIVITY, []))
    return {g.group: g for g in by_group(mine, [*keys, OTHER])}


def compare(before: dict, after: dict, group_keys) -> LessonsChange:
    then, now = lessons(before, group_keys), lessons(after, group_keys)
    order = [g for g in [*group_keys, OTHER] if g in then or g in now]
    rows: list[tuple[str, GroupLessons | None, GroupLessons | None]] = [(g, then.get(g), now.get(g)) for g in order]
    labels = {g["key"]: g["label"] for data in (before, after) for g in data.get("groups", [])}
    return LessonsChange(rows, labels)
