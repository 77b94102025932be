"""Open vraag on the dashboard: which question the room is asked (one of the book's, or the facilitator's own), the
word cloud per group (marked where participants do not see it) and every answer."""

import ipywidgets as w

from ...i18n import error_message, t
from ...model.validation import InputError
from ...render.blocks import DASHBOARD, blocks_html
from ...views.failures import store_action
from ...views.table_dashboard import TableDashboard
from .model import ACTIVITY, GUIDE, GUIDES, QUESTION, asked, check_question
from .render import asked_html
from .results import blocks


class Dashboard(TableDashboard):
    key = ACTIVITY
    classes = ("kit-openvraag-figures",)
    reveal_class = "kit-openvraag-reveal"
    message_first = True

    def __init__(self, store, session, lang):
        super().__init__(store, session, lang)
        self.asked = w.HTML()
        self.asked.add_class("kit-openvraag-asked")
        self.guide = w.Dropdown(
            options=[(t(f"openvraag.guide.{key}", lang), key) for key in GUIDES],
            description=t("openvraag.dash.guide", lang),
            style={"description_width": "initial"},
            layout=w.Layout(width="100%", max_width="640px", flex_flow="column"),
        )
        self.guide.add_class("kit-stacked")
        # the label above its field: a long label beside a field as wide as the tab pushed it out of the panel
        self.own = w.Text(
            description=t("openvraag.dash.own", lang),
            style={"description_width": "initial"},
            layout=w.Layout(width="100%", max_width="640px", flex_flow="column"),
        )
        self.own.add_class("kit-openvraag-own")
        self.own.add_class("kit-stacked")
        save = w.Button(description=t("openvraag.dash.save", lang), button_style="primary")
        save.add_class("kit-openvraag-save")
        save.on_click(lambda _: self.save())
        title = w.HTML(f"<h3>{t('openvraag.title', lang)}</h3>")
        self.children = (title, self.asked, self.guide, self.own, save, self.message, self.figures)
        self.load()

    def load(self) -> None:
        """The form as stored: the guide chosen, the own question's words."""
        own, guide = asked(self.store.state(self.session.id, ACTIVITY))
        self.own.value = own
        self.guide.value = guide or self.store.state(self.session.id, ACTIVITY).get(GUIDE) or GUIDES[0]

    @store_action
    def save(self) -> None:
        """Store the guide and the own question (empty: the guide is asked); a bad question is said, not stored."""
        try:
            own = check_question(self.own.value) if self.own.value.strip() else ""
        except InputError as error:
            self.message.show(error_message(error, self.lang), "error")
            return
        self.store.set_state(self.session.id, ACTIVITY, GUIDE, self.guide.value)
        self.store.set_state(self.session.id, ACTIVITY, QUESTION, own)
        self.message.clear()
        self.refresh(self.session)

    def html(self, session) -> str:
        state = self.store.state(session.id, ACTIVITY)
        self.asked.value = asked_html(state, self.lang)
        answers = self.store.answers(session.id, ACTIVITY)
        return blocks_html(blocks({ACTIVITY: answers}, {ACTIVITY: state}, session, self.lang), DASHBOARD, self.lang)
