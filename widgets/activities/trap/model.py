"""Participatietrap nu en straks: where the municipality stands on the overheidsparticipatietrap, and where it should.

The trap of the Gelderland thesis (par. 2.1, after Kleistra & Walraven): five rungs from the top,
(1) reguleren, (2) regisseren, (3) stimuleren, (4) faciliteren, (5) loslaten. Each participant
gives one answer, item ``trede``: ``{"now": rung, "should": rung, "note": text}`` with rungs as
numbers 1-5, so a group's mean rung and the gap (should - now) can be read on the same scale.
The thesis puts reguleren at the top, so "up" is ambiguous; a move is named by where it goes:
towards letting go (a higher number) or towards regulating (a lower one).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from ...model.answers import Answer
from ...model.validation import InputError, clean_text

ACTIVITY = "trap"
ITEM = "trede"
RUNGS = ("reguleren", "regisseren", "stimuleren", "faciliteren", "loslaten")  # rung n is RUNGS[n - 1]
FIELDS = ("now", "should")


def check_rung(value, which: str) -> int:
    """A rung number 1-5 (from a form's text or a file's number), or InputError naming which question."""
    try:
        rung = int(str(value).strip())
    except (TypeError, ValueError):
        raise InputError(f"trap.error.{which}") from None
    if str(rung) != str(value).strip() or not 1 <= rung <= len(RUNGS):
        raise InputError(f"trap.error.{which}")
    return rung


def check_answer(now, should, note="") -> dict:
    """Both rungs required; the toelichting is optional."""
    return {
        "now": check_rung(now, "now"),
        "should": check_rung(should, "should"),
        "note": clean_text(note, "note", required=False, multiline=True),
    }


def check_stored(item: str, value) -> dict:
    """An answer from a file, checked as a phone's is."""
    if item != ITEM or not isinstance(value, dict):
        raise InputError("error.import_value")
    return check_answer(value.get("now"), value.get("should"), value.get("note", ""))


def mean(values):
    return sum(values) / len(values) if values else None


@dataclass
class LadderSummary:
    """One group's (or the room's) answers: how many stand on each rung now and should, and the gap."""

    now: list = field(default_factory=list)  # rung numbers, one per participant
    should: list = field(default_factory=list)

    def add(self, value: dict) -> None:
        self.now.append(value["now"])
        self.should.append(value["should"])

    @property
    def count(self) -> int:
        return len(self.now)

    @property
    def now_counts(self) -> list:
        return [self.now.count(n) for n in range(1, len(RUNGS) + 1)]

    @property
    def should_counts(self) -> list:
        return [self.should.count(n) for n in range(1, len(RUNGS) + 1)]

    @property
    def now_mean(self):
        return mean(self.now)

    @property
    def should_mean(self):
        return mean(self.should)

    @property
    def gap(self):
        """Mean should minus mean now: above 0 the group wants to move towards letting go."""
        return None if not self.now else self.should_mean - self.now_mean

    @property
    def looser(self) -> int:
        """Participants who want the municipality lower on the trap (towards loslaten)."""
        return sum(s > n for n, s in zip(self.now, self.should, strict=True))

    @property
    def tighter(self) -> int:
        """Participants who want it higher (towards reguleren)."""
        return sum(s < n for n, s in zip(self.now, self.should, strict=True))

    @property
    def same(self) -> int:
        return self.count - self.looser - self.tighter


def summarize(answers: Iterable[Answer], groups) -> tuple:
    """``({group: LadderSummary}, room)``: every group in ``groups`` (also without answers), then the room.

    Groups answered but not in ``groups`` (renamed since) are added after them, so no answer is lost.
    """
    by_group = {key: LadderSummary() for key in groups}
    room = LadderSummary()
    for answer in answers:
        if answer.item != ITEM:
            continue
        by_group.setdefault(answer.group, LadderSummary()).add(answer.value)
        room.add(answer.value)
    return by_group, room


def notes(answers: Iterable[Answer]) -> list:
    """``[(group, now, should, note)]`` of the answers with a toelichting, in the order given."""
    return [
        (a.group, a.value["now"], a.value["should"], a.value["note"])
        for a in answers
        if a.item == ITEM and a.value.get("note")
    ]
