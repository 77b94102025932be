"""'Teksten modereren': the facilitator hides, restores and approves what participants typed, and removes a participant.

Every participant text of the session (each activity's ``moderation.texts``, ``widgets.model.moderation``) is a
row: its state in words ("zichtbaar", "verborgen", "wacht op goedkeuring"), a flag where a word of the list
stands in it (``widgets.model.flags``: a flag asks to look, it hides nothing), the text, and one button that
hides or restores it (and one that approves it while it waits). Flagged and waiting texts come first. The
rows are a fixed set of widgets, filled again on every change, so a session of thousands of texts draws
``ROWS`` of them, with "Vorige" / "Volgende" and a search for the others. Entry point: ``moderation_panel``.
"""

from html import escape

import ipywidgets as w

from ..activities import BY_KEY
from ..dates import time_text
from ..i18n import t
from ..model.flags import flagged
from ..model.moderation import HIDDEN, SHOWN, WAITING, ParticipantText, all_texts
from .common import Message
from .failures import StoreGuard
from .pager import Pager

ROWS = 40  # texts drawn at once; the pager and the search reach the others
ORDER = {WAITING: 0, HIDDEN: 2, SHOWN: 1}


class TextRow(w.HBox):
    """One text: its state and words, the hide / restore button and, while it waits, the approve button."""

    def __init__(self, panel: "ModerationPanel"):
        self.panel, self.text = panel, None
        self.words = w.HTML(layout=w.Layout(flex="1 1 20em", min_width="0"))
        self.toggle = w.Button(layout=w.Layout(width="auto"))
        self.toggle.add_class("kit-moderation-toggle")
        self.toggle.on_click(lambda _: self.panel.act(self._toggled))
        self.approve = w.Button(description=t("moderation.approve", panel.lang), layout=w.Layout(width="auto"))
        self.approve.add_class("kit-moderation-approve")
        self.approve.on_click(lambda _: self.panel.act(self._approved))
        super().__init__([self.words, self.toggle, self.approve])
        self.add_class("kit-moderation-row")
        self.layout = w.Layout(flex_flow="row wrap", align_items="center", display="none")

    def show(self, text: ParticipantText | None, status: str = SHOWN, group: str = "") -> None:
        self.text = text
        self.layout.display = "none" if text is None else "flex"
        if text is None:
            return
        lang = self.panel.lang
        flags = flagged(text.text)
        activity = BY_KEY[text.activity].label(lang) if text.activity in BY_KEY else text.activity
        flag = (
            f' <span class="kit-flag" data-kit-flag>{escape(t("moderation.flag", lang, words=", ".join(flags)))}</span>'
            if flags
            else ""
        )
        self.words.value = (
            f'<div class="kit-moderation-text" data-kit-status="{status}" '
            f'data-kit-text="{escape(text.text, quote=True)}">'
            f'<span class="kit-moderation-status kit-moderation-{status}">'
            f"{escape(t('moderation.status.' + status, lang))}:</span>{flag} "
            f"<q>{escape(text.text)}</q> "
            f'<span class="kit-hint">{escape(t("moderation.by", lang, activity=activity, group=group))}</span></div>'
        )
        self.toggle.description = t("moderation.restore" if status == HIDDEN else "moderation.hide", lang)
        self.toggle.tooltip = f"{self.toggle.description}: {text.text}"  # which text, for a screen reader
        self.approve.tooltip = f"{self.approve.description}: {text.text}"
        self.approve.layout.display = "" if status == WAITING else "none"

    def _toggled(self) -> None:
        if self.text is not None:
            hidden = self.panel.moderation.status(self.text) != HIDDEN
            self.panel.store.hide_text(self.panel.session.id, self.text.key, hidden=hidden)

    def _approved(self) -> None:
        if self.text is not None:
            self.panel.store.approve_text(self.panel.session.id, self.text.key, self.text.fingerprint)


class ModerationPanel(w.VBox):
    def __init__(self, store, session, lang: str, guard: StoreGuard | None = None):
        self.store, self.session, self.lang, self.guard = store, session, lang, guard
        self.moderation = store.moderation(session.id)
        self.first = w.Checkbox(description=t("moderation.approve_first", lang), indent=False)
        self.first.add_class("kit-moderation-first")
        self.first.value = self.moderation.approve_first
        self.first.observe(self._first_changed, "value")
        self.search = w.Text(
            description=t("moderation.search", lang),
            style={"description_width": "initial"},
            layout=w.Layout(width="100%", max_width="30em"),
        )
        self.search.observe(lambda _: self._searched(), "value")
        self.summary = w.HTML()
        self.approve_rest = w.Button(description=t("moderation.approve_rest", lang, n=0), layout=w.Layout(width="auto"))
        self.approve_rest.add_class("kit-moderation-approve-rest")
        self.approve_rest.on_click(lambda _: self.act(self._approve_rest))
        self.waiting: list[ParticipantText] = []  # waiting texts without a flag: what "approve the rest" approves
        self.rows = [TextRow(self) for _ in range(ROWS)]
        self.pager = Pager(lang, ROWS, lambda: self.act(lambda: None), "kit-moderation-pager")
        self.remover = self._remover()
        super().__init__(
            [
                w.HTML(
                    f"<h2>{escape(t('moderation.title', lang))}</h2>"
                    f'<p class="kit-hint">{escape(t("moderation.help", lang))}</p>'
                ),
                self.first,
                w.HTML(f'<p class="kit-hint">{escape(t("moderation.approve_first_help", lang))}</p>'),
                self.summary,
                self.approve_rest,
                self.search,
                w.VBox(self.rows),
                self.pager,
                self.remover,
            ]
        )
        self.add_class("kit-moderation")
        self.refresh(session)

    def act(self, action) -> None:
        """A store action from a button; a failing store is said in the dashboard's message line."""
        if self.guard is None:
            action()
        else:
            self.guard.run(action)
        self.refresh(self.session)

    def _searched(self) -> None:
        self.pager.start = 0  # a new search starts at its first text
        self.refresh(self.session)

    def _approve_rest(self) -> None:
        """Every waiting text without a flag, approved at once: the flagged ones still ask to be read."""
        self.store.approve_texts(self.session.id, [(text.key, text.fingerprint) for text in self.waiting])

    def _first_changed(self, change) -> None:
        if change["new"] != self.moderation.approve_first:
            self.act(lambda: self.store.set_approve_first(self.session.id, change["new"]))

    def refresh(self, session) -> None:
        self.session = session
        self.moderation = moderation = self.store.moderation(session.id)
        if self.first.value != moderation.approve_first:
            self.first.value = moderation.approve_first
        answers = self.store.answers(session.id, everything=True)
        texts = all_texts(answers)
        groups = {a.participant: a.group for a in answers}
        found = [(moderation.status(text), bool(flagged(text.text)), text) for text in texts]
        self.waiting = [text for status, flag, text in found if status == WAITING and not flag]
        self.approve_rest.layout.display = "" if self.waiting else "none"
        self.approve_rest.description = t("moderation.approve_rest", self.lang, n=len(self.waiting))
        wanted = self.search.value.strip().lower()
        shown = [f for f in found if not wanted or wanted in f[2].text.lower()]
        shown.sort(key=lambda f: (not f[1], ORDER[f[0]]))  # flagged first, then waiting, then the rest
        page = shown[self.pager.window(len(shown))]
        for row, found_text in zip(self.rows, page + [None] * (ROWS - len(page)), strict=True):
            if found_text is None:
                row.show(None)
            else:
                status, _, text = found_text
                row.show(text, status, session.group_label(groups.get(text.participant, "")))
        lang = self.lang
        self.summary.value = (
            '<p class="kit-moderation-summary">'
            + escape(
                t(
                    "moderation.counts",
                    lang,
                    total=len(found),
                    hidden=sum(f[0] == HIDDEN for f in found),
                    waiting=sum(f[0] == WAITING for f in found),
                    flagged=sum(f[1] for f in found),
                )
                if found
                else t("moderation.none", lang)
            )
            + "</p>"
        )
        self._fill_remover(session)

    # ------------------------------------------------------------ removing a participant
    def _remover(self) -> w.Widget:
        lang = self.lang
        self.who = w.Dropdown(description=t("moderation.participant", lang), style={"description_width": "initial"})
        self.who.add_class("kit-remove-who")
        self.confirm = w.Checkbox(description=t("moderation.remove_confirm", lang), indent=False)
        self.confirm.add_class("kit-remove-confirm")
        remove = w.Button(description=t("moderation.remove", lang), button_style="danger")
        remove.add_class("kit-remove-participant")
        remove.on_click(lambda _: self.remove())
        self.removed = Message()
        box = w.VBox(
            [
                w.HTML(
                    f"<h3>{escape(t('moderation.remove', lang))}</h3>"
                    f'<p class="kit-hint">{escape(t("moderation.remove_help", lang))}</p>'
                ),
                self.who,
                w.HBox([self.confirm, remove], layout=w.Layout(flex_flow="row wrap", align_items="center")),
                self.removed,
            ]
        )
        box.add_class("kit-danger-zone")
        return box

    def _fill_remover(self, session) -> None:
        """Each participant as the facilitator knows them: group and name, or "zonder naam" and when they joined."""
        lang, options = self.lang, []
        self.names = {}
        for ref, group, name, joined, n in self.store.participant_answers(session.id):
            who = name or t("moderation.unnamed", lang, time=time_text(joined, lang))
            self.names[ref] = f"{session.group_label(group)} · {who}"
            answers = t("moderation.answers", lang, n=n)
            options.append(
                (
                    t(
                        "moderation.participant_option",
                        lang,
                        group=session.group_label(group),
                        who=who,
                        answers=answers,
                    ),
                    ref,
                )
            )
        if list(self.who.options) != options:
            chosen = self.who.value
            self.who.options = options
            self.who.value = chosen if chosen in {ref for _, ref in options} else None

    def remove(self) -> None:
        ref = self.who.value
        if not ref or not self.confirm.value:
            self.removed.show(t("moderation.remove_first_confirm", self.lang), "error")
            return
        who = self.names.get(ref, "")
        gone: list[int] = []
        self.act(lambda: gone.append(self.store.remove_participant(self.session.id, ref)))
        self.confirm.value = False
        if gone:
            self.removed.show(t("moderation.removed", self.lang, who=who, n=gone[0]), "ok")


def moderation_panel(store, session, lang: str, guard: StoreGuard | None = None) -> ModerationPanel:
    """The panel for the dashboard (a tab of its own); ``refresh(session)`` follows the store."""
    return ModerationPanel(store, session, lang, guard)
