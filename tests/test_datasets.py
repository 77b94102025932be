"""Every dataset: provenance comment lines first, naming its source; then a header and full rows.

The per-dataset tests recompute a figure each source prints; this one keeps the shape honest for
any CSV a trainer adds to datasets/.
"""

from pathlib import Path

import pytest

from widgets.datasets import read_dataset

DATASETS = sorted(p.name for p in (Path(__file__).resolve().parent.parent / "datasets").glob("*.csv"))
BOOK = ("Werken aan publieke waarde", "Leren van en voor", "Van der Torre", "Douglas", "'t Hart", "2018")


@pytest.mark.parametrize("name", DATASETS)
def test_dataset_has_provenance_and_complete_rows(name):
    data = read_dataset(name)
    assert len(data.provenance) >= 3, f"{name} must start with comment lines giving provenance"
    text = "\n".join(data.provenance)
    assert all(part in text for part in BOOK), f"{name}: provenance must name the document, authors and year"
    assert data.rows, f"{name} has no rows"
    header = list(data.rows[0])
    for row in data.rows:
        assert None not in row and list(row) == header, f"{name}: a row has more or fewer fields than the header"


def test_there_are_datasets():
    assert len(DATASETS) >= 7
