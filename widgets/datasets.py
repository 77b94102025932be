"""Reading the kit's CSV datasets: comment lines (provenance) first, then a header row."""

import csv
from dataclasses import dataclass
from functools import lru_cache

from .settings import datasets_dir


@dataclass(frozen=True)
class Dataset:
    name: str
    provenance: tuple
    rows: tuple  # of dicts, one per data row


@lru_cache(maxsize=None)
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
