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


def named_outside(key: str, folder: Path) -> list:
    pattern = re.compile(rf"[\"']{re.escape(key)}[\"']")
    hits = []
    for glob in CODE:
        for path in WIDGETS.rglob(glob):
            if folder in path.parents or "locale" in path.relative_to(WIDGETS).parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if pattern.search(line):
                    hits.append(f"{path.relative_to(WIDGETS.parent)}:{number}: {line.strip()}")
    return hits


def test_no_activity_key_is_written_outside_its_own_folder():
    hits = [hit for activity in ACTIVITIES for hit in named_outside(activity.key, activity.folder)]
    assert hits == []


def test_the_check_finds_a_key_where_it_is_written(tmp_path):
    palet = next(a for a in ACTIVITIES if a.key == "palet")
    assert named_outside("palet", palet.folder) == named_outside("palet", palet.folder)  # stable
    assert any("widgets/activities/palet" in hit for hit in named_outside("palet", WIDGETS / "no-such-folder"))
