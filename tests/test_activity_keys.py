"""Shared code never names an activity: a key written outside its folder is a feature that knows one activity.

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
