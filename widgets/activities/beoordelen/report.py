"""beoordelen: its report parts (moved here from the shared modules step by step)."""

from widgets.render.report import rating_summary as summary  # noqa: E402, F401 (moves here)
from widgets.report import rating_notes as notes  # noqa: E402, F401 (moves here)
from widgets.report import rating_section as section  # noqa: E402, F401 (moves here)
