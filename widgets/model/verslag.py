"""The participatieverslag's own data: what the municipality does with the outcome, and who took part.

Dutch law asks a municipality to say whether and how participation took place and what came of it
(Omgevingswet); the kit holds the material for that report but not one thing: what the facilitator or
the municipality does with the outcome. That is one text, typed on the dashboard and kept in the
session's state (``STATE`` / ``OUTCOME``), so it travels in the session's export with the answers.
Who took part is counted per group, and groups under the disclosure rule's ``k`` stand together.
"""

from collections.abc import Iterable, Mapping

from .disclosure import OTHER, disclose
from .validation import LIMITS, clean_text

STATE = "verslag"  # the store's name for the report's settings: {"uitkomst": text}
OUTCOME = "uitkomst"
MAX_CHARS = LIMITS["outcome"]  # about half an A4 page: a few paragraphs


def check_outcome(value) -> str:
    """The text as typed (paragraphs kept), at most ``MAX_CHARS``; empty is allowed (not written yet)."""
    return clean_text(value, "outcome", required=False, multiline=True)


def outcome_of(data: Mapping) -> str:
    """The outcome text of a session's export ('' where none was written)."""
    return str(data.get(STATE, {}).get(OUTCOME, "") or "")


def who_took_part(participants: Iterable[Mapping], groups: Iterable[tuple[str, str]], k: int | None = None):
    """``([(key, label, n)], total)``: how many joined per group, in the session's order, groups with nobody left out.

    A group the disclosure rule hides (fewer than ``k``, or the smallest shown where the hidden ones would
    otherwise add up to fewer than ``k``) is counted in one line ``OTHER`` at the end; ``total`` is everyone.
    """
    counts: dict[str, int] = {}
    for person in participants:
        counts[person["group"]] = counts.get(person["group"], 0) + 1
    found = disclose(counts, k=k)
    labels = dict(groups)
    order = [key for key in labels if key in counts] + [key for key in counts if key not in labels]
    rows = [(key, labels.get(key, key), counts[key]) for key in order if found.shows(key)]
    hidden = sum(counts[key] for key in order if not found.shows(key))
    if hidden:
        rows.append((OTHER, "", hidden))
    return rows, sum(counts.values())
