"""The merged waardenpalet as HTML: a 2x3 table for wide screens, stacked per cell for phones."""

from ...i18n import normalize_language
from ...model.typology import KINDS, PERSPECTIVES
from ...render import render
from ...render.followup import fragment


def _cells(grid: dict, session) -> list:
    """``[(perspective, kind, [chip dicts])]`` in the book's order."""
    out = []
    for perspective in PERSPECTIVES:
        for kind in KINDS:
            chips = []
            for value in grid[f"{perspective}.{kind}"]:
                groups = sorted(value.groups)
                chips.append(
                    {
                        "key": value.key,
                        "label": value.label,
                        "count": value.count,
                        "groups": groups,
                        "shared": value.shared,
                        "own_group": session.group_label(groups[0]) if groups else "",
                    }
                )
            out.append((perspective, kind, chips))
    return out


def merged_grid_html(grid: dict, session, lang: str) -> str:
    """The 2x3 grid with every merged value, its count and groups (dashboard and report)."""
    return render("palet_grid.html", lang, cells=_cells(grid, session), kinds=KINDS, perspectives=PERSPECTIVES)


def merged_stacked_html(grid: dict, session, lang: str) -> str:
    """The same palette as one list per cell: what a phone shows when the facilitator reveals it."""
    return render("palet_stacked.html", lang, cells=_cells(grid, session))


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
