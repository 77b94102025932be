"""Check the accessibility statement (docs/toegankelijkheid.md) against the tests it names (run by ``make lint``).

    python tools/a11y_statement.py [path]

- every screen in the scope table (after ``<!-- scope-table -->``) names at least one test, and it exists;
- the criteria table (after ``<!-- criteria-table -->``) has each of WCAG 2.1's 50 A and AA success
  criteria exactly once, each with a test, "handmatig" (a manual check) or "n.v.t." (not applicable);
- every test named in either table exists: ``tests/<file>.py::<function>`` (or ``::<Class>::<method>``),
  found with ``ast`` without importing the tests.

A statement that promises what no test checks, or a test renamed without the statement, fails here.
"""

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATEMENT = ROOT / "docs" / "toegankelijkheid.md"

# WCAG 2.1, levels A and AA: the 50 success criteria a Dutch public body must meet (EN 301 549).
CRITERIA = (
    "1.1.1 1.2.1 1.2.2 1.2.3 1.2.4 1.2.5 1.3.1 1.3.2 1.3.3 1.3.4 1.3.5 "
    "1.4.1 1.4.2 1.4.3 1.4.4 1.4.5 1.4.10 1.4.11 1.4.12 1.4.13 2.1.1 2.1.2 2.1.4 2.2.1 2.2.2 2.3.1 "
    "2.4.1 2.4.2 2.4.3 2.4.4 2.4.5 2.4.6 2.4.7 2.5.1 2.5.2 2.5.3 2.5.4 3.1.1 3.1.2 "
    "3.2.1 3.2.2 3.2.3 3.2.4 3.3.1 3.3.2 3.3.3 3.3.4 4.1.1 4.1.2 4.1.3"
).split()
TEST = re.compile(r"`(tests/[\w/]+\.py)::([\w:]+)(?:\[[^\]]*\])?`")
MANUAL = ("handmatig", "n.v.t.")


def table_after(text: str, marker: str) -> list[list[str]]:
    """The body rows (cells) of the Markdown table that follows ``<!-- marker -->``."""
    start = text.find(f"<!-- {marker} -->")
    if start < 0:
        return []
    rows = []
    for line in text[start:].splitlines()[1:]:
        if not line.startswith("|"):
            if rows:
                break
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not set(cells[0]) <= {"-", " "} and cells[0] not in ("scherm", "criterium"):
            rows.append(cells)
    return rows


def defined(path: Path) -> set[str]:
    """``function`` and ``Class::method`` names at the top of a test file."""
    names = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.ClassDef):
            names.update(
                f"{node.name}::{item.name}"
                for item in node.body
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
            )
    return names


def missing_tests(cells: str, root: Path) -> list[str]:
    problems = []
    for file, name in TEST.findall(cells):
        path = root / file
        if not path.is_file():
            problems.append(f"{file} does not exist")
        elif name not in defined(path):
            problems.append(f"{file}::{name} does not exist")
    return problems


def check(text: str, root: Path = ROOT) -> list[str]:
    """Every problem of the statement ``text``, as sentences; empty when it holds."""
    problems = []
    scope = table_after(text, "scope-table")
    if not scope:
        problems.append("no scope table after <!-- scope-table -->")
    for cells in scope:
        if not TEST.search(cells[-1]):
            problems.append(f"scope: '{cells[0]}' names no test")
        problems += [f"scope: '{cells[0]}': {p}" for p in missing_tests(cells[-1], root)]
    seen = []
    for cells in table_after(text, "criteria-table"):
        number = cells[0].split()[0]
        seen.append(number)
        if not TEST.search(cells[-1]) and not any(word in cells[-1] for word in MANUAL):
            problems.append(f"{number}: no test, manual check or 'n.v.t.'")
        problems += [f"{number}: {p}" for p in missing_tests(cells[-1], root)]
    for number in CRITERIA:
        if seen.count(number) != 1:
            problems.append(f"{number}: listed {seen.count(number)} times (once expected)")
    problems += [f"{number}: not a WCAG 2.1 A or AA criterion" for number in seen if number not in CRITERIA]
    return problems


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else STATEMENT
    problems = check(path.read_text(encoding="utf-8"))
    for problem in problems:
        print(f"{path.name}: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
