"""Open vraag in a follow-up session: the same question again, and the words used most then and now.

Words are matched across the two sessions by the cloud's own rule (an inflection or a near-duplicate counts as one).
"""

from dataclasses import dataclass

from ...model.answers import answers_by_activity
from .model import ACTIVITY, GUIDE, QUESTION, cloud, same_word

ORDER = 5
MOST = 15  # words in the comparison: the most used of either session


@dataclass(frozen=True)
class WordChange:
    label: str
    then: int  # participants who used it in the earlier session
    now: int
    status: str  # "kept", "new" or "dropped"


@dataclass
class CloudChange:
    words: list  # WordChange, most used now first, then the dropped ones


def _words(data: dict) -> list:
    return cloud(answers_by_activity(data.get("answers", [])).get(ACTIVITY, []))


def compare(before: dict, after: dict, group_keys) -> CloudChange:
    then, now = _words(before)[:MOST], _words(after)[:MOST]
    changes, matched = [], set()
    for word in now:
        old = next((w for w in then if w.key not in matched and same_word(w.key, word.key)), None)
        if old is not None:
            matched.add(old.key)
        changes.append(WordChange(word.label, old.count if old else 0, word.count, "kept" if old else "new"))
    changes += [WordChange(w.label, w.count, 0, "dropped") for w in then if w.key not in matched]
    return CloudChange(changes)


def carry(store, session, previous: dict) -> None:
    """The earlier session's question, asked again."""
    state = previous.get("state", {}).get(ACTIVITY, {})
    for name in (GUIDE, QUESTION):
        if state.get(name):
            store.set_state(session.id, ACTIVITY, name, state[name])
