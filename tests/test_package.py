"""The kit as a package: the wheel carries everything the kit needs, and the installed kit runs from any folder.

The wheel is built from a copy of the checkout (no build folder in the working tree) without build
isolation, and installed into a fresh venv that borrows the pinned packages of this one through a
``.pth`` line (no network) but not its editable kit.
"""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from .kit_server import REPO, free_port, stop_group

SKIP_COPY = shutil.ignore_patterns(
    ".git",
    ".venv",
    "data",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    "test-artifacts",
)
KIT_PAGE_TIMEOUT = 60


def files(pattern: str) -> set:
    return {path.relative_to(REPO).as_posix() for path in REPO.glob(pattern) if path.is_file()}


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("source") / "kit"
    shutil.copytree(REPO, copy, ignore=SKIP_COPY, symlinks=True)
    return copy


@pytest.fixture(scope="module")
def wheel(source, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    done = subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(out), "."],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = out.glob("publieke_waarde_kit-*.whl")
    return built


@pytest.fixture(scope="module")
def names(wheel) -> set:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed; this venv's packages reachable, its editable kit not."""
    home = tmp_path_factory.mktemp("venv") / "kit-venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(home)], check=True, timeout=60)
    python = home / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # Appended to sys.path as a plain folder, so the .pth files in it (the editable kit) are not run.
    Path(purelib, "borrowed-packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    done = subprocess.run(
        [python, "-m", "pip", "--disable-pip-version-check", "install", "--no-deps", "--no-index", str(wheel)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return home


def clean_env(tmp: Path, venv: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIT_", "JUPYTER", "VOILA_", "PYTHON"))}
    env.update(
        PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        HOME=str(tmp / "home"),
        XDG_DATA_HOME=str(tmp / "home" / "data"),
        JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
        # Voila's own page templates: `pip install voila` into this venv would have put them in its prefix.
        JUPYTER_PATH=str(Path(sys.prefix) / "share" / "jupyter"),
    )
    return env


def snapshot(folder: Path) -> dict:
    return {str(path): path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()}


def test_wheel_carries_what_the_kit_serves_and_reads(names):
    root = "widgets/_root/"
    expected = (
        files("start.ipynb")
        | files("voila.json")
        | files("workshops/*.ipynb")
        | files("lessons/*.ipynb")
        | files("lessons/exercises/*.toml")
        | files("datasets/*.csv")
        | files("share/jupyter/voila/templates/kit/**/*")
    )
    assert {"start.ipynb", "voila.json", "datasets/stellingen_box_5_2.csv"} <= expected
    missing = sorted(path for path in expected if root + path not in names)
    assert missing == [], f"not in the wheel: {missing}"
    package = (
        files("widgets/**/*.py")
        | files("widgets/web/templates/*.html")
        | files("widgets/web/static/*")
        | files("widgets/render/templates/*.html")
        | files("widgets/locale/*/LC_MESSAGES/kit.po")
        | files("widgets/content/*.json")
    )
    missing = sorted(path for path in package if path not in names and "__pycache__" not in path)
    assert missing == [], f"not in the wheel: {missing}"
    assert not [name for name in names if name.startswith(("tests/", "benchmarks/", "tools/", "binder/"))]


def test_a_wheel_built_from_the_sdist_carries_the_same_files(source, names, tmp_path):
    """``pip install`` from a source archive (MANIFEST.in) gives the same kit as the wheel."""
    build = (
        "import sys, tarfile; from pathlib import Path; from setuptools import build_meta as b; "
        "out = Path(sys.argv[1]); tarfile.open(out / b.build_sdist(str(out))).extractall(out, filter='data')"
    )
    done = subprocess.run(
        [sys.executable, "-c", build, tmp_path], cwd=source, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    (unpacked,) = [path for path in tmp_path.iterdir() if path.is_dir()]
    wheel = "from setuptools import build_meta as b; import sys; print(b.build_wheel(sys.argv[1]))"
    done = subprocess.run(
        [sys.executable, "-c", wheel, tmp_path], cwd=unpacked, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(tmp_path / done.stdout.split()[-1]) as archive:
        assert set(archive.namelist()) == names


def test_wheel_enables_the_participant_pages_in_jupyter_servers(wheel, names):
    (config,) = [
        name for name in names if name.endswith("etc/jupyter/jupyter_server_config.d/publieke-waarde-kit.json")
    ]
    with zipfile.ZipFile(wheel) as archive:
        enabled = json.loads(archive.read(config))["ServerApp"]["jpserver_extensions"]
    assert enabled == {"widgets.web": True}


def test_installed_kit_keeps_its_data_out_of_site_packages(venv, tmp_path):
    probe = "from widgets import settings as s; print(s.kit_root()); print(s.default_data_dir())"
    done = subprocess.run(
        [venv / "bin" / "python", "-c", probe],
        cwd=tmp_path,
        env=clean_env(tmp_path, venv),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    root, data = done.stdout.split()
    assert root.startswith(str(venv)) and root.endswith("widgets/_root")
    assert data == str(tmp_path / "home" / "data" / "publieke-waarde-kit")


def test_installed_kit_starts_from_an_empty_folder(venv, tmp_path):
    from widgets.model.sessions import SessionSpec
    from widgets.store import open_store

    folder, data = tmp_path / "empty", tmp_path / "kit-data"
    folder.mkdir()
    env = clean_env(tmp_path, venv)
    kit = str(venv / "bin" / "kit")
    helped = subprocess.run([kit, "--help"], cwd=folder, env=env, capture_output=True, text=True, timeout=60)
    assert helped.returncode == 0 and "--data-dir" in helped.stdout, helped.stderr
    before = snapshot(venv)
    port = free_port()
    log = tmp_path / "kit.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [kit, f"--port={port}", f"--data-dir={data}", "--no-preheat"],
            cwd=folder,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{port}/"
        start = wait_for(base, server, log)
        assert "<title>Publieke waarde" in start
        rendered = get(base + "voila/render/start.ipynb")
        assert "application/vnd.jupyter.widget-view+json" in rendered  # the start page's widget, not an error
        store = open_store(f"sqlite:///{data / 'kit.sqlite3'}")
        try:
            session, _ = store.create_session(SessionSpec(title="Woonvisie 2030", topic="wonen", activities=("palet",)))
        finally:
            store.backend.close()
        joined = get(f"{base}kit/{session.code}")
        assert "Woonvisie 2030" in joined
        shown = log.read_text(errors="replace")
        assert str(data) in shown  # where the sessions are is printed at start
    finally:
        stop_group(server)
    assert os.listdir(folder) == []
    assert snapshot(venv) == before, "the installed kit wrote into its venv"


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=KIT_PAGE_TIMEOUT) as reply:
        assert reply.status == 200
        return reply.read().decode()


def wait_for(url: str, server, log: Path) -> str:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"the kit stopped at start:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            return get(url)
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"the kit did not answer:\n{log.read_text(errors='replace')[-3000:]}")
