"""Every dataset: provenance comment lines first, naming its source; then a header and full rows.

The per-dataset tests recompute a figure each source prints; this one keeps the shape honest for
any CSV a trainer adds to datasets/.
"""

import re
from pathlib import Path

import pytest

from widgets.datasets import read_dataset

REPO = Path(__file__).resolve().parent.parent
DATASETS = sorted(p.name for p in (REPO / "datasets").glob("*.csv"))
SEEDS = {p.name for p in (REPO.parent / "shared" / "seeds").glob("0*.txt")} or {
    "000_e59ed75a6dca4ab1.txt", "001_7c064ade63ea7566.txt", "002_ef951656af7bb619.txt",
    "003_560fab9708610d2e.txt", "004_814842e7f382bafb.txt"}


@pytest.mark.parametrize("name", DATASETS)
def test_dataset_has_provenance_and_complete_rows(name):
    data = read_dataset(name)
    assert len(data.provenance) >= 3, f"{name} must start with comment lines giving provenance"
    text = "\n".join(data.provenance)
    assert any(seed in text for seed in SEEDS), f"{name}: provenance must name its source file in shared/seeds"
    assert re.search(r"\b(19|20)\d\d\b", text), f"{name}: provenance must give the source's year"
    assert data.rows, f"{name} has no rows"
    header = list(data.rows[0])
    for row in data.rows:
        assert None not in row and list(row) == header, f"{name}: a row has more or fewer fields than the header"


def test_there_are_datasets():
    assert len(DATASETS) >= 7


@pytest.mark.parametrize("name", DATASETS)
def test_every_dataset_has_a_test_of_its_own(name):
    """CONTRIBUTING.md asks for a test that recomputes a figure the source prints."""
    tests = [p for p in REPO.glob("tests/test_*.py") if p.name != "test_datasets.py"]
    assert any(name in p.read_text(encoding="utf-8") for p in tests), f"{name}: add a test in tests/ that checks it"
