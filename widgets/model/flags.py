"""Flags on participants' texts that may be abuse, for the facilitator's attention: flag, never drop.

The word list (``widgets/content/flagwoorden.txt``, Dutch and English, written for the kit) is compared
without case and accents, word by word; an entry ending in ``*`` matches every word that starts with it.
A flag only asks the facilitator to look: the text stays as it is until they hide it.
"""

import re
import unicodedata
from functools import cache
from importlib.resources import files

WORD_LIST = "flagwoorden.txt"
_WORD = re.compile(r"[a-z0-9]+")


def plain(text: str) -> str:
    """Lower case without accents: "Kánker" and "kanker" read the same."""
    return unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()


@cache
def word_list() -> tuple[frozenset[str], tuple[str, ...]]:
    """``(whole words, prefixes)`` of the list."""
    lines = files("widgets").joinpath("content", WORD_LIST).read_text(encoding="utf-8").splitlines()
    entries = [plain(line.strip()) for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return (
        frozenset(e for e in entries if not e.endswith("*")),
        tuple(e[:-1] for e in entries if e.endswith("*")),
    )


def flagged(text: str) -> tuple[str, ...]:
    """The words of ``text`` on the list, in the order they stand (none: nothing to look at)."""
    whole, prefixes = word_list()
    return tuple(w for w in _WORD.findall(plain(text)) if w in whole or w.startswith(prefixes))
