"""The run sheet of a publieke waarde tafel (Box 5.5): steps with timings for 90, 120 and 180 minutes."""

import json
from functools import cache
from pathlib import Path

from ..i18n import languages, t

DURATIONS = (90, 120, 180)
STATE = "tafel"  # the store's name for a running tafel's place: {"step": index, "duration": minutes}
_FILE = Path(__file__).resolve().parent.parent / "content" / "draaiboek.json"


@cache
def steps() -> tuple:
    return tuple(json.loads(_FILE.read_text(encoding="utf-8"))["steps"])


# A step for an activity beyond the tafel (the facilitator ticked it when creating the session).
EXTRA_MINUTES = {"90": 10, "120": 15, "180": 20}


def session_steps(activities) -> tuple:
    """The run sheet of a session: the tafel's steps and one step for each activity beyond the tafel the
    session has, where the session's order (the dashboard's) puts it among the tafel's own activities --
    an open question before the palette comes right after the welcome -- and never after the closing
    steps ("closing": what do we learn now, and the wrap-up)."""
    sheet = steps()
    named = {step["activity"] for step in sheet}
    place = {key: n for n, key in enumerate(activities)}
    waiting = [key for key in activities if key not in named]
    closing = next((n for n, step in enumerate(sheet) if step.get("closing")), len(sheet) - 1)
    found: list = []
    for n, step in enumerate(sheet):
        ahead = step["activity"] in place and n < closing
        due = waiting if n == closing else [key for key in waiting if ahead and place[key] < place[step["activity"]]]
        found += [extra_step(key) for key in due]
        waiting = [key for key in waiting if key not in due]
        found.append(step)
    return tuple(found)


def sheet_activities() -> tuple:
    """The activities the run sheet's steps open, in its order: a tafel ticks them when a session is created."""
    return tuple(dict.fromkeys(step["activity"] for step in steps() if step["activity"]))


def extra_step(activity: str) -> dict:
    """A step that opens ``activity``, in the words of the catalogs (every language the kit has)."""

    def words(key: str) -> dict:
        return {lang: t(key, lang, activity=t(f"activity.{activity}", lang)) for lang in languages()}

    return {
        "key": activity,
        "activity": activity,
        "minutes": EXTRA_MINUTES,
        "title": {lang: t(f"activity.{activity}", lang) for lang in languages()},
        "say": words("tafel.extra.say"),
        "show": words("tafel.extra.show"),
        "ask": {lang: t("tafel.extra.ask", lang).split(" | ") for lang in languages()},
    }


def resume_at(order, open_activities, answered) -> int:
    """Where the control bar stands when a dashboard opens again (a reload, a second laptop): at the first
    open activity in the run order, else at the last one answered, else at the start -- so "next" goes on
    from where the room is instead of sending every phone back to the first activity."""
    opened = [n for n, key in enumerate(order) if key in open_activities]
    if opened:
        return opened[0]
    done = [n for n, key in enumerate(order) if answered.get(key)]
    return done[-1] if done else 0


def minutes(step: dict, duration: int) -> int:
    return int(step["minutes"][str(duration)])


def activities_to_open(step: dict, enabled) -> set:
    """The activities a step opens (the others close): its own, if the session has it."""
    return {step["activity"]} & set(enabled) if step["activity"] else set()
