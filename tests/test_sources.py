"""Sources as a reader finds them: by title, author, year and table, box, section or page.

Nothing users see, and no test, may point at a folder or machine path: a reader has the book, not the
folder the kit was written in, and a test that reads such a path passes on one machine only.

The paraphrase check needs the source texts themselves, which are not in the repository (they are
other people's books). Point ``KIT_SOURCE_TEXTS`` at a folder with them as plain text to run it; it
is skipped, saying so, without that folder.
"""

import csv
import json
import os
import re
import unicodedata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCANNED = ("datasets", "lessons", "docs", "workshops", "widgets", "tests", "share")
TOP_FILES = ("README.md", "CONTRIBUTING.md", "SECURITY.md", "start.ipynb")
TEXT = {".py", ".md", ".csv", ".ipynb", ".json", ".html", ".js", ".css", ".txt", ".po", ".pot", ".cfg", ".toml"}
THIS = Path(__file__).resolve()

FORBIDDEN = [
    (re.compile(r"\.\./shared\b"), "a path to the folder next to the repository"),
    (re.compile(r"\bshared/"), "a 'shared/' folder users do not have"),
    (re.compile(r"\bseeds/"), "a 'seeds/' folder users do not have"),
    (re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b"), "a source's file name instead of its title"),
    (re.compile(r"(?<![\w.~:/<>{}-])/(?:work|home|tmp|Users|root)(?=/|\b)"), "an absolute path on one machine"),
    (re.compile(r"\b[A-Za-z]:\\(?:Users|Documents)"), "a Windows path on one machine"),
]
# Comments and docstrings in the code cite a book by its title, not a document outside the repository.
FORBIDDEN_IN_CODE = [
    (re.compile(r"\bKIT\.md\b"), "a document outside the repository"),
    (re.compile(r"\bfile 00\d\b"), "a source by file number instead of its title"),
]


def scanned_files() -> list:
    files = [REPO / name for name in TOP_FILES if (REPO / name).exists()]
    for folder in SCANNED:
        files += [
            p
            for p in sorted((REPO / folder).rglob("*"))
            if p.is_file() and p.suffix in TEXT and "__pycache__" not in p.parts
        ]
    return [p for p in files if p.resolve() != THIS]


def offences(text: str, rules=FORBIDDEN + FORBIDDEN_IN_CODE) -> list:
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        found += [f"line {number}: {why}: {m.group(0)!r}" for pattern, why in rules for m in pattern.finditer(line)]
    return found


def test_the_scan_sees_the_files_users_read():
    names = {p.relative_to(REPO).as_posix() for p in scanned_files()}
    assert "README.md" in names and "datasets/waardenpaletten.csv" in names
    assert any(n.startswith("lessons/") for n in names) and any(n.startswith("docs/") for n in names)
    assert "tests/dataset_files.py" in names and "tests/test_sources.py" not in names


@pytest.mark.parametrize(
    "example",
    [
        "zie `../shared/seeds`",
        "(bronbestand: shared/seeds/000_e59ed75a6dca4ab1.txt)",
        "Path('/work/x')",
        "open('/tmp/kit.csv')",
        "/home/anna/boek.txt",
        r"C:\Users\anna",
        "Volgorde (KIT.md).",
        "(file 000, Box 5.2)",
    ],
)
def test_a_path_or_file_citation_is_refused(example):
    assert offences(example)


@pytest.mark.parametrize(
    "example",
    [
        "voila/render/workshops/facilitator.ipynb",
        "https://example.org/home/page",
        "/usr/bin/chromium",
        "/proc/<pid>/root",
        "shared by exactly two perspectives",
        "Van der Torre, Douglas & 't Hart (2018), Box 5.2",
        "~/.jupyter",
    ],
)
def test_ordinary_text_passes(example):
    assert offences(example) == []


@pytest.mark.parametrize("path", scanned_files(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_folder_or_machine_path(path):
    in_widgets = path.relative_to(REPO).parts[0] == "widgets"
    rules = FORBIDDEN + FORBIDDEN_IN_CODE if in_widgets else FORBIDDEN
    found = offences(path.read_text(encoding="utf-8", errors="replace"), rules)
    assert found == [], f"{path.relative_to(REPO)}: cite the source by title, author, year and place: {found}"


# --- paraphrase, with the source texts at hand -----------------------------------------------------

SOURCES = os.environ.get("KIT_SOURCE_TEXTS")
needs_sources = pytest.mark.skipif(
    not SOURCES or not Path(SOURCES).is_dir(),
    reason="set KIT_SOURCE_TEXTS to a folder with the source texts (plain text) to check paraphrasing",
)

# Texts the kit wrote in its own words, and the longest run of words they may share with a source.
PARAPHRASED_COLUMNS = {
    "driehoek_casussen.csv": (("summary_nl", "book_nl"), 6),
    "spanningen_box_5_3.csv": (("question_nl",), 6),
    "routes_box_5_4.csv": (("label_nl", "example_nl"), 6),
    "sturing_indicatoren_bijlage_e.csv": (("statement_nl", "approach_nl"), 9),
}
PARAPHRASED_CELLS = {  # lesson -> headings of markdown cells written in the kit's own words
    "08-casus-lokale-democratie.ipynb": ("## Twee gemeenten die 'echt iets willen'",),
    "12-beleidsinfarct-meer-beter-anders.ipynb": (
        "## Een infarct in het bestuur",
        "## Meer doen, beter doen, anders doen",
    ),
}
CELL_RUN = 7


def words(text: str) -> list:
    text = unicodedata.normalize("NFC", text).lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.findall(r"[\w']+", text)


def shared_runs(text: str, grams: set, n: int) -> list:
    found = words(text)
    return [" ".join(found[i : i + n]) for i in range(len(found) - n + 1) if tuple(found[i : i + n]) in grams]


@pytest.fixture(scope="module")
def source_words():
    return [words(p.read_text(encoding="utf-8")) for p in sorted(Path(SOURCES).glob("*.txt"))]


def grams_of(texts: list, n: int) -> set:
    return {tuple(text[i : i + n]) for text in texts for i in range(len(text) - n + 1)}


@needs_sources
@pytest.mark.parametrize("name", sorted(PARAPHRASED_COLUMNS))
def test_dataset_texts_are_paraphrased(name, source_words):
    columns, n = PARAPHRASED_COLUMNS[name]
    grams = grams_of(source_words, n + 1)
    with open(REPO / "datasets" / name, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    copied = [run for row in rows for column in columns for run in shared_runs(row[column], grams, n + 1)]
    assert copied == [], f"{name}: runs of more than {n} words as in the source"


@needs_sources
@pytest.mark.parametrize("lesson", sorted(PARAPHRASED_CELLS))
def test_lesson_passages_are_paraphrased(lesson, source_words):
    cells = json.loads((REPO / "lessons" / lesson).read_text(encoding="utf-8"))["cells"]
    grams = grams_of(source_words, CELL_RUN + 1)
    for heading in PARAPHRASED_CELLS[lesson]:
        source = next("".join(c["source"]) for c in cells if "".join(c["source"]).startswith(heading))
        assert shared_runs(source, grams, CELL_RUN + 1) == [], f"{lesson} {heading!r}: too close to the source"
