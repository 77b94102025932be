"""When two texts people typed are the same thing: one normal form, and the kit's rule for near-duplicates.

The palette merges values on ``normalize`` (case, spacing, accents and punctuation ignored) and suggests
merging two that are ``similar``; the open question's word cloud counts words that are ``similar`` as one.
One rule in one place, so a value and a word that look alike to one surface look alike to every other.
"""

import re
import unicodedata

# Two keys are alike from this similarity (rapidfuzz's ratio, 0-100) or a shared word stem of this length.
SIMILARITY_THRESHOLD = 88
STEM_LENGTH = 7


def normalize(text: str) -> str:
    """Lower case ASCII letters and digits, one space between words: "Efficiënt,  bestuur!" -> "efficient bestuur"."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", " ", text.lower())
    return " ".join(text.split())


def stem(key: str) -> str:
    """The first word's first ``STEM_LENGTH`` letters ("betaalba..."), or "" for a shorter first word."""
    first = key.split(" ")[0] if key else ""
    return first[:STEM_LENGTH] if len(first) >= STEM_LENGTH else ""


def similarity(a: str, b: str) -> float:
    """How alike two keys are spelled, 0-100 (rapidfuzz's ratio)."""
    from rapidfuzz import fuzz  # imported when matching starts: a phone's page that only stores imports none of it

    return fuzz.ratio(a, b)


def similar(a: str, b: str) -> bool:
    """Two keys that look like the same thing: spelled alike, or the same first-word stem."""
    return similarity(a, b) >= SIMILARITY_THRESHOLD or bool(stem(a) and stem(a) == stem(b))
