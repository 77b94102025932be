"""Checks on the kit's own setup files: pins, Binder, Voila settings, offline template."""

import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def pins(path: Path) -> dict:
    result = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            assert "==" in line, f"{path.name}: '{line}' is not pinned to an exact version"
            name, version = line.split("==")
            result[name.lower().replace("_", "-")] = version
    return result


def test_requirements_pin_the_stack_exactly():
    pinned = pins(REPO / "requirements.txt")
    for name in (
        "jupyterlab",
        "ipywidgets",
        "voila",
        "pandas",
        "bokeh",
        "jupyter-bokeh",
        "nbval",
        "pytest",
        "playwright",
        "segno",
        "openpyxl",
        "sqlalchemy",
    ):
        assert name in pinned, f"{name} is not pinned"
    assert pinned["ipywidgets"].startswith("8.")
    assert pinned["voila"].startswith("0.5.")


def test_binder_installs_the_same_pins():
    assert pins(REPO / "binder" / "requirements.txt") == pins(REPO / "requirements.txt")


def test_pre_commit_runs_the_pinned_ruff():
    """A commit hook with another ruff would reformat what `make lint` accepts, or the other way round."""
    config = (REPO / ".pre-commit-config.yaml").read_text()
    rev = re.search(r"ruff-pre-commit\n\s+rev: v?(\S+)", config)
    assert rev and rev.group(1) == pins(REPO / "requirements.txt")["ruff"]


def test_binder_badge_opens_the_start_page_in_voila():
    readme = (REPO / "README.md").read_text()
    assert re.search(r"mybinder\.org/v2/gh/[^)\s]+\?urlpath=voila%2Frender%2Fstart\.ipynb", readme)


def test_voila_settings_hide_code_and_tracebacks():
    settings = json.loads((REPO / "voila.json").read_text())["VoilaConfiguration"]
    assert settings["strip_sources"] is True
    assert settings["show_tracebacks"] is False
    assert settings["preheat_kernel"] is True
    assert settings["template"] == "kit"


def test_kit_template_names_no_other_host():
    template = REPO / "share" / "jupyter" / "voila" / "templates" / "kit"
    for path in template.rglob("*"):
        if path.is_file():
            text = path.read_text()
            found = [u for u in re.findall(r"https?://[^\s\"'<>]+", text) if "cdn.jsdelivr.net" not in u]
            assert found == [], f"{path.name} refers to another host: {found}"
