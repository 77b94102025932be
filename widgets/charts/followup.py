"""What the charts of a follow-up session's change share: each group's colour, and the room's."""

from ..colors import group_color
from ..model.followup import ROOM

EVERYONE = "#000000"


def colors(groups) -> dict:
    """``{group key: colour}`` for the comparison's ``(key, label)`` groups, the room (``ROOM``) in black."""
    found = {key: group_color(i) for i, (key, _) in enumerate(groups)}
    found[ROOM] = EVERYONE
    return found
