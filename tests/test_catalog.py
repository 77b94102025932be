"""The start page catalog picks up any notebook dropped into lessons/ or workshops/."""

import json

from widgets.catalog import read_catalog


def write_notebook(path, metadata=None, heading=None):
    cells = []
    if heading:
        cells.append({"cell_type": "markdown", "metadata": {}, "source": [f"# {heading}\n", "tekst"]})
    path.write_text(json.dumps({"cells": cells, "metadata": metadata or {}, "nbformat": 4, "nbformat_minor": 5}))


def test_new_notebooks_appear_with_metadata_heading_or_file_name(tmp_path):
    (tmp_path / "lessons").mkdir()
    (tmp_path / "workshops").mkdir()
    write_notebook(
        tmp_path / "lessons" / "02-tweede.ipynb",
        {
            "kit": {
                "title": {"nl": "Tweede les", "en": "Second lesson"},
                "description": "Kort",
                "minutes": {"teaching": 10, "exercises": 5},
            }
        },
    )
    write_notebook(tmp_path / "lessons" / "01-eerste.ipynb", heading="Eerste les")
    write_notebook(tmp_path / "lessons" / "03-zonder-titel.ipynb")
    write_notebook(tmp_path / "lessons" / "_sjabloon.ipynb", heading="Sjabloon")

    nl = read_catalog(tmp_path, "nl")
    assert [e.title for e in nl["lessons"]] == ["Eerste les", "Tweede les", "Zonder titel"]
    assert nl["lessons"][1].minutes == 15
    assert nl["lessons"][1].path == "lessons/02-tweede.ipynb"
    assert nl["workshops"] == []
    en = read_catalog(tmp_path, "en")
    assert en["lessons"][1].title == "Second lesson"


def test_learning_path_orders_lessons_before_each_workshop_and_after(tmp_path):
    from widgets.catalog import learning_path
    from widgets.views.start import path_html

    (tmp_path / "lessons").mkdir()
    (tmp_path / "workshops").mkdir()
    write_notebook(tmp_path / "workshops" / "tafel.ipynb", {"kit": {"title": "Tafel"}})
    write_notebook(tmp_path / "workshops" / "deelnemen.ipynb", {"kit": {"title": "Deelnemen"}})
    write_notebook(
        tmp_path / "lessons" / "02-palet.ipynb", {"kit": {"title": "Palet", "level": "basis", "prepares": ["tafel"]}}
    )
    write_notebook(
        tmp_path / "lessons" / "01-intro.ipynb", {"kit": {"title": "Intro", "level": "basis", "prepares": ["tafel"]}}
    )
    write_notebook(
        tmp_path / "lessons" / "03-casus.ipynb",
        {"kit": {"title": "Casus", "level": "verdieping", "prepares": ["tafel"]}},
    )
    write_notebook(tmp_path / "lessons" / "04-extra.ipynb", {"kit": {"title": "Extra <i>", "level": "verdieping"}})

    steps, after = learning_path(read_catalog(tmp_path, "nl"))
    assert [s.workshop.title for s in steps] == ["Tafel"]  # nothing prepares for 'deelnemen'
    assert [e.title for e in steps[0].first] == ["Intro", "Palet"]
    assert [e.title for e in steps[0].optional] == ["Casus"]
    assert [e.title for e in after] == ["Extra <i>"]
    html = path_html(read_catalog(tmp_path, "en"), "en")
    assert "Before the workshop ‘Tafel’" in html and 'href="lessons/01-intro.ipynb?lang=en"' in html
    assert html.index("Intro") < html.index("Palet") < html.index("Casus") < html.index("Extra &lt;i&gt;")
