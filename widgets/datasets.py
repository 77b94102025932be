"""Reading the kit's CSV datasets: comment lines (provenance) first, then a header row.

Text in more than one language is one column per language, ``<name>_<lang>`` (``summary_nl``,
``summary_en``); a column without suffix is the Dutch original, a code or a number. Read such a
column with ``widgets.model.tables.localized(row, name, lang)``: the language's own text where
the cell has one, else the Dutch. A new language is a new column; headings for readers are the
catalogs' ``column.<name>`` messages (``widgets.i18n.label``).
"""

import csv
from dataclasses import dataclass
from functools import cache

from .settings import datasets_dir


@dataclass(frozen=True)
class Dataset:
    name: str
    provenance: tuple
    rows: tuple  # of dicts, one per data row


@cache
def read_dataset(name: str) -> Dataset:
    """Read once per kernel: dashboards refresh many times a minute, the files never change while running."""
    path = datasets_dir() / name
    provenance, lines = [], []
    with open(path, encoding="utf-8", newline="") as handle:
        for line in handle:
            if line.startswith("#") and not lines:
                provenance.append(line[1:].strip())
            else:
                lines.append(line)
    rows = tuple(dict(row) for row in csv.DictReader(lines))
    return Dataset(name, tuple(provenance), rows)
