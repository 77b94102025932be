"""sturingsscan: its exports parts (moved here from the shared modules step by step)."""

from widgets.activities.sturingsscan.report import sturingsscan_derived as derived  # noqa: E402, F401 (moves here)
from widgets.activities.sturingsscan.report import sturingsscan_export_rows as rows  # noqa: E402, F401 (moves here)
