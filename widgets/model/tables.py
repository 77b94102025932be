"""Reading lesson datasets as tables: bilingual columns, numbers, group means, indexed series.

Pure functions on the row dicts of ``widgets.datasets`` so lessons, charts and
tests share one reading of the data.
"""

import random
from statistics import fmean


def resolve(columns, name: str, lang: str) -> str:
    """``name`` itself, else ``name_<lang>`` (a bilingual column), else KeyError naming the choices."""
    columns = list(columns)
    for candidate in (name, f"{name}_{lang}", f"{name}_nl"):
        if candidate in columns:
            return candidate
    raise KeyError(f"no column {name!r} (or {name}_{lang}); the dataset has {', '.join(columns)}")


def column(rows, name: str, lang: str) -> list:
    """The values of one (resolved) column, in row order."""
    rows = list(rows)
    if not rows:
        return []
    key = resolve(rows[0], name, lang)
    return [row[key] for row in rows]


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
    keys = [resolve(rows[0], c, lang) for c in columns] if rows else []
    by_key = resolve(rows[0], by, lang) if rows else by
    out = []
    for group in groups + [None]:
        members = [r for r in rows if group is None or r[by_key] == group]
        out.append((group, len(members), [fmean(number(r[k]) for r in members) for k in keys]))
    return out


def series_points(rows, x: str, y: str, series=None, lang: str = "nl", index: bool = False) -> dict:
    """``{series label: ([x...], [y...])}`` sorted by x; with ``index`` each series starts at 100."""
    rows = list(rows)
    labels = column(rows, series, lang) if series else [""] * len(rows)
    xs, ys = column(rows, x, lang), column(rows, y, lang)
    out = {}
    for label in distinct(labels) or [""]:
        points = sorted((number(a), number(b)) for lab, a, b in zip(labels, xs, ys) if lab == label)
        if index and points and points[0][1]:
            base = points[0][1]
            points = [(a, 100 * b / base) for a, b in points]
        out[label] = ([a for a, _ in points], [b for _, b in points])
    return out
