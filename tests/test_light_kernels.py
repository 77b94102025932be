"""Participant kernels stay light: no pandas, bokeh, SQLAlchemy or Voila's server stack."""

import json
import subprocess
import sys

HEAVY = ("pandas", "bokeh", "sqlalchemy", "openpyxl", "voila", "jupyter_server", "segno", "numpy")


def imported_after(statement: str) -> set:
    code = f"import sys\n{statement}\nimport json\nprint(json.dumps(sorted(m.split('.')[0] for m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def test_participant_app_imports_nothing_heavy():
    loaded = imported_after("from widgets.views.participant import ParticipantApp")
    assert loaded & set(HEAVY) == set()


def test_start_page_and_lessons_import_nothing_heavy():
    loaded = imported_after("from widgets.views.start import start_page\nfrom widgets.views.lesson import Lesson")
    assert loaded & set(HEAVY) == set()
