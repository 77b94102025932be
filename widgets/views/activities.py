"""Which activities have views: activity key -> participant and facilitator view classes.

Each activity module registers itself here; a session can only switch on
activities that are registered, so nobody meets an empty screen.
"""

PARTICIPANT_VIEWS = {}
FACILITATOR_VIEWS = {}


def register(activity: str, participant_view, facilitator_view) -> None:
    PARTICIPANT_VIEWS[activity] = participant_view
    FACILITATOR_VIEWS[activity] = facilitator_view


def available() -> tuple:
    from ..model.sessions import ACTIVITIES

    _load_builtin()
    return tuple(a for a in ACTIVITIES if a in PARTICIPANT_VIEWS)


def _load_builtin() -> None:
    """Import the activity modules that ship with the kit (each calls ``register``)."""
    import importlib

    for name in BUILTIN:
        importlib.import_module(f"{__package__}.{name}")


BUILTIN = ("palette", "rating")
