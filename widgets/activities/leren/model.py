"""Wat leren we nu? (Werken aan publieke waarde, §5.5): one success to build on and one thing to try differently.

§5.5 asks to learn from one's own successes and to "adapt and try" rather than copy. At the end of a
tafel each group talks it over and its members send, on their phones, the success the group builds on
and the one thing it will try differently: one answer per participant, item ``les``,
``{"succes": text, "anders": text}``, both short texts and both required. The same words from several
members of a group count as one line with how many sent it, so a group that agreed reads as one voice.
"""

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ...model.answers import Answer
from ...model.validation import InputError, clean_text

ACTIVITY = "leren"
ITEM = "les"
FIELDS = ("succes", "anders")  # the success to build on, the thing to try differently
MAX_CHARS = 200  # a short text: one sentence a group agrees on, as a phone shows it


def check_text(value, which: str) -> str:
    """One of the two texts: one line, required, at most ``MAX_CHARS``; else InputError naming the field."""
    field = f"{ACTIVITY}_{which}"
    try:
        text = clean_text(value, "note", required=False)
    except InputError as error:
        raise InputError(error.key, **(error.params | {"field": field})) from None
    if not text:
        raise InputError("error.required", field=field)
    if len(text) > MAX_CHARS:
        raise InputError("error.too_long", field=field, max=MAX_CHARS)
    return text


def check_answer(success, differently) -> dict:
    return {"succes": check_text(success, "succes"), "anders": check_text(differently, "anders")}


def check_stored(item: str, value) -> dict:
    """An answer from a file, checked as a phone's is."""
    if item != ITEM or not isinstance(value, dict):
        raise InputError("error.import_value")
    return check_answer(value.get("succes"), value.get("anders"))


@dataclass(frozen=True)
class Line:
    """A text as a group sent it: the words of its first sender and how many sent the same words."""

    text: str
    count: int


def same_words(text: str) -> str:
    """What makes two texts "the same": case, accents' composition, spaces and a closing full stop aside."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().rstrip(" .!").split())


def lines(texts: Iterable[str]) -> tuple[Line, ...]:
    """The texts with equal words counted once, in the order first sent, the most sent first."""
    found: dict[str, list] = {}
    for text in texts:
        found.setdefault(same_words(text), [text, 0])[1] += 1
    ordered = sorted(enumerate(found.values()), key=lambda pair: (-pair[1][1], pair[0]))
    return tuple(Line(text, n) for _, (text, n) in ordered)


@dataclass(frozen=True)
class GroupLessons:
    """What one group sent: its successes and its things to try differently, and how many members answered."""

    group: str
    succes: tuple[Line, ...]
    anders: tuple[Line, ...]
    count: int


def by_group(answers: Iterable[Answer], groups) -> list[GroupLessons]:
    """A ``GroupLessons`` per group that answered: the session's groups in order, then any other (renamed since)."""
    mine: dict[str, list[dict]] = {}
    for answer in answers:
        if answer.item == ITEM and isinstance(answer.value, dict):
            mine.setdefault(answer.group, []).append(answer.value)
    order = [g for g in groups if g in mine] + [g for g in mine if g not in groups]
    return [
        GroupLessons(
            g,
            lines(v["succes"] for v in mine[g] if "succes" in v),  # a text hidden by the facilitator is left out
            lines(v["anders"] for v in mine[g] if "anders" in v),
            len(mine[g]),
        )
        for g in order
    ]
