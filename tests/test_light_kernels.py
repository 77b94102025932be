"""Light where it matters: participant pages import no widget, chart or Voila stack; lessons' kernels stay small."""

import json
import subprocess
import sys

HEAVY = ("pandas", "bokeh", "sqlalchemy", "openpyxl", "voila", "jupyter_server", "segno", "numpy")
WIDGETS = ("ipywidgets", "IPython", "bokeh", "pandas", "jupyter_bokeh", "openpyxl", "voila")


def imported_after(statement: str) -> set:
    code = f"import sys\n{statement}\nimport json\nprint(json.dumps(sorted(m.split('.')[0] for m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def test_participant_pages_import_no_widgets_or_charts():
    from widgets.activities import ACTIVITIES

    pages = "\n".join(f"import {a.package}.page" for a in ACTIVITIES)
    loaded = imported_after(f"import widgets.web.routes\n{pages}")
    assert loaded & set(WIDGETS) == set()


def test_start_page_and_lessons_import_nothing_heavy():
    loaded = imported_after("from widgets.views.start import start_page\nfrom widgets.views.lesson import Lesson")
    assert loaded & set(HEAVY) == set()
