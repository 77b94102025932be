"""Rewrite requirements.txt (and binder/requirements.txt) from the current venv.

Direct dependencies keep their place at the top; everything else pip reports
is pinned below them, so a fresh venv is exactly the tested one.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    current = (ROOT / "requirements.txt").read_text().splitlines()
    marker = current.index("# transitive")
    direct_names = {line.split("==")[0].lower() for line in current[:marker] if "==" in line}
    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude-editable"], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    pins = {line.split("==")[0].lower(): line for line in frozen if "==" in line}
    head = [pins.get(line.split("==")[0].lower(), line) if "==" in line else line for line in current[: marker + 1]]
    rest = sorted((line for name, line in pins.items() if name not in direct_names), key=str.lower)
    text = "\n".join(head + rest) + "\n"
    for path in (ROOT / "requirements.txt", ROOT / "binder" / "requirements.txt"):
        path.write_text(text)


if __name__ == "__main__":
    main()
