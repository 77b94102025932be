"""Counting the signal words of the four sturingsperspectieven in a text
(*Sturing in 3D*, Nijdam 2020, Bijlage C and G).

A word list entry matches a whole word, also with a plain Dutch ending (plural
-s/-n/-en, an -e): "vrijwilligers" counts for "vrijwilliger"; compounds and
changed spellings ("resultaten") do not.
An entry ending in ``*`` matches every word that starts with it; an entry of
several words matches them in sequence.
Shares are each perspective's hits as a percentage of all hits, the measure
Bijlage G reports per municipality.
"""

import math
import re
import unicodedata

from .validation import InputError

PERSPECTIVES = ("pa", "npm", "npg", "sr")
MAX_TEXT = 200_000
INFLECTIONS = ("", "s", "n", "en", "e")
MIN_HITS = 10  # fewer hits than this and the shares say next to nothing
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def words(text: str) -> list:
    return [w.lower() for w in _WORD.findall(unicodedata.normalize("NFC", text))]


class Lexicon:
    """Bijlage C's entries, indexed by the word they start with so a long text is read fast."""

    def __init__(self, entries):
        self.entries = tuple(entries)  # of (perspective, tuple of words, last word is a prefix)
        self.exact: dict[str, list] = {}
        self.prefixes: dict[str, list] = {}
        for entry in self.entries:
            _, pattern, prefix = entry
            index = self.prefixes if prefix and len(pattern) == 1 else self.exact
            index.setdefault(pattern[0], []).append(entry)
        self.prefix_lengths = sorted({len(k) for k in self.prefixes})

    @classmethod
    def from_rows(cls, rows) -> "Lexicon":
        entries = []
        for row in rows:
            pattern = tuple(words(row["word"].replace("*", "")))
            if pattern:
                entries.append((row["perspective"], pattern, row["word"].strip().endswith("*")))
        return cls(entries)

    def candidates(self, token: str) -> list:
        """Entries that may start at ``token``: its word with or without an ending, or a prefix of it."""
        found: list = []
        for ending in INFLECTIONS:
            if token.endswith(ending) and len(token) > len(ending):
                found += self.exact.get(token[: len(token) - len(ending)], ())
        for length in self.prefix_lengths:
            found += self.prefixes.get(token[:length], ()) if length <= len(token) else ()
        return found


def _matches(tokens, start: int, pattern: tuple, prefix: bool) -> bool:
    if start + len(pattern) > len(tokens):
        return False
    for offset, part in enumerate(pattern):
        token = tokens[start + offset]
        last = offset == len(pattern) - 1
        inflected = token.startswith(part) and token[len(part) :] in INFLECTIONS
        if not (inflected or (last and prefix and token.startswith(part))):
            return False
    return True


def count(text: str, lexicon: Lexicon) -> dict:
    """Hits per perspective; each position in the text counts once, for its longest matching entry."""
    if not text or not text.strip():
        raise InputError("error.signal_empty")
    if len(text) > MAX_TEXT:
        raise InputError("error.signal_too_long", max=f"{MAX_TEXT:,}".replace(",", "."))
    tokens = words(text)
    hits = {p: 0 for p in PERSPECTIVES}
    matched: dict[str, dict] = {p: {} for p in PERSPECTIVES}
    position = 0
    while position < len(tokens):
        best = None
        for perspective, pattern, prefix in lexicon.candidates(tokens[position]):
            if _matches(tokens, position, pattern, prefix) and (best is None or len(pattern) > len(best[1])):
                best = (perspective, pattern)
        if best is None:
            position += 1
            continue
        perspective, pattern = best
        hits[perspective] += 1
        found = " ".join(tokens[position : position + len(pattern)])
        matched[perspective][found] = matched[perspective].get(found, 0) + 1
        position += len(pattern)
    return {"hits": hits, "words": matched, "tokens": len(tokens)}


def shares(hits: dict) -> dict:
    """Percentage of all hits per perspective; InputError when nothing matched."""
    total = sum(hits.values())
    if total == 0:
        raise InputError("error.signal_no_hits")
    return {p: 100 * hits[p] / total for p in PERSPECTIVES}


def placement(own: dict, municipalities, nearest: int = 3) -> dict:
    """How ``own`` shares sit among the municipalities: rank per perspective and the closest ones.

    ``municipalities`` are ``(name, {perspective: share})``; rank counts those with a lower share.
    """
    municipalities = list(municipalities)
    below = {p: sum(1 for _, s in municipalities if s[p] < own[p]) for p in PERSPECTIVES}
    distance = sorted(
        (math.dist([own[p] for p in PERSPECTIVES], [s[p] for p in PERSPECTIVES]), name) for name, s in municipalities
    )
    return {"below": below, "total": len(municipalities), "nearest": [name for _, name in distance[:nearest]]}
