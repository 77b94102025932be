"""palet: its report parts (moved here from the shared modules step by step)."""

from widgets.render.report import palette_summary as summary  # noqa: E402, F401 (moves here)
from widgets.report import palette_section as section  # noqa: E402, F401 (moves here)
