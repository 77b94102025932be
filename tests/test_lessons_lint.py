"""Lesson lint: every lesson has complete metadata, stripped outputs, both languages, known datasets,
and only a few lines of glue per code cell (logic belongs in widgets/)."""

import json
import re
from pathlib import Path

import pytest

from widgets.datasets import read_dataset

REPO = Path(__file__).resolve().parent.parent
LESSONS = sorted((REPO / "lessons").glob("*.ipynb"))
NOTEBOOKS = LESSONS + sorted((REPO / "workshops").glob("*.ipynb")) + [REPO / "start.ipynb"]
MAX_GLUE_LINES = 8
LOGIC = re.compile(r"^\s*(def |class |for |while |with |try:|lambda)|^\s*import |^\s*from (?!widgets\b)", re.M)


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def bilingual(value) -> bool:
    return isinstance(value, dict) and all(value.get(lang) for lang in ("nl", "en"))


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_metadata_is_complete(path):
    kit = load(path)["metadata"].get("kit", {})
    for key in ("title", "description", "questions", "objectives", "keypoints"):
        assert bilingual(kit.get(key)), f"{path.name}: metadata kit.{key} needs both 'nl' and 'en'"
    minutes = kit.get("minutes", {})
    assert isinstance(minutes.get("teaching"), int) and isinstance(minutes.get("exercises"), int)
    assert kit.get("level") in ("basis", "verdieping") and kit.get("sources"), f"{path.name}: level and sources are required"
    workshops = {p.stem for p in (path.parent.parent / "workshops").glob("*.ipynb")}
    prepares = kit.get("prepares")
    assert isinstance(prepares, list) and set(prepares) <= workshops, (
        f"{path.name}: kit.prepares lists the workshops (file names without .ipynb) this lesson prepares for: "
        f"{sorted(workshops)}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_committed_without_outputs(path):
    for cell in load(path)["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, f"{path.name}: strip outputs"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_dutch_cell_has_its_english_twin(path):
    cells = [c for c in load(path)["cells"] if c["cell_type"] == "markdown"]
    tags = [(c.get("metadata", {}).get("tags") or ["?"])[0] for c in cells]
    assert set(tags) <= {"nl", "en"}, f"{path.name}: tag every markdown cell 'nl' or 'en'"
    assert tags == ["nl", "en"] * (len(tags) // 2), f"{path.name}: each 'nl' cell is followed by its 'en' twin"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_cells_are_glue_and_datasets_exist(path):
    for cell in load(path)["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        lines = [line for line in source.splitlines() if line.strip() and not line.strip().startswith("#")]
        assert len(lines) <= MAX_GLUE_LINES, f"{path.name}: a code cell of {len(lines)} lines (logic goes in widgets/)"
        assert not LOGIC.search(source), f"{path.name}: loops, functions or imports belong in widgets/:\n{source}"
        for name in re.findall(r"[\"']([\w\-]+\.csv)[\"']", source):
            assert len(read_dataset(name).provenance) >= 3, f"{path.name}: {name} lacks provenance"


def test_new_lesson_command_makes_a_lesson_the_catalog_and_lint_accept(tmp_path):
    import shutil
    import sys

    sys.path.insert(0, str(REPO / "tools"))
    from new_lesson import new_lesson

    from widgets.catalog import read_catalog

    (tmp_path / "lessons").mkdir()
    (tmp_path / "workshops").mkdir()
    for path in LESSONS:
        shutil.copy(path, tmp_path / "lessons" / path.name)
    made = new_lesson("Sturen op waarden", root=tmp_path, title_en="Steering by values")
    assert made.name == f"{max(int(p.name[:2]) for p in LESSONS if p.name[0].isdigit()) + 1:02d}-sturen-op-waarden.ipynb"
    titles = [e.title for e in read_catalog(tmp_path, "nl")["lessons"]]
    assert titles[-1] == "Sturen op waarden" and "Titel van de les" not in titles
    assert read_catalog(tmp_path, "en")["lessons"][-1].title == "Steering by values"
    for check in (test_lesson_metadata_is_complete, test_notebooks_are_committed_without_outputs,
                  test_every_dutch_cell_has_its_english_twin, test_code_cells_are_glue_and_datasets_exist):
        check(made)
    first_heading = next(c for c in load(made)["cells"] if c["cell_type"] == "markdown")
    assert "".join(first_heading["source"]).startswith("# Sturen op waarden")
