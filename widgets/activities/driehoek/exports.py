"""driehoek: its exports parts (moved here from the shared modules step by step)."""

from widgets.exports import triangle_export_rows as rows  # noqa: E402, F401 (moves here)
