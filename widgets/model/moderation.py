"""Moderation: which participants' texts the room sees (the projector, the phones, the results page, the report).

Every activity that takes free text says which texts an answer holds through its folder's part
``moderation.texts(answers) -> [ParticipantText]``; this module loops over the registry for them and never
names an activity. A text is known by a stable key: its activity, the participant's public ref, the answer's
item and ``part``, the text's place in the answer (a key of its value: ``"note"``, ``"text"``; for a list
answer the value's index or id). The session is the store's row around it.

The facilitator hides a text (kept by its key, so a participant editing another text or this one leaves it
hidden until restored) or, with "Teksten eerst goedkeuren", approves it: an approval holds the text's
``fingerprint``, so a text changed after approval waits for approval again. ``moderate`` takes the withheld
texts out of the answers before any surface sees them: a text that is the whole answer (a palette value,
``whole``) takes its answer along; a note leaves the rest of its answer (the score) as it was. An activity
whose value is no dict of texts names its own way with ``moderation.without(value, parts) -> value | None``.
"""

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..activities import BY_KEY
from .answers import Answer

Key = tuple[str, str, str, str]  # (activity, participant ref, item, part)
HIDDEN, WAITING, SHOWN = "hidden", "waiting", "shown"  # what the room sees of a text


@dataclass(frozen=True)
class ParticipantText:
    activity: str
    participant: str  # the public ref, never the token
    item: str
    part: str  # where in the answer: a key of its value ("note"), a list answer's index or id
    text: str
    whole: bool = False  # the answer is this text (a palette value): withholding it withholds the answer

    @property
    def key(self) -> Key:
        return (self.activity, self.participant, self.item, self.part)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.text)


def fingerprint(text: str) -> str:
    """What an approval remembers of a text: a changed text no longer matches it."""
    return hashlib.sha256(str(text).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Moderation:
    """A session's moderation: ``approve_first`` ("Teksten eerst goedkeuren"), the hidden texts' keys, and per
    approved text the fingerprint of the words approved."""

    approve_first: bool = False
    hidden: frozenset[Key] = frozenset()
    approved: Mapping[Key, str] = field(default_factory=dict)

    def status(self, text: ParticipantText) -> str:
        if text.key in self.hidden:
            return HIDDEN
        if self.approve_first and self.approved.get(text.key) != text.fingerprint:
            return WAITING
        return SHOWN

    def withheld(self, text: ParticipantText) -> bool:
        return self.status(text) != SHOWN

    @property
    def idle(self) -> bool:
        """Nothing to withhold: the answers are seen as they are."""
        return not self.approve_first and not self.hidden


def note_texts(answers: Iterable[Answer], part: str = "note") -> list[ParticipantText]:
    """The ``part`` of every answer whose value holds one (Box 5.2's toelichting): ready as an activity's ``texts``."""
    return [
        ParticipantText(a.activity, a.participant, a.item, part, a.value[part])
        for a in answers
        if isinstance(a.value, dict) and isinstance(a.value.get(part), str) and a.value[part].strip()
    ]


def texts_of(activity: str, answers: Iterable[Answer]) -> list[ParticipantText]:
    """The participants' texts in the answers of ``activity`` (its ``moderation.texts``; none without it)."""
    described = BY_KEY.get(activity)
    hook = described.part("moderation", "texts") if described is not None else None
    return list(hook(list(answers))) if hook is not None else []


def all_texts(answers: Iterable[Answer]) -> list[ParticipantText]:
    """Every participant text in ``answers``, activity by activity in the order given."""
    by_activity: dict[str, list[Answer]] = {}
    for answer in answers:
        by_activity.setdefault(answer.activity, []).append(answer)
    return [text for activity, mine in by_activity.items() for text in texts_of(activity, mine)]


def _without(answer: Answer, parts: set[str], whole: bool) -> Answer | None:
    if whole:
        return None
    described = BY_KEY.get(answer.activity)
    own = described.part("moderation", "without") if described is not None else None
    if own is not None:
        value = own(answer.value, parts)
        return None if value is None else replace(answer, value=value)
    if isinstance(answer.value, dict):
        return replace(answer, value={k: v for k, v in answer.value.items() if k not in parts})
    return None


def moderate(answers: Iterable[Answer], moderation: Moderation) -> list[Answer]:
    """The answers as the room may see them: every withheld text taken out (an answer that is one, left out)."""
    answers = list(answers)
    if moderation.idle:
        return answers
    withheld: dict[tuple[str, str, str], list[ParticipantText]] = {}
    for text in all_texts(answers):
        if moderation.withheld(text):
            withheld.setdefault((text.activity, text.participant, text.item), []).append(text)
    seen = []
    for answer in answers:
        texts = withheld.get((answer.activity, answer.participant, answer.item))
        kept = _without(answer, {t.part for t in texts}, any(t.whole for t in texts)) if texts else answer
        if kept is not None:
            seen.append(kept)
    return seen


# --- in an export file ---------------------------------------------------------------------------

SECTION = "moderation"  # an export's key: {"approve_first": bool, "texts": [{activity, participant, item, part, ...}]}


def to_export(moderation: Moderation) -> dict[str, Any]:
    keys = sorted(set(moderation.hidden) | set(moderation.approved))
    return {
        "approve_first": moderation.approve_first,
        "texts": [
            {
                "activity": a,
                "participant": p,
                "item": i,
                "part": part,
                "hidden": (a, p, i, part) in moderation.hidden,
                "approved": moderation.approved.get((a, p, i, part), ""),
            }
            for a, p, i, part in keys
        ],
    }


def from_export(data: Mapping[str, Any]) -> Moderation:
    """The moderation an export holds (an export without one: nothing withheld). Checked on import, not here."""
    section = data.get(SECTION) or {}
    texts = section.get("texts", [])
    key = lambda row: (row["activity"], row["participant"], row["item"], row["part"])  # noqa: E731
    return Moderation(
        approve_first=bool(section.get("approve_first")),
        hidden=frozenset(key(row) for row in texts if row.get("hidden")),
        approved={key(row): row["approved"] for row in texts if row.get("approved")},
    )


def seen_by_room(data: dict[str, Any]) -> dict[str, Any]:
    """An export as participants may see it (the report, the results page, paper sheets, a follow-up): its
    answers moderated, without the moderation section. The facilitator's own files keep everything."""
    moderation = from_export(data)
    if moderation.idle:
        return {k: v for k, v in data.items() if k != SECTION}
    answers = moderate((Answer.from_dict(row) for row in data.get("answers", [])), moderation)
    return {**{k: v for k, v in data.items() if k != SECTION}, "answers": [a.to_dict() for a in answers]}
