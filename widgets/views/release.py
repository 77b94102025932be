"""'Resultaten vrijgeven aan deelnemers': the session-level switch that opens every participant's results page.

Kept as ``store.state(session, RESULTS)[RELEASED]`` (``widgets.model.results``), like an
activity's RevealSwitch; the state is also written out in words next to the toggle, so it
does not rest on the button's colour alone.
"""

from html import escape

import ipywidgets as w

from ..i18n import t
from ..model.results import RELEASED, RESULTS, is_released


class ReleaseSwitch(w.HBox):
    """The toggle, its state in words and what releasing means; ``sync()`` follows the store."""

    def __init__(self, store, session, lang: str, guard=None):
        self.store, self.session_id, self.lang = store, session.id, lang
        self.guard = guard  # failures.StoreGuard: a failed save is said in the view's message line
        self._reverting = False
        self.toggle = w.ToggleButton(description=t("resultaten.switch", lang), value=self.stored())
        self.toggle.add_class("kit-results-release")
        self.toggle.layout.width = "auto"
        self.state_text = w.HTML()
        self.help = w.HTML(f'<p class="kit-hint">{escape(t("resultaten.switch_help", lang))}</p>')
        self.toggle.observe(self._changed, "value")
        self._show()
        super().__init__(
            [self.toggle, self.state_text, self.help], layout=w.Layout(flex_flow="row wrap", align_items="center")
        )

    @property
    def value(self) -> bool:
        return self.toggle.value

    def stored(self) -> bool:
        return is_released(self.store.state(self.session_id, RESULTS))

    def sync(self) -> None:
        self.toggle.value = self.stored()
        self._show()

    def _changed(self, change) -> None:
        if not self._reverting:
            saved = self._save(change["new"]) if self.guard is None else self.guard.run(self._save, change["new"])
            if self.guard is not None and not saved:
                self._reverting = True  # not stored: the switch shows what the participants see
                try:
                    self.toggle.value = change["old"]
                finally:
                    self._reverting = False
        self._show()

    def _save(self, value) -> bool:
        if bool(value) != self.stored():
            self.store.set_state(self.session_id, RESULTS, RELEASED, bool(value))
        return True

    def _show(self) -> None:
        on = self.toggle.value
        kind = "on" if on else "off"
        words = t("resultaten.switch_on" if on else "resultaten.switch_off", self.lang)
        self.state_text.value = (
            f'<span class="kit-state kit-state-{kind}" data-kit-released="{str(on).lower()}">'
            f"{escape(t('resultaten.switch_state', self.lang))}: <b>{escape(words)}</b></span>"
        )
