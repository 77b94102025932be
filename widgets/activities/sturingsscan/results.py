"""sturingsscan: its results parts (moved here from the shared modules step by step)."""

from widgets.activities.sturingsscan.report import sturingsscan_results as own  # noqa: E402, F401 (moves here)
