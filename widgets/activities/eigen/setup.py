"""Eigen stellingen on the create form: the facilitator's statements, checked before the session is made.

The control page shows a ``Setup`` under the activities while its box is ticked, and stores what
``settings()`` gives as the new session's state of this activity (a pasted list is fine).
"""

from html import escape

import ipywidgets as w

from ...i18n import t
from .model import STATE, check_statements


class Setup(w.VBox):
    """The statements' field, its label above it (a column), so the whole of its long text shows."""

    def __init__(self, lang: str, max_width: str = "560px"):
        self.field = w.Textarea(
            rows=6,
            description=t("facilitator.own_statements", lang),
            placeholder=t("facilitator.own_statements_example", lang),
            style={"description_width": "initial"},
            layout=w.Layout(flex_flow="column", width="100%", max_width=max_width),
        )
        self.field.add_class("kit-f-own-statements")
        super().__init__([self.field, w.HTML(f"<small>{escape(t('facilitator.own_statements_help', lang))}</small>")])
        self.add_class("kit-f-own")

    def settings(self) -> dict:
        """``{name: value}`` to store with the session, or InputError (a Dutch message under the field)."""
        return {STATE: check_statements(self.field.value)}
