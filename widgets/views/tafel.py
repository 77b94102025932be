"""The publieke waarde tafel: the facilitator's control page with a run sheet that opens one step at a time.

Before a session exists the page says what a tafel is and previews the run sheet; once it
runs, the step it is at is also on the presentation screen (its title only, never the script).
"""

from html import escape

import ipywidgets as w

from ..i18n import pick, t
from ..model.runsheet import DURATIONS, STATE, activities_to_open, minutes, session_steps, sheet_activities, steps
from .facilitator import FacilitatorApp
from .failures import store_action


def preview_html(lang: str, duration: int = 120) -> str:
    """What a tafel is and its steps with their minutes, before a session exists."""
    items = "".join(
        f"<li><b>{escape(pick(step['title'], lang))}</b> "
        f"({escape(t('tafel.minutes', lang, n=minutes(step, duration)))}): {escape(pick(step['show'], lang))}</li>"
        for step in steps()
    )
    return (
        f'<section class="kit-tafel-preview"><h1>{t("tafel.title", lang)}</h1>'
        f"<p>{t('tafel.intro', lang)}</p>"
        f"<h2>{t('tafel.preview', lang, n=duration)}</h2><ol>{items}</ol>"
        f"<p>{t('tafel.preview_start', lang)}</p></section>"
    )


class TafelApp(FacilitatorApp):
    shortcuts_key = "tafel.shortcuts"
    bar_keys = False  # → ← S walk the run sheet here; the bar keeps R

    def show_start(self) -> None:
        super().show_start()
        self.body.children = [w.HTML(preview_html(self.lang)), *self.body.children[1:]]
        # the run sheet's activities ticked (Box 5.5's and the closing "wat leren we nu"); the others as on the
        # control page
        for key, box in zip(self.f_activity_keys, self.f_activities, strict=True):
            box.value = box.value or key in sheet_activities()

    def show_dashboard(self, session, key: str) -> None:
        self.steps = session_steps(session.activities)  # the tafel's steps and one per activity beyond it
        super().show_dashboard(session, key)
        state = self.store.state(session.id, STATE)
        self.duration = w.ToggleButtons(
            options=[(t("tafel.minutes", self.lang, n=d), d) for d in DURATIONS],
            value=state.get("duration", 120),
            description=t("tafel.duration", self.lang),
            style={"description_width": "initial"},
        )
        self.step_index = max(0, min(len(self.steps) - 1, int(state.get("step", 0))))
        self.card = w.HTML()
        self.card.add_class("kit-tafel-step")
        self.step_message = w.HTML()
        previous = w.Button(description=t("tafel.previous", self.lang))
        following = w.Button(description=t("tafel.next", self.lang))
        start = w.Button(description=t("tafel.start_step", self.lang), button_style="primary")
        start.add_class("kit-tafel-start")
        for button, shortcut in ((previous, "kit-key-previous"), (following, "kit-key-next"), (start, "kit-key-start")):
            button.add_class(shortcut)
        previous.on_click(lambda _: self.move(-1))
        following.on_click(lambda _: self.move(+1))
        start.on_click(lambda _: self.start_step())
        self.duration.observe(lambda _: self.save_place(), "value")
        runsheet = w.VBox(
            [
                w.HTML(f"<h2>{t('tafel.title', self.lang)}</h2>"),
                self.duration,
                self.card,
                w.HBox([previous, start, following]),
                self.step_message,
            ]
        )
        runsheet.add_class("kit-tafel")
        children = list(self.body.children)  # title, join and screen, then the run sheet
        self.body.children = [*children[:2], runsheet, *children[2:]]
        if "step" not in state:
            self.save_place()  # the presentation screen shows the step from the start
        self.show_step()
        if not session.open_activities:  # an open activity is where the room is; else where the sheet is
            self.follow_step()

    @store_action
    def save_place(self) -> None:
        self.store.set_states(self.session.id, STATE, {"step": self.step_index, "duration": self.duration.value})
        self.show_step()

    def move(self, delta: int) -> None:
        self.step_index = max(0, min(len(self.steps) - 1, self.step_index + delta))
        self.step_message.value = ""
        self.save_place()
        self.follow_step()

    def follow_step(self) -> None:
        """The bar and the tabs stand at the step's activity (S then opens it): never two places at once."""
        wanted = activities_to_open(self.steps[self.step_index], self.session.activities)
        shown = [a for a in self.order if a in wanted]
        if shown:
            self.choose(self.order.index(shown[0]))

    def show_step(self) -> None:
        step = self.steps[self.step_index]
        ask = "".join(f"<li>{escape(q)}</li>" for q in pick(step["ask"], self.lang))
        self.card.value = (
            f'<div class="kit-card" data-kit-step="{step["key"]}"><h3>'
            + escape(
                t(
                    "tafel.step",
                    self.lang,
                    n=self.step_index + 1,
                    total=len(self.steps),
                    title=pick(step["title"], self.lang),
                    minutes=minutes(step, self.duration.value),
                )
            )
            + f"</h3><p><b>{t('tafel.say', self.lang)}:</b> {escape(pick(step['say'], self.lang))}</p>"
            f"<p><b>{t('tafel.show', self.lang)}:</b> {escape(pick(step['show'], self.lang))}</p>"
            f"<p><b>{t('tafel.ask', self.lang)}:</b></p><ul>{ask}</ul></div>"
        )

    @store_action
    def start_step(self) -> None:
        """Open this step's activity and close every other one."""
        step = self.steps[self.step_index]
        wanted = activities_to_open(step, self.session.activities)
        self.store.set_open_activities(self.session.id, wanted)  # one transaction: never half a step
        opened = [a for a in self.order if a in wanted]
        if opened:
            self.choose(self.order.index(opened[0]))  # the bar and the tabs follow the step
        title = pick(step["title"], self.lang)
        key = "tafel.started" if wanted else "tafel.started_none"
        self.step_message.value = (
            f'<div class="kit-message kit-message-ok">{escape(t(key, self.lang, title=title))}</div>'
        )
        self.poller.check()
