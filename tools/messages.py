"""Add or update messages in the Dutch and English catalogs at once (developer tool).

    python tools/messages.py key "Nederlandse tekst" "English text"
    echo '{"key": ["nl", "en"], "counted": [["1 nl", "{n} nl"], ["1 en", "{n} en"]]}' | python tools/messages.py

    python tools/messages.py --remove key [key ...]   # a message no code uses any more

A pair of lists is a plural message (the form for one, then the others). Other languages get the
id at the next `make catalogs` check, which lists what they still lack. Messages stay sorted.
"""

import json
import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

LOCALE = Path(__file__).resolve().parent.parent / "widgets" / "locale"


def path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "kit.po"


def write(catalog, lang: str) -> None:
    with open(path(lang), "wb") as handle:
        write_po(handle, catalog, sort_output=True)


def update(pairs) -> None:
    """``{key: (dutch, english)}``; a text is a string, or a list of plural forms."""
    catalogs = {}
    for lang in ("nl", "en"):
        with open(path(lang), "rb") as handle:
            catalogs[lang] = read_po(handle, locale=lang, domain="kit")
    for key, texts in pairs.items():
        dutch = texts[0]
        plural = isinstance(dutch, (list, tuple))
        flags = ("python-brace-format",) if re.search(r"{\w+}", json.dumps(dutch)) else ()
        comment = " | ".join(dutch) if plural else dutch
        for index, lang in enumerate(("nl", "en")):
            catalog = catalogs[lang]
            if key in catalog:
                catalog.delete(key)
            catalog.add(
                (key, key) if plural else key,
                tuple(texts[index]) if plural else texts[index],
                auto_comments=[] if lang == "nl" else [comment],
                flags=flags,
            )
    for lang, catalog in catalogs.items():
        write(catalog, lang)


def remove(keys) -> None:
    """Take ``keys`` out of the Dutch and English catalogs (``tools/catalogs.py --check`` names unused ids)."""
    for lang in ("nl", "en"):
        with open(path(lang), "rb") as handle:
            catalog = read_po(handle, locale=lang, domain="kit")
        for key in keys:
            if key in catalog:
                catalog.delete(key)
        write(catalog, lang)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--remove":
        remove(sys.argv[2:])
    elif len(sys.argv) == 4:
        update({sys.argv[1]: (sys.argv[2], sys.argv[3])})
    else:
        update({k: tuple(v) for k, v in json.load(sys.stdin).items()})
