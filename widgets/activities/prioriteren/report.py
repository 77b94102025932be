"""prioriteren: its report parts (moved here from the shared modules step by step)."""

from widgets.render.report import priorities_summary as summary  # noqa: E402, F401 (moves here)
from widgets.report import priorities_section as section  # noqa: E402, F401 (moves here)
