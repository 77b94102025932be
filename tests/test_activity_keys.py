"""Shared code never names an activity: a key written outside its folder is a feature that knows one activity.

Nor does it import an activity's folder or write one of its ids (``"eigen."``): it asks the registry for a part
(import-linter's "registry" contract keeps the imports too).

The catalogs (``widgets/locale``), the content files, the datasets and the tests may name keys;
code and templates outside ``widgets/activities/<key>/`` may not, and neither may another
activity's folder (an activity that builds on another imports that folder's constant).
"""

import re
from pathlib import Path

from widgets.activities import ACTIVITIES

WIDGETS = Path(__file__).resolve().parents[1] / "widgets"
CODE = ("*.py", "*.html", "*.js", "*.css")


def named_outside(key: str, folder: Path, root: Path = WIDGETS) -> list:
    pattern = re.compile(rf"[\"']{re.escape(key)}[\"']")
    hits = []
    for glob in CODE:
        for path in root.rglob(glob):
            if folder in path.parents or "locale" in path.relative_to(root).parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if pattern.search(line):
                    hits.append(f"{path.relative_to(root.parent)}:{number}: {line.strip()}")
    return hits


def test_no_activity_key_is_written_outside_its_own_folder():
    hits = [hit for activity in ACTIVITIES for hit in named_outside(activity.key, activity.folder)]
    assert hits == []


def test_the_check_finds_a_key_in_shared_code_and_in_another_folder_but_not_in_its_own(tmp_path):
    root = tmp_path / "widgets"
    own, other = root / "activities" / "palet", root / "activities" / "prioriteren"
    for folder in (own, other, root / "report", root / "locale"):
        folder.mkdir(parents=True)
    (own / "model.py").write_text('ACTIVITY = "palet"\n')
    (other / "page.py").write_text('PALETTE = "palet"\n')
    (root / "report" / "section.html").write_text("{% if activity == 'palet' %}{% endif %}\n")
    (root / "locale" / "kit.py").write_text('"palet"\n')
    hits = named_outside("palet", own, root)
    assert sorted(hit.split(":")[0] for hit in hits) == [
        "widgets/activities/prioriteren/page.py",
        "widgets/report/section.html",
    ]


# The lessons teach the book with the activities' own models and words (the book's cases in the triangle,
# the palette's book values, Box 5.2's radar): the one place outside the folders that may name them.
LESSONS = ("views/lesson.py", "render/templates/lesson_scan_axis.html", "render/templates/lesson_scan_routes.html")


def named_in_shared_code(keys, root: Path = WIDGETS, allowed=LESSONS) -> list:
    """Where code outside ``widgets/activities/`` imports an activity's folder (``from ..activities.eigen``) or
    writes one of its ids (``"eigen."``, ``t('driehoek.title')``, ``f"palet.{cell}"``)."""
    names = "|".join(map(re.escape, keys))
    pattern = re.compile(rf"\bactivities\.({names})\b|[\"']({names})\.[\w.\-]*[\"'{{]")
    hits = []
    for glob in CODE:
        for path in root.rglob(glob):
            inside = path.relative_to(root)
            if inside.parts[0] in ("activities", "locale") or inside.as_posix() in allowed:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if pattern.search(line):
                    hits.append(f"{path.relative_to(root.parent)}:{number}: {line.strip()}")
    return hits


def test_shared_code_neither_imports_an_activitys_folder_nor_writes_its_ids():
    assert named_in_shared_code([activity.key for activity in ACTIVITIES]) == []


def test_the_check_finds_an_activitys_import_and_its_ids_in_shared_code_but_not_in_a_dataset_name(tmp_path):
    root = tmp_path / "widgets"
    for folder in ("views", "render/templates", "activities/eigen", "web"):
        (root / folder).mkdir(parents=True)
    (root / "views" / "form.py").write_text(
        'from ..activities.eigen.model import STATE\nif error.key.startswith("eigen."):\n    pass\n'
    )
    (root / "render" / "templates" / "drawing.html").write_text("<title>{{ t('eigen.title') }}</title>\n")
    (root / "web" / "page.py").write_text('t(f"eigen.{part}")\nread("eigen_casussen.csv")\n')
    (root / "activities" / "eigen" / "setup.py").write_text('t("eigen.title")\n')
    hits = named_in_shared_code(["eigen"], root, allowed=())
    assert sorted(":".join(hit.split(":")[:2]) for hit in hits) == [
        "widgets/render/templates/drawing.html:1",
        "widgets/views/form.py:1",
        "widgets/views/form.py:2",
        "widgets/web/page.py:1",
    ]
