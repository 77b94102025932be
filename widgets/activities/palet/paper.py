"""palet: its paper parts (moved here from the shared modules step by step)."""

from widgets.model.paper import palette_form as form  # noqa: E402, F401 (moves here)
