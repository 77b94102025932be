"""palet: its exports parts (moved here from the shared modules step by step)."""

from widgets.exports import palette_derived as derived  # noqa: E402, F401 (moves here)
from widgets.exports import palette_export_rows as rows  # noqa: E402, F401 (moves here)
