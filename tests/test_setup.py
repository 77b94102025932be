"""Checks on the kit's own setup files: pins and their sections, Binder, the image, Voila settings, offline template."""

import json
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

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


RUNTIME, HUB, TEST = "runtime", "hub (deploy/image)", "test and benchmark"
# Never on Binder or in the hub image: the test tools (and the hub on Binder, which brings its own).
TEST_ONLY = {
    "pytest",
    "pytest-timeout",
    "nbval",
    "playwright",
    "ruff",
    "import-linter",
    "grimp",
    "mypy",
    "coverage",
    "setuptools",
}


def sections(path: Path = REPO / "requirements.txt") -> dict:
    """``{(group, "direct" | "pulled in"): {name: version}}`` by the section comments of tools/freeze.py."""
    result, current = {}, None
    for line in path.read_text().splitlines():
        if line.startswith("# ") and line.endswith((": direct", ": pulled in")):
            group, part = line[2:].rsplit(": ", 1)
            current = result.setdefault((group, part), {})
        elif line.strip() and not line.startswith("#"):
            assert current is not None, f"{path.name}: '{line}' is in no section"
            current.update(pins_of([line]))
    return result


def pins_of(lines) -> dict:
    return {name.lower().replace("_", "-"): version for name, version in (line.split("==") for line in lines)}


def group(path: Path, name: str) -> dict:
    found = sections(path)
    return {**found.get((name, "direct"), {}), **found.get((name, "pulled in"), {})}


def project() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text())["project"]


def test_binder_installs_the_runtime_pins_and_no_test_tools():
    everything = pins(REPO / "requirements.txt")
    runtime = group(REPO / "requirements.txt", RUNTIME)
    test_and_hub = {**group(REPO / "requirements.txt", TEST), **group(REPO / "requirements.txt", HUB)}
    assert {**runtime, **test_and_hub} == everything and not set(runtime) & set(test_and_hub)
    binder = pins(REPO / "binder" / "requirements.txt")
    assert binder == {name: version for name, version in everything.items() if name not in test_and_hub}
    assert not TEST_ONLY & set(binder) and "jupyterhub" not in binder
    assert TEST_ONLY <= set(test_and_hub)
    assert {"voila", "jupyter-server", "sqlalchemy", "psycopg"} <= set(binder)


def test_pyproject_lists_the_direct_dependencies_the_pins_satisfy():
    """`pip install <wheel>` pulls what requirements.txt pins first in each section, at a version it allows."""
    extras = project()["optional-dependencies"]
    lists = {RUNTIME: project()["dependencies"], HUB: extras["hub"], TEST: extras["test"]}
    found = sections(REPO / "requirements.txt")
    for name, lines in lists.items():
        wanted = [Requirement(line) for line in lines]
        direct = found[(name, "direct")]
        assert [canonicalize_name(r.name) for r in wanted] == [canonicalize_name(n) for n in direct], name
        for requirement in wanted:
            version = direct[requirement.name.lower().replace("_", "-")]
            assert requirement.specifier.contains(version), f"{requirement} does not allow the pinned {version}"


def test_freeze_is_up_to_date_with_the_installed_metadata():
    """What each direct list pulls in, read from the venv's metadata, is what the sections pin."""
    from tools.freeze import direct_dependencies
    from tools.freeze import pins as frozen

    expected = frozen(direct_dependencies())
    found = sections(REPO / "requirements.txt")
    for name, title in ((RUNTIME, RUNTIME), ("hub", HUB), ("test", TEST)):
        first, rest = expected[name]
        assert pins_of(first) == found[(title, "direct")], f"{title}: run make freeze"
        assert pins_of(rest) == found[(title, "pulled in")], f"{title}: run make freeze"


def test_postbuild_installs_the_package_and_enables_the_extension(tmp_path):
    build = [line for line in (REPO / "binder" / "postBuild").read_text().splitlines() if not line.startswith("#")]
    install = [line for line in build if line.startswith("pip install")]
    assert install and all("-e" not in line.split() for line in install)
    assert any(line.split()[-1] == "." and "--no-deps" in line for line in install)
    assert "python -m widgets.web.configure" in build
    from widgets.web.configure import configure

    configure(tmp_path / "config", tmp_path / "data")
    enabled = json.loads((tmp_path / "config" / "jupyter_server_config.d" / "publieke-waarde-kit.json").read_text())
    assert enabled["ServerApp"]["jpserver_extensions"] == {"voila.server_extension": True, "widgets.web": True}
    assert (tmp_path / "data" / "voila" / "templates" / "kit" / "conf.json").exists()


def test_image_installs_the_runtime_pins_the_hub_and_the_wheel():
    dockerfile = (REPO / "deploy" / "image" / "Dockerfile").read_text()
    lines = [line.strip().rstrip("\\").strip() for line in dockerfile.splitlines() if not line.lstrip().startswith("#")]
    text = "\n".join(lines)
    assert re.search(r"^FROM python:3\.11-slim$", text, re.MULTILINE)
    copied = dict(line.split()[1:3] for line in lines if line.startswith("COPY ") and len(line.split()) == 3)
    runtime, hub_pins = copied["binder/requirements.txt"], copied["deploy/image/hub-requirements.txt"]
    assert f"pip install --no-cache-dir -r {runtime} -r {hub_pins}" in text
    assert re.search(r"pip wheel .*--no-deps .*\.$", text, re.MULTILINE)
    assert re.search(r"pip install --no-cache-dir --no-deps \S+/\*\.whl", text)
    assert "python -m widgets.web.configure" in text and "--serve-kit-files" in text
    assert 'CMD ["jupyterhub-singleuser"]' in lines
    hub = pins(REPO / "deploy" / "image" / "hub-requirements.txt")
    assert hub == group(REPO / "requirements.txt", HUB) and "jupyterhub" in hub and not TEST_ONLY & set(hub)
    ignored = (REPO / "deploy" / "image" / "Dockerfile.dockerignore").read_text().split()
    assert {".venv", ".git", "data"} <= set(ignored)


def binder_url() -> str:
    """The launch URL from the one setting, pyproject.toml's ``[project.urls] Repository``."""
    repository = project()["urls"]["Repository"]
    path = re.fullmatch(r"https://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?/?", repository)
    assert path, f"Repository must be a GitHub address, not {repository}"
    return f"https://mybinder.org/v2/gh/{path.group(1)}/HEAD?urlpath=voila%2Frender%2Fstart.ipynb"


def test_binder_badge_and_launch_urls_follow_the_repository_setting():
    badge = f"[![Binder](https://mybinder.org/badge_logo.svg)]({binder_url()})"
    readme = (REPO / "README.md").read_text()
    assert badge in readme, f"README's Binder badge should be: {badge}"
    for path in [REPO / "README.md", *(REPO / "docs").glob("*.md")]:
        for url in re.findall(r"https://mybinder\.org/v2/[^)\s`>]+", path.read_text()):
            assert url == binder_url(), f"{path.name}: {url}"


def test_pre_commit_runs_the_pinned_ruff():
    """A commit hook with another ruff would reformat what `make lint` accepts, or the other way round."""
    config = (REPO / ".pre-commit-config.yaml").read_text()
    rev = re.search(r"ruff-pre-commit\n\s+rev: v?(\S+)", config)
    assert rev and rev.group(1) == pins(REPO / "requirements.txt")["ruff"]


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
