"""The kit addresses its readers with "u": no "je", "jij", "jouw" or "jullie" in Dutch text a person reads.

The catalogs were changed first; the lessons, workshops, exercise files, datasets and Dutch docs follow them.
The catalogs never use "jullie" either (a group is addressed as "u" too), so it is refused with the others. A
notebook's English cells and the code are not Dutch text; the Snowball stop words are a list, not text.
"""

import json
import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jouwe|jullie|jezelf|jijzelf)\b", re.IGNORECASE)
NOTEBOOKS = sorted((REPO / "lessons").glob("*.ipynb")) + sorted((REPO / "workshops").glob("*.ipynb"))
NOT_TEXT = {"stopwoorden.csv", "flagwoorden.txt"}  # word lists
FILES = (
    NOTEBOOKS
    + sorted((REPO / "lessons" / "exercises").glob("*.toml"))
    + [REPO / "start.ipynb", REPO / "README.md", REPO / "CONTRIBUTING.md", REPO / "SECURITY.md"]
    + sorted((REPO / "docs").glob("*.md"))
    + [p for p in sorted((REPO / "datasets").glob("*.csv")) if p.name not in NOT_TEXT]
    + sorted((REPO / "widgets" / "content").glob("*.json"))
    + [REPO / "widgets" / "locale" / "nl" / "LC_MESSAGES" / "kit.po"]
)


def dutch_of(value, dutch=False):
    """Every string under an ``nl`` key of a notebook's metadata or an exercise file (its ``.nl`` texts)."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from dutch_of(inner, dutch or key == "nl")
    elif isinstance(value, list):
        for inner in value:
            yield from dutch_of(inner, dutch)
    elif isinstance(value, str) and dutch:
        yield value


def texts(path: Path):
    """``(where, text)`` of the Dutch a person reads in the file."""
    if path.suffix == ".ipynb":
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for n, cell in enumerate(notebook["cells"]):
            if cell["cell_type"] == "markdown" and "en" not in cell.get("metadata", {}).get("tags", []):
                yield f"cell {n}", "".join(cell["source"])
        for text in dutch_of(notebook.get("metadata", {}).get("kit", {})):
            yield "metadata", text
    elif path.suffix == ".toml":
        for text in dutch_of(tomllib.loads(path.read_text(encoding="utf-8"))):
            yield "nl", text
    elif path.suffix == ".po":
        yield "msgstr", "\n".join(re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', path.read_text(encoding="utf-8"), re.M))
    else:
        yield "text", path.read_text(encoding="utf-8")


def informal(path: Path) -> list[str]:
    found = []
    for where, text in texts(path):
        for line in text.splitlines():
            found += [f"{where}: {m.group(0)!r} in {line.strip()[:120]!r}" for m in INFORMAL.finditer(line)]
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_dutch_text_says_u(path):
    assert informal(path) == [], f"{path.relative_to(REPO)}: use the 'u' form"


def test_a_planted_jij_is_found_in_a_lesson_an_exercise_file_and_a_doc_but_not_in_english(tmp_path):
    lesson = json.loads(NOTEBOOKS[0].read_text(encoding="utf-8"))
    dutch = next(c for c in lesson["cells"] if "nl" in c.get("metadata", {}).get("tags", []))
    english = next(c for c in lesson["cells"] if "en" in c.get("metadata", {}).get("tags", []))
    english["source"].append("\nBonjour, je suis là.")
    planted = tmp_path / "les.ipynb"
    planted.write_text(json.dumps(lesson), encoding="utf-8")
    assert informal(planted) == []
    dutch["source"].append("\nWat vind jij ervan?")
    lesson["metadata"]["kit"]["questions"]["nl"].append("Wat doet jullie gemeente?")
    planted.write_text(json.dumps(lesson), encoding="utf-8")
    assert [line.split(":")[1].strip() for line in informal(planted)] == [
        "'jij' in 'Wat vind jij ervan?'",
        "'jullie' in 'Wat doet jullie gemeente?'",
    ]

    exercises = tmp_path / "les.toml"
    exercises.write_text('[[exercise]]\nquestion.nl = "Wat zie je?"\nquestion.en = "What do you see, je?"\n')
    assert len(informal(exercises)) == 1
    doc = tmp_path / "gids.md"
    doc.write_text("# Gids\n\nU opent de sessie. Daarna deel je de code.\n")
    assert len(informal(doc)) == 1
