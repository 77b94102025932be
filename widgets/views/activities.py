"""Which activities have views: activity key -> participant and facilitator view classes.

Each activity module registers itself here; a session can only switch on
activities that are registered, so nobody meets an empty screen. Lookups go
through the functions below, which import the built-in activity modules first.
"""

import importlib

BUILTIN = ("palette", "priorities", "rating", "triangle")

_PARTICIPANT_VIEWS = {}
_FACILITATOR_VIEWS = {}


def register(activity: str, participant_view, facilitator_view) -> None:
    _PARTICIPANT_VIEWS[activity] = participant_view
    _FACILITATOR_VIEWS[activity] = facilitator_view


def _load_builtin() -> None:
    for name in BUILTIN:
        importlib.import_module(f"{__package__}.{name}")


def participant_views() -> dict:
    _load_builtin()
    return _PARTICIPANT_VIEWS


def facilitator_views() -> dict:
    _load_builtin()
    return _FACILITATOR_VIEWS


def available() -> tuple:
    from ..model.sessions import ACTIVITIES

    views = participant_views()
    return tuple(a for a in ACTIVITIES if a in views)
