"""driehoek: its report parts (moved here from the shared modules step by step)."""

from widgets.render.report import triangle_summary as summary  # noqa: E402, F401 (moves here)
from widgets.report import triangle_notes as notes  # noqa: E402, F401 (moves here)
from widgets.report import triangle_section as section  # noqa: E402, F401 (moves here)
