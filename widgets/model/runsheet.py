"""The run sheet of a publieke waarde tafel (Box 5.5): steps with timings for 90, 120 and 180 minutes."""

import json
from functools import cache
from pathlib import Path

DURATIONS = (90, 120, 180)
STATE = "tafel"  # the store's name for a running tafel's place: {"step": index, "duration": minutes}
_FILE = Path(__file__).resolve().parent.parent / "content" / "draaiboek.json"


@cache
def steps() -> tuple:
    return tuple(json.loads(_FILE.read_text(encoding="utf-8"))["steps"])


def minutes(step: dict, duration: int) -> int:
    return int(step["minutes"][str(duration)])


def activities_to_open(step: dict, enabled) -> set:
    """The activities a step opens (the others close): its own, if the session has it."""
    return {step["activity"]} & set(enabled) if step["activity"] else set()
