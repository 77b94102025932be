"""beoordelen: its results parts (moved here from the shared modules step by step)."""

from widgets.render.results import rating_section as own  # noqa: E402, F401 (moves here)
