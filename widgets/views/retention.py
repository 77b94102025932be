"""The dashboard's line on when the kit deletes the session, with the facilitator's own retention.

"Deze sessie wordt verwijderd op 7 maart 2027": the date moves with every join, answer and change
(``sessions.updated_at``); the server's purge (``widgets.web.service``) deletes it then. The line
stands right above the downloads, so the export is at hand before that date.
"""

from html import escape

import ipywidgets as w

from ..dates import date_in_words, datetime_text
from ..i18n import error_message, t
from ..model.validation import InputError
from ..settings import LEAST_RETENTION_DAYS, MOST_RETENTION_DAYS, retention_days
from .common import Message
from .failures import store_action


class RetentionPanel(w.VBox):
    def __init__(self, store, session, lang: str, guard):
        self.store, self.session, self.lang, self.guard = store, session, lang, guard
        self.line = w.HTML()
        self.line.add_class("kit-retention")
        self.days = w.BoundedIntText(
            value=session.retention_days or retention_days(),
            min=LEAST_RETENTION_DAYS,
            max=MOST_RETENTION_DAYS,
            description=t("facilitator.retention.days", lang),
            style={"description_width": "initial"},
            layout=w.Layout(width="14rem"),
        )
        self.days.add_class("kit-retention-days")
        change = w.Button(description=t("facilitator.retention.set", lang))
        change.add_class("kit-retention-set")
        change.on_click(lambda _: self.save())
        self.message = Message()
        help_text = t(
            "facilitator.retention.help",
            lang,
            least=LEAST_RETENTION_DAYS,
            most=MOST_RETENTION_DAYS,
            default=retention_days(),
        )
        super().__init__(
            [
                w.HTML(f"<h3>{escape(t('facilitator.retention.heading', lang))}</h3>"),
                self.line,
                w.HBox([self.days, change], layout=w.Layout(flex_flow="row wrap", align_items="center")),
                w.HTML(f'<p class="kit-hint">{escape(help_text)}</p>'),
                self.message,
            ]
        )
        self.sync(session)

    def sync(self, session) -> None:
        """The date as the store has it now (every write moves it)."""
        self.session = session
        days = session.retention_days or retention_days()
        when = t(
            "facilitator.retention.when",
            self.lang,
            date=date_in_words(session.purge_at(retention_days()), self.lang),
            days=days,
            last=datetime_text(session.updated_at, self.lang),
        )
        value = f"<p><b>{escape(when)}</b></p><p>{escape(t('facilitator.retention.export_first', self.lang))}</p>"
        if self.line.value != value:
            self.line.value = value

    @store_action
    def save(self) -> None:
        try:
            session = self.store.set_retention(self.session.id, self.days.value)
        except InputError as error:
            self.message.show(error_message(error, self.lang), "error")
            return
        self.sync(session)
        self.message.show(t("facilitator.retention.saved", self.lang, days=session.retention_days), "ok")
