"""Succesfactoren in a follow-up session: the same domain again, and per factor the share that says it holds.

The share is of those who chose a level (not "weet ik niet"), in percent, so a room of another size
compares fairly; a room figure of fewer than k people is not shown (the disclosure rule).
"""

from dataclasses import dataclass

from ...model.answers import answers_by_activity
from ...model.disclosure import shown
from ...model.followup import Shift
from .model import ACTIVITY, DOMAIN, current_domain, factors, holds_share, tally

ORDER = 45


def domain_of(data: dict) -> str:
    return current_domain(data.get("state", {}).get(ACTIVITY, {}), data.get("session", {}).get("topic", ""))


def carry(store, session, previous: dict) -> None:
    """The earlier session's domain, so the follow-up asks the same factors."""
    store.set_state(session.id, ACTIVITY, DOMAIN, domain_of(previous))


@dataclass
class FactorChange:
    domain: str
    factors: list  # (Factor, Shift of the room's share in %), in the box's order


def _shares(data: dict, domain: str) -> dict:
    given = answers_by_activity(data.get("answers", [])).get(ACTIVITY, [])
    return {r.factor.key: holds_share(r.room) if shown(r.room.answered) else None for r in tally(given, domain, [])}


def compare(before: dict, after: dict, group_keys) -> FactorChange:
    """The follow-up's domain; per factor the room's share then (same domain's answers) and now."""
    domain = domain_of(after)
    then, now = _shares(before, domain), _shares(after, domain)
    return FactorChange(domain, [(f, Shift(then[f.key], now[f.key])) for f in factors(domain)])
