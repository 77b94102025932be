"""An activity's dashboard that is one live HTML of tables, with the switch that shows them on the phones."""

from collections.abc import Callable

import ipywidgets as w

from ..i18n import t
from .common import Message, RevealSwitch
from .failures import StoreGuard


class TableDashboard(w.VBox):
    """The activity's title, its figures (redrawn on every ``refresh``) and the line that says a failing store.

    A subclass names its activity (``key``: the title is ``<key>.title``, the reveal switch says
    ``<key>.dash.reveal``), the classes of its figures and of its switch, and how its answers are drawn
    (``draw``, or ``html`` where the figures need more than the answers).
    """

    key = ""
    classes: tuple[str, ...] = ()  # of the figures, for the page's style and the browser tests
    reveal_class = ""
    message_first = False  # the message line above the figures instead of under them
    # the figures of the activity's answers (a staticmethod): (answers, session, lang) -> HTML
    draw: Callable[..., str] | None = None

    def __init__(self, store, session, lang):
        self.store, self.session, self.lang = store, session, lang
        self.figures = w.HTML()
        for css in self.classes:
            self.figures.add_class(css)
        self.message = Message()
        self.guard = StoreGuard(self.message, lang, store)
        # shown in the control page's row of this activity (views.facilitator), not in this view
        self.reveal = RevealSwitch(
            store, session, self.key, t(f"{self.key}.dash.reveal", lang), self.reveal_class, guard=self.guard
        )
        parts = [self.message, self.figures] if self.message_first else [self.figures, self.message]
        super().__init__([w.HTML(f"<h3>{t(f'{self.key}.title', lang)}</h3>"), *parts])
        self.add_class(f"kit-dashboard-{self.key}")

    def html(self, session) -> str:
        """The figures of the session's answers, as HTML."""
        return self.draw(self.store.answers(session.id, self.key), session, self.lang)

    def refresh(self, session) -> None:
        self.session = session
        self.reveal.sync()
        self.figures.value = self.html(session)
