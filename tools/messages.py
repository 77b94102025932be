"""Add or update messages in both catalogs at once (developer tool).

    python tools/messages.py key "Nederlandse tekst" "English text"

Keys stay sorted so diffs of the catalogs are readable.
"""

import json
import sys
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "widgets" / "locale"


def update(pairs) -> None:
    for index, lang in enumerate(("nl", "en")):
        path = LOCALE / f"{lang}.json"
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        for key, texts in pairs.items():
            data[key] = texts[index]
        path.write_text(json.dumps(dict(sorted(data.items())), ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) == 4:
        update({sys.argv[1]: (sys.argv[2], sys.argv[3])})
    else:
        update({k: tuple(v) for k, v in json.load(sys.stdin).items()})
