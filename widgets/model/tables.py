"""Reading lesson datasets as tables: localized columns, numbers, group means, indexed series.

Pure functions on the row dicts of ``widgets.datasets`` so lessons, charts and
tests share one reading of the data.

A dataset's text in more than one language is one column per language: ``<name>_<lang>``
(``factor_nl``, ``factor_en``). A column without suffix (``value``, ``case``) holds the Dutch
original or a language-neutral code or number. ``localize`` is the one reader of such columns:
a language's own column where it has text, else the Dutch. A third language is one more column
(``factor_fy``), no code.
"""

import random
from statistics import fmean

SOURCE_LANGUAGE = "nl"  # the language the sources, and so every dataset, are written in


def localized_column(columns, name: str, lang: str) -> str:
    """The column holding ``name`` in ``lang``: ``name_<lang>``, else the Dutch ``name`` / ``name_nl``.

    KeyError names the columns there are, so a typo in a lesson says what it could have been.
    """
    columns = list(columns)
    for candidate in (f"{name}_{lang}", name, f"{name}_{SOURCE_LANGUAGE}"):
        if candidate in columns:
            return candidate
    raise KeyError(f"no column {name!r} (or {name}_{lang}); the dataset has {', '.join(columns)}")


def localize(row, name: str, lang: str) -> tuple:
    """``(text, language of the text)`` of ``name`` in ``row``: ``lang`` where translated, else Dutch.

    An empty cell in a language's column (a translation not made yet) falls back to the Dutch.
    """
    key = localized_column(row, name, lang)
    if key != f"{name}_{lang}" or lang == SOURCE_LANGUAGE:
        return row[key], SOURCE_LANGUAGE
    if row[key] not in (None, ""):
        return row[key], lang
    return row[localized_column(row, name, SOURCE_LANGUAGE)], SOURCE_LANGUAGE


def localized(row, name: str, lang: str) -> str:
    """The text of ``name`` in ``row`` for a ``lang`` reader (see ``localize``)."""
    return localize(row, name, lang)[0]


def translated(row, name: str, lang: str) -> bool:
    """Whether ``lang`` readers see a translation of ``name`` rather than the Dutch original."""
    return lang != SOURCE_LANGUAGE and localize(row, name, lang)[1] == lang


def localized_names(columns) -> list:
    """Column names with the language suffixes folded: ``[case, summary_nl, summary_en]`` -> ``[case, summary]``.

    A suffix counts when its name also has a Dutch column, so ``axis_1`` or ``source_note`` stay whole.
    """
    columns = list(columns)
    out = []
    for column_name in columns:
        stem, _, suffix = column_name.rpartition("_")
        dutch = f"{stem}_{SOURCE_LANGUAGE}" in columns or stem in columns
        if stem and suffix.isalpha() and len(suffix) in (2, 3) and dutch:
            column_name = stem
        if column_name not in out:
            out.append(column_name)
    return out


def column(rows, name: str, lang: str) -> list:
    """The values of one column in ``lang`` (see ``localize``), in row order."""
    return [localized(row, name, lang) for row in rows]


def distinct(values) -> list:
    """Each value once, in order of first appearance (categories keep the author's order)."""
    return list(dict.fromkeys(v for v in values if v not in (None, "")))


def number(text) -> float:
    """A dataset number; a Dutch decimal comma is accepted so a hand-edited CSV still reads."""
    return float(str(text).strip().replace(",", "."))


def number_or_none(text):
    """A number, or None for an empty cell (a figure the source does not give)."""
    return None if text is None or str(text).strip() == "" else number(text)


def with_rest(shares, rest_label: str, parts) -> tuple:
    """Percentages per row with blanks as 0, plus a 'rest' part when some rows do not reach 100."""
    filled = [[v or 0.0 for v in row] for row in shares]
    if all(sum(row) >= 99.5 for row in filled):
        return list(parts), filled
    return list(parts) + [rest_label], [row + [max(0.0, 100 - sum(row))] for row in filled]


def sample_rows(rows, n=None, seed=None) -> list:
    """``n`` rows picked at random but shown in dataset order; all rows when n is None."""
    rows = list(rows)
    if n is None or n >= len(rows):
        return rows
    picked = set(random.Random(seed).sample(range(len(rows)), n))
    return [row for i, row in enumerate(rows) if i in picked]


def shuffled(rows, seed=None) -> list:
    """The rows in random order (reproducible with ``seed``), so position gives no answer away."""
    rows = list(rows)
    random.Random(seed).shuffle(rows)
    return rows


def group_means(rows, by: str, columns, lang: str = "nl") -> list:
    """``[(group, n, [mean per column]), ..., (None, n, [overall means])]``; groups in order of appearance."""
    rows = list(rows)
    groups = distinct(column(rows, by, lang))
    keys = [localized_column(rows[0], c, lang) for c in columns] if rows else []
    out = []
    for group in groups + [None]:
        members = [r for r in rows if group is None or localized(r, by, lang) == group]
        out.append((group, len(members), [fmean(number(r[k]) for r in members) for k in keys]))
    return out


def series_points(rows, x: str, y: str, series=None, lang: str = "nl", index: bool = False) -> dict:
    """``{series label: ([x...], [y...])}`` sorted by x; with ``index`` each series starts at 100."""
    rows = list(rows)
    labels = column(rows, series, lang) if series else [""] * len(rows)
    xs, ys = column(rows, x, lang), column(rows, y, lang)
    out = {}
    for label in distinct(labels) or [""]:
        points = sorted((number(a), number(b)) for lab, a, b in zip(labels, xs, ys, strict=True) if lab == label)
        if index and points and points[0][1]:
            base = points[0][1]
            points = [(a, 100 * b / base) for a, b in points]
        out[label] = ([a for a, _ in points], [b for _, b in points])
    return out
