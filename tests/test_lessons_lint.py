"""Lesson lint: every lesson has complete metadata, stripped outputs, both languages, known datasets,
only a few lines of glue per code cell (logic belongs in widgets/), and exercises written as data
in lessons/exercises/<lesson>.toml that are complete, used and found."""

import json
import re
from pathlib import Path

import pytest

from widgets.datasets import read_dataset
from widgets.i18n import label
from widgets.model.exercises import exercise_files, file_problems, read_file
from widgets.model.tables import localized_names

REPO = Path(__file__).resolve().parent.parent
LESSONS = sorted((REPO / "lessons").glob("*.ipynb"))
NOTEBOOKS = LESSONS + sorted((REPO / "workshops").glob("*.ipynb")) + [REPO / "start.ipynb"]
MAX_GLUE_LINES = 8
TRAINER = ("## Voor de trainer", "## For the trainer")  # the headings of the trainer's notes
BILINGUAL_LITERAL = re.compile(r"""[{,]\s*["']nl["']\s*:""")
FROM_FILE = re.compile(r"""les\.(exercise|text)\(\s*(?:["']([^"']*)["'])?""")
SHOWN = re.compile(r"""dataset_table\(\s*["']([\w\-]+\.csv)["'](?:\s*,\s*columns=\[([^\]]*)\])?""")
MARKED = re.compile(r"(?<![*\w])\*([^*\n]+)\*(?![*\w])|`([^`\n]+)`")  # *italic* or `code`
COLUMNS = re.compile(r"\b(kolom|kolommen|column|columns)\b", re.I)
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
    assert kit.get("level") in ("basis", "verdieping") and kit.get("sources"), (
        f"{path.name}: level and sources are required"
    )
    workshops = {p.stem for p in (path.parent.parent / "workshops").glob("*.ipynb")}
    prepares = kit.get("prepares")
    assert isinstance(prepares, list) and set(prepares) <= workshops, (
        f"{path.name}: kit.prepares lists the workshops (file names without .ipynb) this lesson prepares for: "
        f"{sorted(workshops)}"
    )


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


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_the_trainers_notes_come_after_every_exercise(path):
    """'Voor de trainer' names the common mistakes, and so answers: a learner reaches it only after answering."""
    cells = load(path)["cells"]
    notes = [i for i, c in enumerate(cells) if "".join(c["source"]).startswith(TRAINER)]
    code = [i for i, c in enumerate(cells) if c["cell_type"] == "code"]
    assert not notes or min(notes) > max(code), (
        f"{path.name}: move 'Voor de trainer' (and its English twin) below the last exercise"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_cells_are_glue_and_datasets_exist(path):
    for cell in load(path)["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        lines = [line for line in source.splitlines() if line.strip() and not line.strip().startswith("#")]
        assert len(lines) <= MAX_GLUE_LINES, f"{path.name}: a code cell of {len(lines)} lines (logic goes in widgets/)"
        assert not LOGIC.search(source), f"{path.name}: loops, functions or imports belong in widgets/:\n{source}"
        assert not BILINGUAL_LITERAL.search(source), (
            f"{path.name}: texts in two languages go in lessons/exercises/{path.stem}.toml "
            f'(les.exercise("id") or les.text("id"), see CONTRIBUTING.md), not in a code cell:\n{source}'
        )
        for name in re.findall(r"[\"']([\w\-]+\.csv)[\"']", source):
            assert len(read_dataset(name).provenance) >= 3, f"{path.name}: {name} lacks provenance"


def marked(text: str) -> list:
    return [italic or code for italic, code in MARKED.findall(text)]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_the_text_names_a_tables_columns_by_the_headings_the_learner_reads(path):
    """Lesson 04 spoke of the columns *book_nl* and *book_en* under a table whose heading reads "Wat het boek zegt":
    the text names a column as its table heads it in the cell's language (``column.<name>`` in the catalogs)."""
    cells = load(path)["cells"]
    code = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    names, heads = set(), {"nl": set(), "en": set()}
    for name, listed in SHOWN.findall(code):
        file_columns = list(read_dataset(name).rows[0])
        shown = re.findall(r"[\"'](\w+)[\"']", listed) or localized_names(file_columns)
        names |= set(file_columns) | set(shown)
        for lang, found in heads.items():
            found |= {label(column, lang) for column in shown}
    for cell in cells:
        if cell["cell_type"] != "markdown":
            continue
        text, lang = "".join(cell["source"]), cell["metadata"]["tags"][0]
        raw = [
            name
            for name in names
            if name not in heads[lang] and re.search(rf"`{name}`|\*{name}\*|\b{name}_|_{name}\b", text)
        ]
        raw += [name for name in names if "_" in name and re.search(rf"\b{name}\b", text)]
        assert not raw, f"{path.name}: name the columns {sorted(set(raw))} as the table heads them"
        for sentence in re.split(r"(?<=[.;:!?])\s+", text):
            if COLUMNS.search(sentence):
                for words in marked(sentence):
                    assert any(head.startswith(words) for head in heads[lang]), (
                        f"{path.name}: the table heads no column {words!r} in {lang} ({sorted(heads[lang])})"
                    )


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
    shutil.copytree(REPO / "lessons" / "exercises", tmp_path / "lessons" / "exercises")
    made = new_lesson("Sturen op waarden", root=tmp_path, title_en="Steering by values")
    assert (
        made.name == f"{max(int(p.name[:2]) for p in LESSONS if p.name[0].isdigit()) + 1:02d}-sturen-op-waarden.ipynb"
    )
    titles = [e.title for e in read_catalog(tmp_path, "nl")["lessons"]]
    assert titles[-1] == "Sturen op waarden" and "Titel van de les" not in titles
    assert read_catalog(tmp_path, "en")["lessons"][-1].title == "Steering by values"
    for check in (
        test_lesson_metadata_is_complete,
        test_notebooks_are_committed_without_outputs,
        test_every_dutch_cell_has_its_english_twin,
        test_code_cells_are_glue_and_datasets_exist,
        test_exercises_a_lesson_uses_are_in_its_file_and_all_of_them_are_used,
    ):
        check(made)
    assert exercise_file(made).exists() and "Titel van de les" not in exercise_file(made).read_text(encoding="utf-8")
    first_heading = next(c for c in load(made)["cells"] if c["cell_type"] == "markdown")
    assert "".join(first_heading["source"]).startswith("# Sturen op waarden")


def exercise_file(path):
    return path.parent / "exercises" / f"{path.stem}.toml"


def used_from_file(path) -> dict:
    """``{"exercise": [ids], "text": [ids]}`` the notebook's code cells ask for."""
    used = {"exercise": [], "text": []}
    for cell in load(path)["cells"]:
        if cell["cell_type"] == "code":
            for section, name in FROM_FILE.findall("".join(cell["source"])):
                assert name, f'{path.name}: les.{section}(...) takes its id in quotes, e.g. les.{section}("vraag-1")'
                used[section].append(name)
    return used


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_exercises_a_lesson_uses_are_in_its_file_and_all_of_them_are_used(path):
    used, data = used_from_file(path), {}
    if exercise_file(path).exists():
        data = read_file(exercise_file(path))
        problems = file_problems(data)
        assert not problems, f"lessons/exercises/{exercise_file(path).name}:\n" + "\n".join(problems)
    written = {"exercise": [e.get("id") for e in data.get("exercise", [])], "text": list(data.get("text", {}))}
    for section in used:
        missing = sorted(set(used[section]) - set(written[section]))
        unused = sorted(set(written[section]) - set(used[section]))
        assert not missing, f"{path.name}: les.{section}({missing[0]!r}) is not in lessons/exercises/{path.stem}.toml"
        assert not unused, f"lessons/exercises/{path.stem}.toml: {section} {unused} is not used in {path.name}"


def test_every_exercise_file_belongs_to_a_lesson_and_ids_are_unique_across_lessons():
    """Unique across files: a kernel that does not know its notebook's name (nbval) still finds the right one."""
    stems = {p.stem for p in LESSONS}
    files = exercise_files(REPO / "lessons" / "exercises")
    assert files, "lessons/exercises/ holds the lessons' exercise files"
    seen = {}
    for path in files:
        assert path.stem in stems, f"lessons/exercises/{path.name}: no lesson lessons/{path.stem}.ipynb"
        if path.name.startswith("_"):
            continue  # the template's ids are where a new lesson starts
        data = read_file(path)
        names = [("exercise", e.get("id")) for e in data.get("exercise", [])] + [
            ("text", t) for t in data.get("text", {})
        ]
        for name in names:
            assert name not in seen, f"{name[0]} {name[1]!r} is in both {seen.get(name)} and {path.name}: rename one"
            seen[name] = path.name


def test_the_lint_refuses_a_bilingual_literal_and_an_exercise_the_file_lacks(tmp_path):
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "99-proef.toml").write_text(
        '[text.titel]\nnl = "Titel"\nen = "Title"\n', encoding="utf-8"
    )

    def notebook(source):
        path = tmp_path / "99-proef.ipynb"
        cell = {"cell_type": "code", "source": source, "metadata": {}, "outputs": [], "execution_count": None}
        path.write_text(json.dumps({"cells": [cell], "metadata": {}}), encoding="utf-8")
        return path

    with pytest.raises(AssertionError, match="texts in two languages go in lessons/exercises/99-proef.toml"):
        test_code_cells_are_glue_and_datasets_exist(notebook('les.bar_chart("x", title={"nl": "T", "en": "T"})'))
    with pytest.raises(AssertionError, match="les.exercise\\('vraag-1'\\) is not in lessons/exercises/99-proef.toml"):
        test_exercises_a_lesson_uses_are_in_its_file_and_all_of_them_are_used(
            notebook('les.exercise("vraag-1")\nles.text("titel")')
        )
    with pytest.raises(AssertionError, match="text \\['titel'\\] is not used"):
        test_exercises_a_lesson_uses_are_in_its_file_and_all_of_them_are_used(notebook('les.dataset_table("x.csv")'))
