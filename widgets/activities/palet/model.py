"""The merged waardenpalet: participants' own words grouped per cell, per group.

Values are matched on a normalised key (case, spacing, accents and punctuation
ignored), so "Betaalbaarheid " and "betaalbaarheid" count as one. Near-duplicates
("betaalbaarheid" / "betaalbare woningen") are only *suggested*; the facilitator
decides, and a merge is a mapping from one key onto another. The participants'
own words stay in the store and the export.
"""

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ...model.answers import Answer
from ...model.matching import SIMILARITY_THRESHOLD, normalize, similarity, stem
from ...model.typology import CELLS
from ...model.validation import LIMITS, InputError, clean_text

ACTIVITY = "palet"
MAX_VALUES_PER_PARTICIPANT = 30
# The facilitator's settings (``store.state(session, ACTIVITY)``): merged keys, pairs kept apart, and a
# follow-up's earlier palette to start from ([[key, label, cell], ...]).
MERGES, APART, START = "merges", "apart", "start"
# Most entries a setting holds: more values than a room names (150 participants with 30 each).
MAX_SETTING_ENTRIES = 5000
# Longest merged key: ``normalize_value`` may lengthen a value's words (a ligature becomes three letters).
MAX_KEY = 4 * LIMITS["value"]
# Two keys are suggested for merging by the kit's rule for near-duplicates (``widgets.model.matching``).
# Remembered: a dashboard merges the same thousands of values again on every change.
normalize_value = lru_cache(maxsize=65536)(normalize)
MERGED_KEPT = 4  # merged palettes remembered (a session's answers and those folded for participants, two sessions)
_merged: OrderedDict = OrderedDict()
_merged_lock = threading.Lock()  # the phones' pages are drawn in worker threads


def cell_of(perspective: str, kind: str) -> str:
    return f"{perspective}.{kind}"


VALID_CELLS = tuple(cell_of(p, k) for p, k in CELLS)


@dataclass
class MergedValue:
    key: str
    cell: str
    spellings: dict = field(default_factory=dict)  # original text -> times used
    participants: set = field(default_factory=set)
    groups: set = field(default_factory=set)

    @property
    def label(self) -> str:
        """The spelling most participants used (ties: the shortest, then alphabetical)."""
        if len(self.spellings) == 1:  # most values: no sorting, this is read on every comparison of a sort
            return next(iter(self.spellings))
        return sorted(self.spellings.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]

    @property
    def count(self) -> int:
        return len(self.participants)

    @property
    def shared(self) -> bool:
        """Named by two or more stakeholder groups."""
        return len(self.groups) >= 2


def resolve(key: str, merges: dict) -> str:
    """Follow merge mappings to the surviving key (merges may chain)."""
    seen = set()
    while key in merges and key not in seen:
        seen.add(key)
        key = merges[key]
    return key


def merge_palette(answers: Iterable[Answer], merges=None) -> dict:
    """``{cell: [MergedValue, ...]}`` from store answers of the 'palet' activity.

    Each answer is an ``Answer`` with ``participant``, ``group`` and ``value`` =
    ``{"text": ..., "cell": ...}``. A merged value sits in the cell most of its
    mentions used. The same answers and merges give the same grid, made once (the dashboard, its
    tabs and the presentation screen ask for it again on every change): read it, never change it.
    """
    answers = list(answers)
    merges = merges or {}
    key = (
        tuple((a.participant, a.group, a.value["text"], a.value["cell"]) for a in answers),
        tuple(sorted(merges.items())),
    )
    with _merged_lock:
        grid = _merged.get(key)
        if grid is not None:
            _merged.move_to_end(key)
    if grid is None:
        grid = _merge(answers, merges)
        with _merged_lock:
            _merged[key] = grid
            while len(_merged) > MERGED_KEPT:
                _merged.popitem(last=False)
    return {cell: list(values) for cell, values in grid.items()}


def _merge(answers: list[Answer], merges: dict) -> dict:
    """``merge_palette``'s grid, made."""
    by_key: dict[str, MergedValue] = {}
    cell_votes: dict[str, dict[str, int]] = {}
    for answer in answers:
        value = answer.value
        key = resolve(normalize_value(value["text"]), merges)
        if not key:
            continue
        merged = by_key.get(key)
        if merged is None:  # (not setdefault: that makes a MergedValue for every answer)
            merged = by_key[key] = MergedValue(key=key, cell=value["cell"])
        merged.spellings[value["text"]] = merged.spellings.get(value["text"], 0) + 1
        merged.participants.add(answer.participant)
        merged.groups.add(answer.group)
        votes = cell_votes.setdefault(key, {})
        votes[value["cell"]] = votes.get(value["cell"], 0) + 1
    grid: dict[str, list[MergedValue]] = {cell: [] for cell in VALID_CELLS}
    for key, merged in by_key.items():
        votes = cell_votes[key]
        if len(votes) > 1:  # else the one cell it was named in
            merged.cell = sorted(votes.items(), key=lambda kv: (-kv[1], VALID_CELLS.index(kv[0])))[0][0]
        grid[merged.cell].append(merged)
    for values in grid.values():
        values.sort(key=lambda m: (-m.count, m.label.lower()))
    return grid


def suggest_merges(keys, dismissed=()) -> list:
    """Pairs of distinct keys that look like the same value, most similar first.

    Similar spelling (rapidfuzz ratio) or the same first-word stem ("betaalba...").
    A key that merely contains another ("veiligheid" in "verkeersveiligheid") is
    not enough: that is the facilitator's call.
    """
    return ranked_pairs(alike(keys, keys), dismissed)


def alike(keys, among) -> dict:
    """``{(a, b): similarity}`` (a before b) of each key of ``keys`` with every other key of ``among`` it looks like.

    The spelling is compared in rapidfuzz's own loop and stems are looked up, not tried pair by pair: 3,000
    values take a fraction of a second, and the dashboard compares only the keys that are new since its last look.
    """
    from rapidfuzz import fuzz, process  # as matching.similarity: only once a dashboard asks

    among = sorted(set(among))
    keys = sorted(set(keys))
    half = keys == among  # every key with every other: each pair once
    stems: dict[str, list[str]] = {}
    for key in among:
        if stem(key):
            stems.setdefault(stem(key), []).append(key)
    scores = {}
    for i, a in enumerate(keys):
        rest = among[i + 1 :] if half else among
        for b, score, _ in process.extract(a, rest, scorer=fuzz.ratio, score_cutoff=SIMILARITY_THRESHOLD, limit=None):
            if b != a:
                scores[(min(a, b), max(a, b))] = score
        for b in stems.get(stem(a), ()) if stem(a) else ():
            if b != a:
                scores.setdefault((min(a, b), max(a, b)), similarity(a, b))
    return scores


def ranked_pairs(scores: dict, dismissed=()) -> list:
    """The pairs of ``alike``'s scores the facilitator did not keep apart, most similar first."""
    dismissed = {tuple(sorted(pair)) for pair in dismissed}
    kept = [(score, a, b) for (a, b), score in scores.items() if (a, b) not in dismissed]
    return [(a, b) for _, a, b in sorted(kept, key=lambda p: (-p[0], p[1], p[2]))]


def compare_with_book(grid: dict, book_values) -> tuple:
    """``(also named, only in the book, new)``: the group's palette next to the book's for the topic."""
    named = {m.key: m for values in grid.values() for m in values}
    book = {normalize_value(v.value): v for v in book_values}
    also = [book[k].value for k in book if k in named]
    only_book = [book[k].value for k in book if k not in named]
    new = [named[k].label for k in named if k not in book]
    return also, only_book, new


# The book's example palette per opgave (*Werken aan publieke waarde*): table number.
TOPIC_TABLES = {"verkeersbeleid": "1.1", "wonen": "2.1", "arbeidsintegratie": "3.1", "lokale democratie": "4.1"}


def book_tables(topic: str) -> tuple:
    """The tables to show as examples: the topic's own, or all four for a custom topic."""
    return (TOPIC_TABLES[topic],) if topic in TOPIC_TABLES else tuple(sorted(TOPIC_TABLES.values()))


def check_new_value(text: str, cell: str, own_texts, editing_text: str | None = None) -> str:
    """The cleaned value, or InputError: empty, too long, odd characters, no cell, duplicate, too many."""
    text = clean_text(text, "value")
    if cell not in VALID_CELLS:
        raise InputError("palet.error.cell")
    others = [t for t in own_texts if t != editing_text]
    if normalize_value(text) in {normalize_value(t) for t in others}:
        raise InputError("palet.error.duplicate")
    if editing_text is None and len(others) >= MAX_VALUES_PER_PARTICIPANT:
        raise InputError("palet.error.too_many", max=MAX_VALUES_PER_PARTICIPANT)
    return text


def check_stored(item: str, value) -> dict:
    """A palette answer from a file (an import), checked as a phone's is: a value of one line in one cell."""
    if not isinstance(value, dict):
        raise InputError("error.import_value")
    text = clean_text(value.get("text"), "value")
    if value.get("cell") not in VALID_CELLS:
        raise InputError("palet.error.cell")
    return {"text": text, "cell": value["cell"]}


def check_own(values: dict) -> None:
    """One participant's values together (an import: the store's and the file's), as a phone allows them.

    At most ``MAX_VALUES_PER_PARTICIPANT``, and no value twice (ignoring case, spacing and accents).
    """
    if len(values) > MAX_VALUES_PER_PARTICIPANT:
        raise InputError("palet.error.import_too_many", n=len(values), max=MAX_VALUES_PER_PARTICIPANT)
    seen: set[str] = set()
    for value in values.values():
        key = normalize_value(value["text"])
        if key in seen:
            raise InputError("palet.error.import_duplicate", value=value["text"])
        seen.add(key)


def check_key(key) -> str:
    """A merged value's key as the kit writes it (``normalize_value`` of a value), or InputError."""
    if not isinstance(key, str) or not key or len(key) > MAX_KEY or normalize_value(key) != key:
        raise InputError("error.import_setting_value")
    return key


def _setting(value, kind: type[list] | type[dict]):
    """``value`` when it is a ``kind`` of at most ``MAX_SETTING_ENTRIES``, else InputError."""
    if not isinstance(value, kind) or len(value) > MAX_SETTING_ENTRIES:
        raise InputError("error.import_setting_value")
    return value


def _entry(value, size: int) -> list:
    """One entry of a setting that is a list of lists: a list of ``size``, else InputError."""
    if not isinstance(value, list) or len(value) != size:
        raise InputError("error.import_setting_value")
    return value


def check_state(name: str, value):
    """A palette setting from a file, in the shape the dashboard and a follow-up store it; else InputError."""
    if name == MERGES:  # {dropped key: kept key}
        return {check_key(drop): check_key(keep) for drop, keep in _setting(value, dict).items()}
    if name == APART:  # [[key, key], ...]: suggested pairs the facilitator kept apart
        return [sorted(check_key(key) for key in _entry(pair, 2)) for pair in _setting(value, list)]
    if name == START:  # [[key, label, cell], ...]: the earlier session's merged palette
        start = []
        for key, label, cell in (_entry(entry, 3) for entry in _setting(value, list)):
            if not isinstance(label, str) or cell not in VALID_CELLS:
                raise InputError("error.import_setting_value")
            start.append([check_key(key), clean_text(label, "value"), cell])
        return start
    raise InputError("error.import_setting_unknown")


@dataclass(frozen=True)
class OwnValue:
    """A value the participant named, and whether others named it too (as the facilitator merged the palette)."""

    item: str
    text: str
    cell: str
    others: int  # other participants who named the same (merged) value
    own_group: bool  # someone else in the participant's group named it
    other_groups: tuple  # the other groups (keys, in ``group_order``) that named it


def palette_comparison(answers: list[Answer], merges, me: str, my_group: str, group_order=()) -> list:
    """The participant's own values in the order named, each with who else named it."""
    merges = merges or {}
    merged = {m.key: m for cell in merge_palette(answers, merges).values() for m in cell}
    by_value: dict[str, list[Answer]] = {}
    for a in answers:
        by_value.setdefault(resolve(normalize_value(a.value["text"]), merges), []).append(a)
    rows = []
    for a in answers:
        if a.participant != me:
            continue
        key = resolve(normalize_value(a.value["text"]), merges)
        if key not in merged:
            continue
        named = [b for b in by_value[key] if b.participant != me]
        groups = {b.group for b in named}
        order = list(group_order)
        rows.append(
            OwnValue(
                item=a.item,
                text=a.value["text"],
                cell=a.value["cell"],
                others=len({b.participant for b in named}),
                own_group=my_group in groups,
                other_groups=tuple(
                    sorted(groups - {my_group}, key=lambda g: (order.index(g) if g in order else len(order), g))
                ),
            )
        )
    return rows
