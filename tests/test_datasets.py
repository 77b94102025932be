"""Every dataset: provenance comment lines first, citing its source as a reader finds it; then a header and full rows.

The per-dataset tests recompute a figure each source prints; this one keeps the shape honest for
any CSV a trainer adds to datasets/.
"""

import re
from pathlib import Path

import pytest

from widgets.datasets import read_dataset

REPO = Path(__file__).resolve().parent.parent
DATASETS = sorted(p.name for p in (REPO / "datasets").glob("*.csv"))
# Where a reader finds a figure in the printed text: a table, box, figure, appendix, section or page; for a word
# list published as a file (the stop words), the file by its name ("bestand algorithms/dutch/stop.txt").
PLACE = re.compile(
    r"\b(Tabel|Box|Figuur|Afbeelding|Bijlage|hoofdstuk|par\.|p\.)\s*[0-9A-Z]|§\s*\d|\bbestand \S+\.txt\b"
)


def _citation(provenance: tuple) -> str:
    """The 'Bron:' line and the indented lines that continue it."""
    start = next((i for i, line in enumerate(provenance) if line.startswith(("Bron:", "Bronnen:"))), None)
    if start is None:
        return ""
    lines = [provenance[start]]
    for line in provenance[start + 1 :]:
        if not line or line.startswith(("Bron", "Plaats", "Vindplaats", "Kolommen")) or ":" in line.split(" ")[0]:
            break
        lines.append(line)
    return " ".join(lines)


@pytest.mark.parametrize("name", DATASETS)
def test_dataset_has_provenance_and_complete_rows(name):
    data = read_dataset(name)
    assert len(data.provenance) >= 3, f"{name} must start with comment lines giving provenance"
    citation = _citation(data.provenance)
    assert citation, f"{name}: provenance needs a line 'Bron: author(s) (year). Title. ...'"
    assert re.search(r"\b(19|20)\d\d\b", citation), f"{name}: the Bron line must give the source's year"
    assert re.search(r"[A-Z][a-z]+", citation.split(":", 1)[1]), f"{name}: the Bron line must name an author"
    assert PLACE.search("\n".join(data.provenance)), f"{name}: provenance must name the table, box, section or page"
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
