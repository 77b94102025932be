"""The papers a municipality needs: the accessibility statement's lint holds and can fail, the privacy
officer's inventory names every table the store has, publiccode.yml keeps the standard's shape."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

from tools.a11y_statement import CRITERIA, STATEMENT, check, table_after

ROOT = Path(__file__).resolve().parent.parent


def test_the_statement_names_every_screen_and_criterion_with_tests_that_exist():
    text = STATEMENT.read_text(encoding="utf-8")
    assert check(text) == []
    screens = [cells[0] for cells in table_after(text, "scope-table")]
    for screen in ("Presentatiescherm (beamer)", "Dashboard van de begeleider", "Startpagina", "Lessen"):
        assert screen in screens
    assert len(table_after(text, "criteria-table")) == len(CRITERIA) == 50
    done = subprocess.run([sys.executable, "tools/a11y_statement.py"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_renamed_test_a_screen_without_one_and_a_missing_criterion_are_found():
    text = STATEMENT.read_text(encoding="utf-8")
    broken = text.replace("::test_dashboard_shows_no_markup", "::test_dashboard_that_was_renamed")
    broken = broken.replace(
        "| Startpagina | `voila/render/start.ipynb` | `tests/test_start_page_browser.py::test_three_ways_in_are_whole_"
        "card_links_above_the_fold`, `tests/test_start_page_browser.py::test_language_switch_shows_english` |",
        "| Startpagina | `voila/render/start.ipynb` | handmatig |",
    )
    broken = "\n".join(line for line in broken.splitlines() if not line.startswith("| 2.4.7 "))
    problems = check(broken)
    assert (
        "scope: 'Dashboard van de begeleider': tests/test_looking_browser.py::test_dashboard_that_was_renamed "
        "does not exist" in problems
    )
    assert "scope: 'Startpagina' names no test" in problems
    assert "2.4.7: listed 0 times (once expected)" in problems


def test_the_privacy_inventory_names_every_table_of_the_store(sqlite_store):
    text = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
    inventory = set(re.findall(r"^\| `(\w+)` \|", text, flags=re.M))
    tables = {r["name"] for r in sqlite_store.backend.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert inventory == tables


def test_publiccode_yml_has_the_standards_fields_in_dutch_and_english():
    from widgets.i18n import languages

    code = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    assert code["publiccodeYmlVersion"] == "0.4"
    for field in ("name", "url", "platforms", "categories", "developmentStatus", "softwareType", "legal"):
        assert code[field], field
    assert code["developmentStatus"] in ("concept", "development", "beta", "stable", "obsolete")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert code["legal"]["license"] == project["license"]
    assert set(code["description"]) == set(code["localisation"]["availableLanguages"]) == set(languages())
    for lang, description in code["description"].items():
        assert len(description["shortDescription"]) <= 150, lang
        assert 150 <= len(description["longDescription"]) <= 10_000, lang
        assert description["features"] and all(len(feature) <= 100 for feature in description["features"]), lang
    assert code["maintenance"]["type"] in ("internal", "contract", "community", "none")
