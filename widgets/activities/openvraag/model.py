"""Open vraag: one question to the room, short answers, and the words the room used most.

Every answer is its own stored text under its own item (a stable id, as the palette's values), so one
answer can be changed, deleted or hidden without the others. The word cloud counts, per word, how many
participants used it: each answer is cut into words, the common Dutch and English words are left out
(the Snowball stop word lists, ``datasets/stopwoorden.csv``), and words that are one word in another
form are counted as one: an inflection ("woning", "woningen", "huisjes", "betaalbare") or a near-duplicate
by the kit's rule for the palette's values (``widgets.model.matching``: a typing slip, "duurzaamheid" /
"duurzaamheit"). A word's label is the form most participants typed.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ...datasets import read_dataset
from ...model.answers import Answer
from ...model.matching import SIMILARITY_THRESHOLD, normalize, similarity, stem
from ...model.validation import LIMITS, InputError, clean_text

ACTIVITY = "openvraag"
MAX_ANSWERS = 3  # per participant, counted in the store's transaction
MAX_LENGTH = LIMITS["value"]  # an answer is one short line, as a palette value
STOPWORDS = "stopwoorden.csv"
# The facilitator's settings (``store.state(session, ACTIVITY)``): the own question's words, or a guiding question.
QUESTION, GUIDE = "question", "guide"
# The book's guiding questions (*Werken aan publieke waarde*), the first the one asked until another is chosen:
# Voorwoord ("waar doen we het voor?"; the three questions of the strategic triangle, also §1.2.2) and Box 5.1.
GUIDES = ("bedoeling", "waarden", "willen", "mogen", "kunnen")
NEW_ITEM = re.compile(r"[0-9a-f]{12}")  # an answer's id, as the page writes it into its form
PAPER_ITEM = re.compile(r"papier-[1-9][0-9]?")  # an answer typed in from a paper sheet
APOSTROPHES = re.compile(r"['\u2018\u2019`]")
WORD = re.compile(r"\w+")
MIN_WORD = 2  # shorter "words" (a letter, a stray "s") are left out
# Inflections merged into one word: Dutch diminutives and plurals, adjectives' -e, English plurals.
SUFFIXES = ("tjes", "jes", "tje", "je", "eren", "ies", "en", "es", "s", "e")
MIN_ROOT = 3
MAX_REST = 3  # a shared stem merges two words only when neither has more than this after what they share
START = 2  # near-duplicates start with the same letters
MAX_LENGTH_GAP = 4  # and differ in length by at most this (a ratio of 88 allows more only from 19 letters on)


@cache
def stopwords() -> frozenset:
    """The common words left out of the cloud, both languages (any answer may mix them)."""
    return frozenset(key(row["woord"]) for row in read_dataset(STOPWORDS).rows)


def key(word: str) -> str:
    """A word's key: without apostrophes ("auto's" -> "autos"), then ``normalize``d."""
    return normalize(APOSTROPHES.sub("", word))


def words(text: str) -> list[tuple[str, str]]:
    """``[(key, form)]``: the answer's words that say something, each with the form it was typed in (lower case)."""
    found = []
    for token in WORD.findall(APOSTROPHES.sub("", text)):
        form = token.lower()
        k = normalize(form)
        if len(k) >= MIN_WORD and not k.isdigit() and k not in stopwords():
            found.append((k, form))
    return found


@lru_cache(maxsize=50_000)  # a server runs many sessions: bounded
def roots(word: str) -> frozenset[str]:
    """The forms a word may be an inflection of: itself, less one ending, with a doubled letter undone
    ("bussen" -> "bus"), an open syllable's vowel doubled ("bomen" -> "boom"), z/v as s/f ("huizen" -> "huis")."""
    found = {word}
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_ROOT:
            base = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            found.add(base)
            if len(base) > MIN_ROOT and base[-1] == base[-2] and base[-1] not in "aeiou":
                found.add(base[:-1])
            if base[-1] in "zv":
                found.add(base[:-1] + {"z": "s", "v": "f"}[base[-1]])
            if len(base) >= 3 and base[-2] in "aeou" and base[-3] not in "aeiou" and base[-1] not in "aeiou":
                found.add(base[:-1] + base[-2] + base[-1])
    return frozenset(found)


def _shared(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def same_word(a: str, b: str) -> bool:
    """Two word keys counted as one: an inflection of one another, or (starting alike) spelled alike by
    ``matching``'s ratio or the same stem with little after it ("betaalbaar" / "betaalbare"; never
    "verkeersveiligheid" / "verkeersdrukte")."""
    return a == b or bool(roots(a) & roots(b)) or _alike(a, b)


def _alike(a: str, b: str) -> bool:
    """Near-duplicates, for words that start with the same ``START`` letters (so a large room compares few pairs)."""
    if a[:START] != b[:START] or abs(len(a) - len(b)) > MAX_LENGTH_GAP:
        return False
    if similarity(a, b) >= SIMILARITY_THRESHOLD:
        return True
    return bool(stem(a)) and stem(a) == stem(b) and max(len(a), len(b)) - _shared(a, b) <= MAX_REST


@dataclass
class Word:
    """A word of the cloud: the forms it was typed in and who used it (each participant once)."""

    key: str
    forms: dict = field(default_factory=dict)  # form -> the participants who typed it in that form
    participants: set = field(default_factory=set)
    by_group: dict = field(default_factory=dict)  # group key -> set of participants

    @property
    def label(self) -> str:
        """The form most participants typed (ties: the shortest, then alphabetical)."""
        return sorted(self.forms.items(), key=lambda kv: (-len(kv[1]), len(kv[0]), kv[0]))[0][0]

    @property
    def count(self) -> int:
        return len(self.participants)

    def in_group(self, group: str) -> int:
        return len(self.by_group.get(group, ()))


def _clusters(keys: list[str]) -> dict[str, str]:
    """Each key -> the first key of its cluster (keys in order of first use; same words joined, transitively).

    The same as comparing every pair with ``same_word``, without doing so: keys that share a root are joined
    through an index of the roots, near-duplicates are looked for only among keys that start alike.
    """
    parent = {k: k for k in keys}
    order = {k: i for i, k in enumerate(keys)}

    def top(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def join(a: str, b: str) -> None:
        first, second = sorted((top(a), top(b)), key=order.__getitem__)
        parent[second] = first

    by_root: dict[str, str] = {}
    by_start: dict[str, list[str]] = {}
    for k in keys:
        for root in roots(k):
            if root in by_root:
                join(by_root[root], k)
            else:
                by_root[root] = k
        alike = by_start.setdefault(k[:START], [])
        for other in alike:
            if top(other) != top(k) and _alike(other, k):
                join(other, k)
        alike.append(k)
    return {k: top(k) for k in keys}


def cloud(answers: Iterable[Answer]) -> list[Word]:
    """The room's words, most participants first (ties: alphabetical by label)."""
    used: list[tuple[Answer, list[tuple[str, str]]]] = [(a, words(text_of(a))) for a in answers]
    keys = list(dict.fromkeys(k for _, found in used for k, _ in found))
    cluster = _clusters(keys)
    merged: dict[str, Word] = {}
    for a, found in used:  # a participant counts once per word and form, however often they typed it
        for k, form in found:
            word = merged.setdefault(cluster[k], Word(cluster[k]))
            word.forms.setdefault(form, set()).add(a.participant)
            word.participants.add(a.participant)
            word.by_group.setdefault(a.group, set()).add(a.participant)
    return sorted(merged.values(), key=lambda w: (-w.count, w.label))


def text_of(answer: Answer) -> str:
    value = answer.value
    return str(value.get("text", "")) if isinstance(value, dict) else str(value)


def check_answer(text, own_texts=(), editing: str | None = None) -> str:
    """A cleaned answer, or InputError with the open question's own message: empty, too long, odd characters,
    the same as one of the participant's own, or one more than ``MAX_ANSWERS``."""
    try:
        text = clean_text(text, "value")
    except InputError as error:
        wanted = {"error.required": "openvraag.error.required", "error.too_long": "openvraag.error.too_long"}
        raise InputError(wanted.get(error.key, "openvraag.error.characters"), max=MAX_LENGTH) from None
    others = [t for t in own_texts if t != editing]
    if key(text) in {key(t) for t in others}:
        raise InputError("openvraag.error.duplicate")
    if editing is None and len(others) >= MAX_ANSWERS:
        raise InputError("openvraag.error.too_many", max=MAX_ANSWERS)
    return text


def check_stored(item: str, value) -> dict:
    """An answer from a file (an import or a typed-in sheet), checked as a phone's is: one short line."""
    if not isinstance(value, dict) or not isinstance(item, str):
        raise InputError("error.import_value")
    if not (NEW_ITEM.fullmatch(item) or PAPER_ITEM.fullmatch(item)):
        raise InputError("error.import_value")
    return {"text": check_answer(value.get("text"))}


def check_own(values: dict) -> None:
    """One participant's answers together (an import: the store's and the file's), as a phone allows them."""
    if len(values) > MAX_ANSWERS:
        raise InputError("openvraag.error.import_too_many", n=len(values), max=MAX_ANSWERS)
    seen: set[str] = set()
    for value in values.values():
        k = key(value["text"])
        if k in seen:
            raise InputError("openvraag.error.import_duplicate", value=value["text"])
        seen.add(k)


def check_question(text) -> str:
    """The facilitator's own question: one line of at most a statement's length."""
    return clean_text(text, "statement")


def check_state(name: str, value):
    """A setting from a file, in the shape the dashboard stores it: the own question, or a guiding question's key."""
    if name == QUESTION:
        return "" if value == "" else check_question(value)
    if name == GUIDE:
        if value not in GUIDES:
            raise InputError("error.import_setting_value")
        return value
    raise InputError("error.import_setting_unknown")


def asked(state: dict) -> tuple[str, str]:
    """``(own question, guide key)``: the own words win, else the guide (the first until one is chosen)."""
    own = str(state.get(QUESTION) or "")
    guide = str(state[GUIDE]) if state.get(GUIDE) in GUIDES else GUIDES[0]
    return (own, "") if own else ("", guide)
