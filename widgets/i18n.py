"""One translation function for every user-facing string.

Messages live in gettext catalogs, ``locale/<lang>/LC_MESSAGES/kit.po``, read through Babel
(no compile step). The message ids are symbolic ("facilitator.answered"); the Dutch text is in
``nl/…/kit.po`` and, for translators, as a comment in ``locale/kit.pot``. A language is a folder
with a ``kit.po``: adding one needs no code. Dutch is the default, and the fallback for a message
a catalog lacks, so a participant never sees a raw id.

An activity from another installed package brings its own messages the same way, in a ``locale/``
folder of its package (``add_catalogs``, called by ``widgets.activities``): they join the kit's, whose
own messages win where an id is in both, so a package adds texts but never changes the kit's.

Messages that count have plural forms; ``t()`` picks one with the catalog's plural rule from the
placeholder ``n`` (``t("facilitator.answered", lang, n=3)``).
"""

import argparse
import gettext
import os
import re
from dataclasses import dataclass
from functools import cache
from numbers import Integral
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

DEFAULT_LANGUAGE = "nl"
DOMAIN = "kit"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
_LOCALE_DIR = str(LOCALE_DIR)
COUNT = "n"  # the placeholder that chooses a plural form
_ADDED = []  # more folders of catalogs (an installed activity's ``locale/``), see ``add_catalogs``


def locale_dir() -> Path:
    """The catalogs' folder; ``KIT_LOCALE_DIR`` points elsewhere (a translator trying a copy, tests)."""
    return Path(_folder())


def _folder() -> str:
    """``locale_dir()`` as a string, without building a Path: asked on every ``t()`` of every page."""
    return os.environ.get("KIT_LOCALE_DIR") or _LOCALE_DIR


def po_path(lang: str, folder: Path = None) -> Path:
    return Path(folder or locale_dir()) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _languages(folder: str) -> tuple:
    found = sorted(path.parent.parent.name for path in Path(folder).glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return tuple(sorted(found, key=lambda code: code != DEFAULT_LANGUAGE))  # Dutch first


def languages() -> tuple:
    """The languages whose catalog is present, Dutch first."""
    return _languages(_folder())


def normalize_language(value) -> str:
    """A language the kit speaks: 'EN', 'en-GB', 'nl_NL.UTF-8' -> 'en'/'nl'; anything else Dutch."""
    known = languages()
    if value in known:  # already a code the kit speaks: what every page passes, so no parsing
        return value
    code = re.split(r"[-_.@,;\s]", (value or "").strip().lower() + " ", maxsplit=1)[0]
    return code if code in known else DEFAULT_LANGUAGE


@cache
def language_name(lang: str) -> str:
    """A language's own name for itself, capitalised: 'Nederlands', 'English', 'Frysk'."""
    name = Locale.parse(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


def language_choices(lang: str = None) -> list:
    """(code, own name) for a language switch; without ``lang`` all, else the others."""
    return [(code, language_name(code)) for code in languages() if code != lang]


@dataclass(frozen=True)
class Messages:
    texts: dict  # id -> text, or a tuple of plural forms
    plural: object  # count -> index of the form


@cache
def _messages(folder: str, lang: str) -> Messages:
    with open(po_path(lang, Path(folder)), "rb") as handle:
        po = read_po(handle, locale=lang, domain=DOMAIN)
    texts = {}
    for message in po:
        if not message.id or message.fuzzy:
            continue
        if message.pluralizable:
            forms = tuple(message.string)
            if all(forms):  # a half-translated plural falls back to Dutch as a whole
                texts[message.id[0]] = forms
        elif message.string:
            texts[message.id] = message.string
    return Messages(texts, gettext.c2py(po.plural_expr))


def add_catalogs(folder) -> None:
    """Read the messages of ``folder`` (``<lang>/LC_MESSAGES/kit.po``, a language it lacks falls back to Dutch) too."""
    folder = str(Path(folder).resolve())
    if folder not in _ADDED:
        _ADDED.append(folder)


@cache
def _joined(folders: tuple, lang: str) -> Messages:
    """The first folder's messages (the kit's), with the ids only the others have added."""
    own = _messages(folders[0], lang)
    added = [_messages(f, lang).texts for f in folders[1:] if po_path(lang, Path(f)).is_file()]
    if not added:
        return own
    texts = {}
    for more in reversed(added):  # an earlier folder wins over a later one, the kit over all
        texts |= more
    return Messages(texts | own.texts, own.plural)


def messages(lang: str) -> Messages:
    """The messages of ``lang``; a dict look-up per text once a language's catalogs are joined."""
    key = (_folder(), lang, len(_ADDED))
    found = _ready.get(key)
    if found is None:
        found = _joined((str(Path(key[0])), *_ADDED), normalize_language(lang))
        if lang in languages():  # kept for the languages there are, never for whatever a caller passed
            _ready[key] = found
    return found


_ready: dict = {}  # (catalogs' folder, language, how many folders were added) -> Messages


def catalog(lang: str) -> dict:
    """The translated messages of ``lang`` (id -> text or plural forms); missing ones are Dutch."""
    return messages(lang).texts


def _form(found: Messages, forms: tuple, count) -> str:
    if count is None:
        return forms[-1]  # a template for a script that fills in the count itself
    try:
        index = found.plural(abs(int(count)))
    except (TypeError, ValueError):
        index = len(forms) - 1
    return forms[min(index, len(forms) - 1)]


def t(key: str, lang: str = DEFAULT_LANGUAGE, *, count=None, **values) -> str:
    """The message ``key`` in ``lang``, with ``{name}`` placeholders filled in.

    A plural message takes its form from ``n`` (or ``count``, which chooses the form for a
    text returned with its placeholders unfilled, as a page script wants it). A whole number is written
    as the language writes it ("5.284 teksten", "5,284 texts"), wherever the message is shown.
    """
    found = messages(lang)
    text = found.texts.get(key)
    if text is None:
        found = messages(DEFAULT_LANGUAGE)
        text = found.texts[key]
    if isinstance(text, tuple):
        text = _form(found, text, values.get(COUNT) if count is None else count)
    if not values:
        return text
    for name, value in values.items():
        if isinstance(value, Integral) and not isinstance(value, bool) and not -1000 < value < 1000:
            values[name] = whole(value, lang)
    return text.format(**values)


def whole(value: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """A whole number as readers of the language write it: 5.284 in Dutch, 5,284 in English (Babel)."""
    return format_decimal(value, "#,##0", locale=normalize_language(lang))


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


def decimal(value: float, lang: str = DEFAULT_LANGUAGE, digits=1) -> str:
    """A number as readers of the language write it (Babel): 20,7 in Dutch, 20.7 in English.

    ``digits`` decimals always; ``digits=None``: only those the number has, at most three (6,5 and 7).
    """
    pattern = "0.###" if digits is None else "0." + "0" * digits if digits else "0"
    return format_decimal(value, pattern, locale=normalize_language(lang))


def cli_language(asked: str = None) -> str:
    """The language of a command-line tool: ``--lang``, else ``KIT_LANG``, else ``LANG``; Dutch by default."""
    for value in (asked, os.environ.get("KIT_LANG"), os.environ.get("LANG")):
        if value and normalize_language(value) == re.split(r"[-_.@]", value.strip().lower())[0]:
            return normalize_language(value)
    return DEFAULT_LANGUAGE


def cli_parser(description: str, argv=None) -> tuple:
    """``(parser, language)`` for a command-line tool with ``--lang``: the tool's own help and
    messages are in the language asked for (else ``cli_language``), so ``--lang`` is read first."""
    asked = argparse.ArgumentParser(add_help=False)
    asked.add_argument("--lang")
    say = cli_language(asked.parse_known_args(argv)[0].lang)
    parser = argparse.ArgumentParser(description=t(description, say))
    parser.add_argument("--lang", help=t("cli.lang", say, languages=", ".join(languages())))
    return parser, say


def label(column: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A dataset column's heading for readers (``column.<name>`` in the catalogs), else the name itself."""
    key = f"column.{column}"
    return t(key, lang) if key in catalog(DEFAULT_LANGUAGE) else column
