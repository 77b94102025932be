"""Eigen stellingen: up to twelve statements the facilitator writes, scored like Box 5.2's.

The statements are the activity's state ``statements``: ``[{"key": "e1", "text": ...}, ...]``,
keys ``e1``..``e12`` in the facilitator's order. Answers are stored per statement key as
beoordelen's are, ``{"score": 1-10 or None, "note": text}`` (None is "weet ik niet"), so the
means per group, the dissent agenda and broad agreement come from ``widgets.model.rating``
with these keys in place of the book's.
"""

import re
from collections.abc import Iterable

from ...model.answers import Answer
from ...model.validation import InputError, clean_text
from ..beoordelen import model as rating

ACTIVITY = "eigen"
STATE = "statements"
MAX_STATEMENTS = 12
KEYS = tuple(f"e{n}" for n in range(1, MAX_STATEMENTS + 1))
_KEY = re.compile(r"e([1-9]|1[0-2])")


def check_statements(lines) -> list:
    """``[{"key", "text"}]`` from the facilitator's lines (a text, one per line, or a list); else InputError.

    Empty lines are skipped; 1 to 12 statements of one line each, no two the same (ignoring case).
    """
    if isinstance(lines, str):
        lines = lines.splitlines()
    if not isinstance(lines, (list, tuple)):
        raise InputError("eigen.error.none")
    texts = [str(line) for line in lines if str(line).strip()]
    if not texts:
        raise InputError("eigen.error.none")
    if len(texts) > MAX_STATEMENTS:
        raise InputError("eigen.error.too_many", n=len(texts), max=MAX_STATEMENTS)
    out: list = []
    seen: dict[str, int] = {}
    for n, line in enumerate(texts, start=1):
        try:
            text = clean_text(line, "statement")
        except InputError as error:
            raise InputError("eigen.error.statement", n=n, reason=error) from None
        folded = text.casefold()
        if folded in seen:
            raise InputError("eigen.error.duplicate", n=n, first=seen[folded])
        seen[folded] = n
        out.append({"key": KEYS[n - 1], "text": text})
    return out


def stored_statements(state: dict) -> list:
    """The statements kept in the activity's state (``store.state(session_id, "eigen")``), or []."""
    kept = state.get(STATE) or []
    if not isinstance(kept, list) or not all(isinstance(s, dict) for s in kept):
        return []
    try:
        return check_statements([s.get("text", "") for s in kept])
    except InputError:
        return []


def check_state(name: str, value) -> list:
    """The statements from a file, as the facilitator's form stores them (keys ``e1``... in order); else InputError."""
    if name != STATE:
        raise InputError("error.import_setting_unknown")
    if not isinstance(value, list) or not all(
        isinstance(s, dict) and set(s) == {"key", "text"} and isinstance(s["text"], str) for s in value
    ):
        raise InputError("error.import_setting_value")
    statements = check_statements([s["text"] for s in value])
    if [s["key"] for s in value] != list(keys_of(statements)):  # an answer to e3 must meet the third statement
        raise InputError("error.import_setting_value")
    return statements


def number_of(key: str) -> int:
    """A statement's number as the participants see it ("Stelling 3"); unknown keys sort last."""
    return KEYS.index(key) + 1 if key in KEYS else len(KEYS) + 1


def keys_of(statements) -> tuple:
    return tuple(s["key"] for s in statements)


def check_answer(item: str, score, note: str = "") -> dict:
    """A score 1-10 or None ("weet ik niet") with an optional note, for statement ``e1``..``e12``."""
    if not _KEY.fullmatch(str(item)):
        raise InputError("error.unknown_activity", name=item)
    return rating.scored(item, score, note)


def check_stored(item: str, value) -> dict:
    """A statement's score from a file, checked as a phone's is."""
    return rating.stored_score(check_answer, item, value)


def summarize(answers: Iterable[Answer], statements) -> dict:
    """``{key: rating.ItemSummary}`` for the session's own statements."""
    return rating.summarize(answers, keys_of(statements))
