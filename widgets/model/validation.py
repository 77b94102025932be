"""Checking what people type, before anything is stored.

Errors carry a message key (see ``widgets/locale``) so every view can show a
clear message in the page's language; the store is never touched on error.
"""

import unicodedata

# Longest accepted text per kind of field (characters, after trimming).
LIMITS = {
    "title": 120,
    "topic": 80,
    "municipality": 80,
    "group": 40,
    "name": 40,
    "value": 80,
    "note": 1000,
    "statement": 200,  # a facilitator's own statement: one line
    "outcome": 3000,  # what the municipality does with the outcome (the participatieverslag): a few paragraphs
}

# Bidirectional overrides can make a text display as something else.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class InputError(ValueError):
    """Bad input; ``key`` names the message, ``params`` fill it in."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


def clean_text(value, field: str, *, required: bool = True, multiline: bool = False) -> str:
    """Trimmed, NFC-normalised text within the field's limit, or InputError."""
    text = unicodedata.normalize("NFC", "" if value is None else str(value)).strip()
    allowed = {"\n", "\t"} if multiline else set()
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for char in text:
        if char in _BIDI_CONTROLS or (unicodedata.category(char) == "Cc" and char not in allowed):
            raise InputError("error.control_chars", field=field)
    if not multiline:
        text = " ".join(text.split())
    if required and not text:
        raise InputError("error.required", field=field)
    limit = LIMITS[field]
    if len(text) > limit:
        raise InputError("error.too_long", field=field, max=limit)
    return text
