"""One translation function for every user-facing string.

Messages live in ``locale/<lang>.json`` (same keys in every language, checked
by a test). Dutch is the default; a key missing in English falls back to Dutch
rather than showing a raw key to a participant.
"""

import json
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
_LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def normalize_language(value) -> str:
    value = (value or "").strip().lower()[:2]
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


@lru_cache(maxsize=None)
def catalog(lang: str) -> dict:
    with open(_LOCALE_DIR / f"{lang}.json", encoding="utf-8") as handle:
        return json.load(handle)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The message ``key`` in ``lang``, with ``{name}`` placeholders filled in."""
    lang = normalize_language(lang)
    message = catalog(lang).get(key)
    if message is None:
        message = catalog(DEFAULT_LANGUAGE)[key]
    return message.format(**values) if values else message


def pick(text, lang: str = DEFAULT_LANGUAGE) -> str:
    """A text that is either plain or a ``{"nl": ..., "en": ...}`` mapping (notebook metadata)."""
    if isinstance(text, dict):
        return text.get(normalize_language(lang)) or text.get(DEFAULT_LANGUAGE) or next(iter(text.values()), "")
    return "" if text is None else str(text)


def error_message(error, lang: str = DEFAULT_LANGUAGE) -> str:
    """The user-facing text of a model InputError (its field name translated too)."""
    params = dict(getattr(error, "params", {}))
    for name, value in params.items():  # a reason that is itself an error (an import's row)
        if hasattr(value, "key") and hasattr(value, "params"):
            params[name] = error_message(value, lang)
    if "field" in params:
        params["field"] = t(f"field.{params['field']}", lang)
    return t(error.key, lang, **params)


def decimal(value: float, lang: str = DEFAULT_LANGUAGE, digits: int = 1) -> str:
    """A number as readers of the page write it: 20,7 in Dutch, 20.7 in English."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def label(column: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A dataset column's heading for readers (``column.<name>`` in the catalogs), else the name itself."""
    key = f"column.{column}"
    return t(key, lang) if key in catalog(DEFAULT_LANGUAGE) else column
