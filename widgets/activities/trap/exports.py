"""trap: its exports parts (moved here from the shared modules step by step)."""

from widgets.activities.trap.report import ladder_export_rows as rows  # noqa: E402, F401 (moves here)
