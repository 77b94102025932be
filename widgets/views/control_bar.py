"""The facilitator's control bar: what runs now and the buttons that change it, kept in view at the top.

It only draws; the control page (``facilitator.FacilitatorApp``) owns the store. Its buttons carry
the classes the Voila page's script (``kit.js``) clicks for the clicker keys: ``kit-key-previous``
(← / Page Up), ``kit-key-next`` (→ / Page Down), ``kit-key-start`` (S) and ``kit-key-reveal`` (R).
The tafel keeps → ← S for its run sheet, so there the bar offers only R.
"""

from html import escape

import ipywidgets as w

from ..i18n import t
from .common import Message


def state_badge(label: str, on: bool, on_text: str, off_text: str) -> str:
    """A state written out in words, with a coloured dot, never shaped like a button ("Open: ja")."""
    kind = "on" if on else "off"
    return (
        f'<span class="kit-state kit-state-{kind}">{escape(label)}: <b>{escape(on_text if on else off_text)}</b></span>'
    )


class ControlBar(w.VBox):
    """Code and participants, what is open, what runs now, then open or close / also open / results, previous / next.

    ``actions`` maps ``previous``, ``next``, ``open``, ``also`` and ``reveal`` to callables without arguments.
    """

    def __init__(self, lang: str, actions: dict, keys: bool = True):
        self.lang = lang
        self.summary = w.HTML()
        self.summary.add_class("kit-bar-summary")
        self.current = w.HTML()
        self.current.add_class("kit-bar-current")
        self.message = Message()
        self.message.add_class("kit-bar-message")
        self.buttons = {}
        shortcut = {"previous": "kit-key-previous", "next": "kit-key-next", "open": "kit-key-start"}
        for name in ("previous", "open", "also", "reveal", "next"):
            button = w.Button(layout=w.Layout(width="auto"))
            button.add_class(f"kit-bar-{name}")
            if keys and name in shortcut:
                button.add_class(shortcut[name])
            if name == "reveal":
                button.add_class("kit-key-reveal")
            button.on_click(lambda _, action=actions[name]: action())
            self.buttons[name] = button

        def row(*children, css=""):
            box = w.HBox(list(children), layout=w.Layout(flex_flow="row wrap", align_items="center"))
            if css:
                box.add_class(css)
            return box

        # the buttons in one row under what runs now; too narrow for it, a group wraps whole, never a lone button
        actions = row(self.buttons["open"], self.buttons["also"], self.buttons["reveal"], css="kit-bar-actions")
        moves = row(self.buttons["previous"], self.buttons["next"], css="kit-bar-moves")
        super().__init__([self.summary, self.current, row(actions, moves, css="kit-bar-buttons"), self.message])
        self.add_class("kit-control-bar")

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    def show(self, session, order, index: int, participants: int, answered: int, revealed, screen: str) -> None:
        """Draw the bar for ``order[index]``; ``revealed`` is None for an activity without results to show."""
        label = {a: self.t("activity." + a) for a in order}
        open_now = [label[a] for a in session.open_activities if a in label]
        state = self.t("bar.open_now", activities=", ".join(open_now)) if open_now else self.t("bar.nothing_open")
        closed = "" if session.is_open else f" · <b>{escape(self.t('bar.session_closed'))}</b>"
        self.summary.value = (
            f'<div class="kit-bar-line"><span class="kit-bar-code">{escape(self.t("bar.code"))} '
            f"<b data-kit-join-code>{escape(session.code)}</b></span>"
            f' · <span class="kit-bar-count" data-kit-total>{escape(self.t("bar.participants", n=participants))}</span>'
            f'{closed} · <span class="kit-bar-open-now">{escape(state)}</span>'
            f' <a class="kit-button-link kit-bar-screen" data-kit-screen href="{escape(screen, quote=True)}" '
            f'target="kit-scherm">{escape(self.t("facilitator.open_screen"))}</a></div>'
        )
        if not order:
            self.current.value = f"<p>{escape(self.t('facilitator.no_activities'))}</p>"
            for button in self.buttons.values():
                button.layout.display = "none"
            return
        activity = order[index]
        is_open = activity in session.open_activities
        notes = [
            state_badge(self.t("facilitator.open_state"), is_open, self.t("facilitator.yes"), self.t("facilitator.no"))
        ]
        if revealed is not None:
            notes.append(
                state_badge(
                    self.t("bar.results_state"), revealed, self.t("bar.results_shown"), self.t("bar.results_hidden")
                )
            )
        notes.append(f'<span class="kit-answered">{escape(self.t("facilitator.answered", n=answered))}</span>')
        self.current.value = (
            f'<div class="kit-bar-activity" data-kit-current="{escape(activity, quote=True)}">'
            f'<span class="kit-bar-position">{escape(self.t("bar.position", n=index + 1, total=len(order)))}</span> '
            f"<strong>{escape(label[activity])}</strong><br>{' '.join(notes)}</div>"
        )
        previous, following = self.buttons["previous"], self.buttons["next"]
        previous.description = self.t("bar.previous", activity=label[order[index - 1]]) if index else "← "
        previous.disabled = index == 0
        previous.layout.display = "none" if index == 0 else ""
        last = index == len(order) - 1
        following.description = " →" if last else self.t("bar.next", activity=label[order[index + 1]])
        following.disabled = last
        following.layout.display = "none" if last else ""
        opener = self.buttons["open"]
        opener.description = self.t(
            "facilitator.close_activity" if is_open else "facilitator.open_activity", activity=label[activity]
        )
        opener.button_style = "warning" if is_open else "success"
        opener.tooltip = "" if is_open else self.t("bar.open_help")
        others = [label[a] for a in session.open_activities if a in label and a != activity]
        also = self.buttons["also"]
        also.layout.display = "" if others and not is_open else "none"
        also.description = self.t("bar.also_open", activities=", ".join(others))
        reveal = self.buttons["reveal"]
        reveal.layout.display = "none" if revealed is None else ""
        reveal.disabled = revealed is None  # R does nothing where there are no results to show
        reveal.description = self.t("facilitator.hide_results" if revealed else "facilitator.show_results")
        reveal.button_style = "info" if revealed else ""
