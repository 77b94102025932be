"""Lesson exercises as data: one TOML file per lesson, ``lessons/exercises/<notebook name>.toml``.

A lesson author writes questions, options and answers in both languages there instead of Python
in a code cell; the notebook only says ``les.exercise("id")``. ``problems`` is what the lesson
lint reports, so a mistake is named before a learner meets it. The format is described for
trainers in CONTRIBUTING.md ("Oefeningen schrijven").
"""

import re
import tomllib
from functools import cache
from pathlib import Path

from ..settings import REPO_ROOT

REQUIRED_LANGUAGES = ("nl", "en")
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# Per kind: the fields it needs, then the ones it may have.
FIELDS: dict[str, tuple[set[str], set[str]]] = {
    "choice": ({"question", "options", "explanation"}, set()),
    "sort": ({"question", "categories", "items"}, set()),
    "match": ({"question", "pairs"}, set()),
    "signal_words": ({"example"}, set()),
}
KINDS = tuple(FIELDS)


def exercises_dir() -> Path:
    return REPO_ROOT / "lessons" / "exercises"


def tidy(value):
    """Long texts may be wrapped over lines in the file; a learner reads one paragraph."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [tidy(v) for v in value]
    if isinstance(value, dict):
        return {k: tidy(v) for k, v in value.items()}
    return value


@cache
def _read(path: Path, stamp: int) -> dict:
    with open(path, "rb") as handle:
        return tidy(tomllib.load(handle))


def read_file(path: Path) -> dict:
    """The parsed file; read again when it changed (an author edits it while the lesson runs)."""
    return _read(Path(path), Path(path).stat().st_mtime_ns)


def exercise_files(folder: Path | None = None) -> list:
    """The lessons' files, then the template's (``_sjabloon.toml``, whose ids a new lesson starts with)."""
    return sorted((folder or exercises_dir()).glob("*.toml"), key=lambda p: (p.name.startswith("_"), p.name))


def find(section: str, item_id: str, lesson: str = "", folder: Path | None = None):
    """``(table, file)`` for ``[[exercise]]`` (by its id) or ``[text.<id>]`` in the lesson's file.

    Without a lesson name (nbval starts kernels without one) every file is searched, the template
    last; the lint keeps ids unique across the lessons' files, so that finds the same exercise.
    ``(None, the file searched or None)`` if absent.
    """
    folder = folder or exercises_dir()
    own = folder / f"{lesson}.toml" if lesson else None
    files = [own] if own is not None and own.exists() else exercise_files(folder)
    for path in files:
        data = read_file(path)
        if section == "exercise":
            found = next((e for e in data.get("exercise", []) if e.get("id") == item_id), None)
        else:
            found = data.get("text", {}).get(item_id)
        if found is not None:
            return found, path
    return None, (files[0] if len(files) == 1 else None)


def option_texts(texts, lang: str = "nl") -> list:
    return [t.get(lang, "") if isinstance(t, dict) else "" for t in texts]


def text_of(option: dict) -> dict:
    """An option's text per language, without its ``correct`` mark."""
    return {lang: text for lang, text in option.items() if lang != "correct"}


def bilingual_problem(value, where: str):
    if not isinstance(value, dict):
        return f"{where}: write it as {where}.nl and {where}.en"
    missing = [lang for lang in REQUIRED_LANGUAGES if not isinstance(value.get(lang), str) or not value[lang]]
    if missing:
        return f"{where}: the text in {' and '.join(missing)} is missing or empty"
    if any(not isinstance(v, str) for v in value.values()):
        return f"{where}: every language's text must be text in quotes"
    return None


def _texts_problems(values, where: str, minimum: int) -> list:
    if not isinstance(values, list) or len(values) < minimum:
        return [f"{where}: give at least {minimum}"]
    out = [
        bilingual_problem(text_of(v) if isinstance(v, dict) else v, f"{where}[{i + 1}]") for i, v in enumerate(values)
    ]
    dutch = option_texts(values)
    if len(set(dutch)) != len(dutch):
        out.append(f"{where}: two entries have the same Dutch text")
    return [p for p in out if p]


def exercise_problems(exercise: dict) -> list:
    """What is wrong with one ``[[exercise]]`` table, in words a lesson author can act on."""
    name = f"exercise {exercise.get('id', '?')!r}"
    kind = exercise.get("kind")
    if kind not in FIELDS:
        return [f"{name}: kind {kind!r} is not one of {', '.join(KINDS)}"]
    required, optional = FIELDS[kind]
    given = set(exercise) - {"id", "kind"}
    out = [f"{name}: {field} is missing" for field in sorted(required - given)]
    out += [f"{name}: unknown field {field!r}" for field in sorted(given - required - optional)]
    if out:
        return out
    if kind != "signal_words":
        out.append(bilingual_problem(exercise["question"], f"{name}: question"))
    if kind == "choice":
        out += _texts_problems(exercise["options"], f"{name}: options", 2)
        out.append(bilingual_problem(exercise["explanation"], f"{name}: explanation"))
        marks = [o.get("correct", False) for o in exercise["options"] if isinstance(o, dict)]
        if any(not isinstance(m, bool) for m in marks):
            out.append(f"{name}: options: write correct = true (or leave it out)")
        elif marks.count(True) != 1:
            out.append(f"{name}: options: exactly one option has correct = true, not {marks.count(True)}")
    elif kind == "sort":
        out += _texts_problems(exercise["categories"], f"{name}: categories", 2)
        out += _item_problems(exercise, name)
    elif kind == "match":
        pairs = exercise["pairs"]
        if not isinstance(pairs, list) or len(pairs) < 2:
            return [f"{name}: pairs: give at least 2"]
        for i, pair in enumerate(pairs):
            out += [bilingual_problem(pair.get(side), f"{name}: pairs[{i + 1}].{side}") for side in ("left", "right")]
            out += [f"{name}: pairs[{i + 1}]: unknown field {f!r}" for f in sorted(set(pair) - {"left", "right"})]
        rights = option_texts([p.get("right") for p in pairs])
        if len(set(rights)) != len(rights):
            out.append(f"{name}: pairs: two right-hand sides have the same Dutch text")
    elif not isinstance(exercise["example"], str) or not exercise["example"]:
        out.append(f"{name}: example is a Dutch text in quotes (the signal words are Dutch)")
    return [p for p in out if p]


def _item_problems(exercise: dict, name: str) -> list:
    items, categories = exercise["items"], option_texts(exercise["categories"])
    if not isinstance(items, list) or not items:
        return [f"{name}: items: give at least one [[exercise.items]]"]
    out = []
    for i, item in enumerate(items):
        where = f"{name}: items[{i + 1}]"
        out.append(bilingual_problem(item.get("text"), f"{where}.text"))
        if item.get("answer") not in categories:
            out.append(f"{where}: answer {item.get('answer')!r} is not the Dutch text of one of the categories")
        if "explanation" in item:
            out.append(bilingual_problem(item["explanation"], f"{where}.explanation"))
        out += [f"{where}: unknown field {f!r}" for f in sorted(set(item) - {"text", "answer", "explanation"})]
    return out


def file_problems(data: dict) -> list:
    """Problems of one parsed file: its exercises, its texts, unique ids, nothing else in it."""
    out = [
        f"unknown section {key!r} (use [[exercise]] or [text.<id>])" for key in sorted(set(data) - {"exercise", "text"})
    ]
    exercises = data.get("exercise", [])
    ids = [e.get("id") for e in exercises]
    for exercise in exercises:
        if not isinstance(exercise.get("id"), str) or not ID.match(exercise["id"]):
            out.append(f"exercise {exercise.get('id')!r}: an id is lower-case letters, digits and '-'")
        out += exercise_problems(exercise)
    out += [f"exercise id {i!r} is used twice" for i in sorted({i for i in ids if ids.count(i) > 1}, key=str)]
    for text_id, text in data.get("text", {}).items():
        out.append(bilingual_problem(text, f"text {text_id!r}"))
    return [p for p in out if p]
