"""driehoek: its paper parts (moved here from the shared modules step by step)."""

from widgets.model.paper import triangle_form as form  # noqa: E402, F401 (moves here)
