"""Create a new numbered lesson from the template: ``make lesson TITLE="Mijn les"``.

Copies ``lessons/_sjabloon.ipynb`` to ``lessons/NN-<slug>.ipynb`` (NN = next free number),
fills in the title and gives every cell a fresh id; copies the template's exercise file
``lessons/exercises/_sjabloon.toml`` (a question as data, see CONTRIBUTING.md) next to it. The
start page and the test suite pick the new lesson up without any other change.
"""

import argparse
import json
import re
import unicodedata
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def slug(title: str) -> str:
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "les"


def new_lesson(title: str, root: Path = ROOT, title_en: str = "") -> Path:
    lessons = root / "lessons"
    numbers = [int(p.name[:2]) for p in lessons.glob("[0-9][0-9]-*.ipynb")]
    path = lessons / f"{max(numbers, default=0) + 1:02d}-{slug(title)}.ipynb"
    notebook = json.loads((lessons / "_sjabloon.ipynb").read_text(encoding="utf-8"))
    notebook["metadata"]["kit"]["title"] = {"nl": title, "en": title_en or title}
    for cell in notebook["cells"]:
        cell["id"] = uuid.uuid4().hex[:8]
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and source.startswith("# "):
            heading = title if "nl" in cell["metadata"].get("tags", []) else (title_en or title)
            cell["source"] = re.sub(r"^# .*", f"# {heading}", source, count=1)
    path.write_text(json.dumps(notebook, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    exercises = (lessons / "exercises" / "_sjabloon.toml").read_text(encoding="utf-8")
    exercises = re.sub(r"^# .*", f"# Oefeningen en teksten bij les {path.stem}: {title}.", exercises, count=1)
    (lessons / "exercises" / f"{path.stem}.toml").write_text(exercises, encoding="utf-8")
    return path


def main(argv=None) -> None:
    from widgets.i18n import cli_language, t

    say = cli_language()
    parser = argparse.ArgumentParser(description=t("cli.lesson.description", say))
    parser.add_argument("title", help=t("cli.lesson.title", say))
    parser.add_argument("--en", default="", help=t("cli.lesson.title_en", say))
    args = parser.parse_args(argv)
    path = new_lesson(args.title, title_en=args.en)
    print(t("cli.lesson.written", say, path=path.relative_to(ROOT)))


if __name__ == "__main__":
    main()
