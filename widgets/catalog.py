"""The start page's list of workshops and lessons, read from the notebooks themselves.

A trainer adds a notebook to ``lessons/`` or ``workshops/`` and it is listed:
title and description come from the notebook metadata ``kit`` block (plain
text or ``{"nl": ..., "en": ...}``), falling back to the first heading and the
file name. Files whose name starts with ``_`` or ``.`` are drafts/templates.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .i18n import pick

SECTIONS = ("workshops", "lessons")


@dataclass(frozen=True)
class Entry:
    section: str
    path: str  # relative to the repository root, with forward slashes
    title: str
    description: str
    minutes: int = 0
    level: str = ""
    prepares: tuple = ()  # stems of the workshops this lesson prepares for

    @property
    def stem(self) -> str:
        return self.path.rsplit("/", 1)[-1].removesuffix(".ipynb")


def _first_heading(notebook: dict) -> str:
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        source = "".join(cell.get("source", []))
        match = re.search(r"^#+\s*(.+)$", source, re.MULTILINE)
        if match:
            return match.group(1).strip()
    return ""


def _minutes(value) -> int:
    if isinstance(value, dict):
        return sum(int(v) for v in value.values() if isinstance(v, (int, float)))
    return int(value) if isinstance(value, (int, float)) else 0


def read_entry(path: Path, root: Path, lang: str) -> Entry:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    meta = notebook.get("metadata", {}).get("kit", {})
    fallback = path.stem.split("-", 1)[-1].replace("-", " ").capitalize()
    return Entry(
        section=path.parent.name,
        path=path.relative_to(root).as_posix(),
        title=pick(meta.get("title"), lang) or _first_heading(notebook) or fallback,
        description=pick(meta.get("description"), lang),
        minutes=_minutes(meta.get("minutes")),
        level=str(meta.get("level", "")),
        prepares=tuple(meta.get("prepares") or ()),
    )


def read_catalog(root: Path, lang: str = "nl") -> dict:
    """``{section: [Entry, ...]}`` in file-name order (number lessons ``01-...``)."""
    catalog = {}
    for section in SECTIONS:
        paths = sorted((root / section).glob("*.ipynb"))
        catalog[section] = [read_entry(path, root, lang) for path in paths if not path.name.startswith(("_", "."))]
    return catalog


@dataclass(frozen=True)
class PathStep:
    workshop: Entry
    first: tuple  # basis lessons to take before the workshop, in number order
    optional: tuple  # deeper lessons that also prepare for it


def learning_path(catalog: dict) -> tuple:
    """``(steps per workshop, lessons for afterwards)`` from the lessons' ``prepares`` metadata.

    Workshops no lesson prepares for are left out; lessons preparing for nothing come after.
    """
    lessons = catalog.get("lessons", [])
    steps = []
    for workshop in catalog.get("workshops", []):
        before = [lesson for lesson in lessons if workshop.stem in lesson.prepares]
        if before:
            steps.append(
                PathStep(
                    workshop,
                    tuple(x for x in before if x.level != "verdieping"),
                    tuple(x for x in before if x.level == "verdieping"),
                )
            )
    return steps, tuple(lesson for lesson in lessons if not lesson.prepares)
