"""The participatieverslag's one field on the dashboard: what the facilitator or municipality does with the outcome.

Kept in the session (``widgets.model.verslag``) so that the verslag, built from the session's export,
says it; the download itself is listed with the report (``widgets.report.files``).
"""

from html import escape

import ipywidgets as w

from ..i18n import error_message, t
from ..model.validation import InputError
from ..model.verslag import MAX_CHARS, OUTCOME, STATE, check_outcome
from .common import Message
from .failures import StoreGuard, store_action


class OutcomeField(w.VBox):
    """A text area with a save button; a refusal is said in Dutch and stores nothing."""

    def __init__(self, store, session, lang: str):
        self.store, self.session_id, self.lang = store, session.id, lang
        self.message = Message()
        self.guard = StoreGuard(self.message, lang, store)
        self.text = w.Textarea(
            value=self.stored(),
            rows=5,
            placeholder=t("verslag.field.placeholder", lang),
            layout=w.Layout(width="100%", max_width="640px"),
        )
        self.text.add_class("kit-verslag-outcome")
        save = w.Button(description=t("verslag.field.save", lang))
        save.add_class("kit-verslag-save")
        save.on_click(lambda _: self.save())
        super().__init__(
            [
                w.HTML(
                    f"<h3>{escape(t('verslag.field.title', lang))}</h3>"
                    f'<p class="kit-hint">{escape(t("verslag.field.help", lang, max=MAX_CHARS))}</p>'
                ),
                self.text,
                save,
                self.message,
            ]
        )
        self.add_class("kit-verslag-field")

    def stored(self) -> str:
        return str(self.store.state(self.session_id, STATE).get(OUTCOME, ""))

    @store_action
    def save(self) -> None:
        try:
            text = check_outcome(self.text.value)
        except InputError as error:
            self.message.show(error_message(error, self.lang), "error")
            return
        self.store.set_state(self.session_id, STATE, OUTCOME, text)
        self.text.value = text
        self.message.show(t("verslag.field.saved", self.lang), "ok")
