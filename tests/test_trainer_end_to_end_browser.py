"""A trainer adds a lesson without touching code: `make lesson`, edit the title, run the tests, see it listed.

Works on a copy of the repository so the real lessons/ folder is never changed.
"""

import json
import os
import shutil
import subprocess
import sys

from tests.kit_server import REPO, KitServer

SKIP = shutil.ignore_patterns(".git", ".venv", "data", "__pycache__", ".pytest_cache", "*.pyc")
WIDGET_TIMEOUT = 60_000


def copy_repository(target):
    shutil.copytree(REPO, target, ignore=SKIP)
    os.symlink(REPO / ".venv", target / ".venv")
    return target


def edit_title(path, nl, en):
    """What the trainer does in JupyterLab: the metadata title and the two headings."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["metadata"]["kit"]["title"] = {"nl": nl, "en": en}
    for cell in notebook["cells"]:
        tags = cell["metadata"].get("tags", [])
        if cell["cell_type"] == "markdown" and "".join(cell["source"]).startswith("# "):
            text = "".join(cell["source"]).split("\n", 1)
            cell["source"] = f"# {nl if 'nl' in tags else en}\n" + (text[1] if len(text) > 1 else "")
    path.write_text(json.dumps(notebook, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def test_a_new_lesson_runs_in_the_suite_and_appears_on_the_start_page(tmp_path, watched):
    root = copy_repository(tmp_path / "kit")
    before = sorted(p.name for p in (root / "lessons").glob("[0-9][0-9]-*.ipynb"))
    # STAMP points at a fresh file: the copy shares the real .venv, which make must not reinstall into it.
    stamp = tmp_path / "venv-ready"
    stamp.touch()
    made = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "lesson",
            "TITLE=Sturen op waarden",
            "EN=Steering by values",
            f"STAMP={stamp}",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    assert "pip" not in made.stdout, made.stdout
    lesson = root / "lessons" / f"{int(before[-1][:2]) + 1:02d}-sturen-op-waarden.ipynb"
    assert lesson.exists(), made.stdout
    edit_title(lesson, "Sturen op waarden in de praktijk", "Steering by values in practice")

    suite = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"lessons/{lesson.name}",
            "tests/test_lessons_lint.py",
            "-k",
            lesson.stem[:2],
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert suite.returncode == 0, suite.stdout[-3000:]
    assert " passed" in suite.stdout and "failed" not in suite.stdout

    server = KitServer(tmp_path / "data", root=root).start()
    page = watched().new_page()
    try:
        page.goto(server.render_url("start.ipynb"))
        card = page.locator(f'.kit-card[data-kit-entry="lessons/{lesson.name}"]')
        card.wait_for(timeout=WIDGET_TIMEOUT)
        assert card.locator("h3").inner_text() == "Sturen op waarden in de praktijk"
        card.get_by_role("link").click()
        page.get_by_role("heading", name="Sturen op waarden in de praktijk").wait_for(timeout=WIDGET_TIMEOUT)
    finally:
        page.close()  # before the server goes, or the page logs the lost connection
        server.stop()
