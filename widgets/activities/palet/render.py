"""The waardenpalet's own HTML: the book's example palettes and the follow-up's change (the room's merged
palette is a result block, ``results.blocks``)."""

from ...i18n import normalize_language
from ...model.typology import KINDS, PERSPECTIVES
from ...render import render
from ...render.followup import fragment


def book_value(value, lang: str) -> tuple:
    """``(text, its language, Dutch original or "")`` of a book value (``texts.BookValue``).

    A plain PaletteValue is the book's Dutch wording itself.
    """
    original = getattr(value, "original", "")
    return value.value, getattr(value, "lang", "nl"), original


def book_palette_html(values, lang: str, table: str) -> str:
    """One of the book's example palettes, listed per cell (process values of both perspectives once).

    Translated values keep the Dutch original beside them (``lang="nl"``) and the list says once
    that it is a translation, so an English reader knows which words are the book's.
    """
    lang = normalize_language(lang)
    cells = []
    for perspective in (*PERSPECTIVES, "beide"):
        for kind in KINDS:
            listed = [book_value(v, lang) for v in values if v.perspective == perspective and v.kind == kind]
            if listed:
                cells.append((perspective, kind, listed))
    translated = any(original for *_, listed in cells for _, _, original in listed)
    return render("palet_book.html", lang, cells=cells, table=table, translated=translated)


def followup_html(change, frame, chart="") -> str:
    """The merged values kept, new and dropped, with the groups that named them."""
    return fragment("palet_followup.html", change, frame, chart)
