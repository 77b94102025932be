"""Rewrite the pinned requirement files from pyproject.toml's dependency lists and the current venv.

    python tools/freeze.py          (``make freeze``)

The direct dependencies are pyproject.toml's: ``dependencies`` (what the kit needs to run),
``optional-dependencies.hub`` (the JupyterHub single-user image) and ``.test`` (tests, benchmarks).
What each group pulls in is read from the installed packages' metadata (``importlib.metadata``
requires, markers evaluated for this Python), so no list of transitive packages is kept by hand.
Every package is pinned to the version installed here, the tested one. It writes

- ``requirements.txt``: all of it, in sections (runtime, hub, test; each direct first), what
  ``make start`` and ``make test`` install;
- ``binder/requirements.txt``: the runtime sections only (no pytest, Playwright, ruff, JupyterHub);
- ``deploy/image/hub-requirements.txt``: the hub sections, installed in the image after the runtime.
"""

import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements.txt"
BINDER = ROOT / "binder" / "requirements.txt"
HUB = ROOT / "deploy" / "image" / "hub-requirements.txt"
# Section titles in requirements.txt; tests/test_setup.py reads the file by them.
GROUPS = {"runtime": "runtime", "hub": "hub (deploy/image)", "test": "test and benchmark"}
HEADER = """\
# Pinned environment of the kit (Python 3.11), written by `make freeze` (tools/freeze.py) from
# pyproject.toml's dependency lists and the installed packages' metadata: change a direct
# dependency there (or upgrade it in .venv), then run `make freeze`. `make start` and `make test`
# install all of it; binder/requirements.txt is the runtime part, deploy/image/hub-requirements.txt
# the hub part.
"""


def direct_dependencies(pyproject: Path = ROOT / "pyproject.toml") -> dict:
    """``{group: [Requirement, ...]}`` in pyproject.toml's order."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    extras = project.get("optional-dependencies", {})
    lists = {"runtime": project["dependencies"], "hub": extras.get("hub", []), "test": extras.get("test", [])}
    return {group: [Requirement(line) for line in lines] for group, lines in lists.items()}


def closure(requirements) -> dict:
    """``{canonical name: Distribution}`` of the requirements and everything they pull in, installed here."""
    found, todo, done = {}, list(requirements), set()
    while todo:
        requirement = todo.pop()
        key = canonicalize_name(requirement.name)
        extras = tuple(sorted(requirement.extras))
        if (key, extras) in done:
            continue
        done.add((key, extras))
        try:
            dist = found.get(key) or distribution(requirement.name)
        except PackageNotFoundError:
            sys.exit(f"{requirement.name} is required but not installed in {sys.prefix}")
        found[key] = dist
        for line in dist.requires or ():
            needed = Requirement(line)
            if needed.marker is None or any(needed.marker.evaluate({"extra": e}) for e in extras or ("",)):
                todo.append(needed)
    return found


def pins(direct: dict) -> dict:
    """``{group: (direct pins, pulled-in pins)}``; a package belongs to the first group that needs it."""
    result, taken = {}, set()
    for group, requirements in direct.items():
        needed = {key: dist for key, dist in closure(requirements).items() if key not in taken}
        heads = [canonicalize_name(r.name) for r in requirements]
        first = [pin(needed[key]) for key in dict.fromkeys(heads) if key in needed]
        rest = sorted((pin(dist) for key, dist in needed.items() if key not in heads), key=str.lower)
        result[group] = (first, rest)
        taken |= set(needed)
    return result


def pin(dist) -> str:
    return f"{dist.metadata['Name']}=={dist.version}"


def sections(pinned: dict, groups) -> str:
    lines = []
    for group in groups:
        first, rest = pinned[group]
        lines += ["", f"# {GROUPS[group]}: direct", *first, "", f"# {GROUPS[group]}: pulled in", *rest]
    return "\n".join(lines) + "\n"


def main() -> None:
    pinned = pins(direct_dependencies())
    REQUIREMENTS.write_text(HEADER + sections(pinned, GROUPS))
    BINDER.write_text(
        "# Binder installs what the kit needs to run: the runtime part of ../requirements.txt (make freeze).\n"
        + sections(pinned, ["runtime"])
    )
    HUB.parent.mkdir(parents=True, exist_ok=True)
    HUB.write_text(
        "# The JupyterHub single-user command, installed in the image after binder/requirements.txt:\n"
        "# the hub part of ../../requirements.txt (make freeze).\n" + sections(pinned, ["hub"])
    )
    for path in (REQUIREMENTS, BINDER, HUB):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
