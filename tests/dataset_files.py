"""Reading a dataset CSV of datasets/ for the tests in tests/test_dataset_*.py.

The dataset tests read the files directly with the csv module, not through widgets.datasets, so they
stay independent of the code under test: a bug there cannot hide (or fake) a fault in the data.
Each helper takes a file name in datasets/ or an absolute path, and reads the file afresh on every call.
"""

import csv
from pathlib import Path

DATASETS = Path(__file__).resolve().parent.parent / "datasets"


def dataset_path(name_or_path) -> Path:
    """An absolute path as given; a file name (or other relative path) inside datasets/."""
    path = Path(name_or_path)
    return path if path.is_absolute() else DATASETS / path


def lines(name_or_path) -> list:
    """Every line of the file as text, line ends removed (str.splitlines)."""
    return dataset_path(name_or_path).read_text(encoding="utf-8").splitlines()


def provenance(name_or_path) -> list:
    """The '#' comment lines at the top of the file, as written (only the line end removed)."""
    header = []
    for line in lines(name_or_path):
        if not line.startswith("#"):
            break
        header.append(line)
    return header


def header_line(name_or_path) -> str:
    """The line right after the provenance (the CSV header row), as raw text."""
    return lines(name_or_path)[len(provenance(name_or_path))]


def rows(name_or_path) -> list:
    """The rows as dicts: csv.DictReader over every line that does not start with '#'."""
    with open(dataset_path(name_or_path), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))
