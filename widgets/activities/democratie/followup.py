"""Tabel 4.2 in a follow-up session: every value then and now, per group, with the room's dissent."""

from dataclasses import dataclass

from ..beoordelen.followup import statement_changes
from .model import ACTIVITY, KEYS

ORDER = 15  # after beoordelen's grade and statements


@dataclass
class DemocracyChange:
    statements: list  # beoordelen.followup.StatementChange per value, biggest change of dissent first


def compare(before: dict, after: dict, group_keys) -> DemocracyChange:
    return DemocracyChange(statement_changes(before, after, group_keys, ACTIVITY, KEYS))
