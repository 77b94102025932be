"""The prioriteren activity: 100 points over the group's palette values, ranked live for the facilitator."""

from html import escape

import ipywidgets as w

from ..i18n import error_message, t
from ..model.priorities import ACTIVITY, ITEM, POINTS, check_allocation, rank, spreadable_values
from ..model.validation import InputError
from .activities import register
from .common import Message, replace_children

PALETTE = "palet"


def palette_values(store, session, selection=None) -> list:
    """The merged palette values ``[(key, label, mentions)]`` to spread points over (the facilitator's selection)."""
    if selection is None:
        selection = store.state(session.id, ACTIVITY).get("selection") or []
    merges = store.state(session.id, PALETTE).get("merges")
    return spreadable_values(store.answers(session.id, PALETTE), merges, selection)


class PrioritiesParticipant(w.VBox):
    def __init__(self, store, session, participant, lang):
        self.store, self.session, self.participant, self.lang = store, session, participant, lang
        self.value_keys = None
        self.inputs = {}
        self.rows = w.VBox()
        self.remaining = w.HTML()
        self.remaining.add_class("kit-prio-remaining")
        self.save = w.Button(description=t("prioriteren.save", lang), button_style="primary",
                             layout=w.Layout(width="100%", height="44px"))
        self.save.add_class("kit-prio-save")
        self.save.on_click(lambda _: self.submit())
        self.message = Message()
        super().__init__([w.HTML(f"<h3>{t('prioriteren.title', lang)}</h3><p>{t('prioriteren.intro', lang)}</p>"),
                          self.rows, self.remaining, self.save, self.message])
        self.add_class("kit-activity-prioriteren")
        self.refresh(session)

    def refresh(self, session) -> None:
        self.session = session
        values = palette_values(self.store, session)
        keys = [key for key, _, _ in values]
        if keys == self.value_keys:
            return
        self.value_keys = keys
        entered = {key: box.value for key, box in self.inputs.items()}
        stored = self.store.my_answers(self.participant.token, ACTIVITY).get(ITEM, {})
        self.inputs, rows = {}, []
        for key, label, _ in values:
            box = w.BoundedIntText(value=entered.get(key, stored.get(key, 0)), min=0, max=POINTS,
                                   layout=w.Layout(width="90px"))
            box.add_class("kit-prio-points")
            box.observe(lambda _: self.show_remaining(), "value")
            self.inputs[key] = box
            rows.append(w.HBox([w.HTML(f'<span class="kit-prio-label">{escape(label)}</span>',
                                       layout=w.Layout(flex="1 1 auto")), box],
                               layout=w.Layout(width="100%", align_items="center")))
        replace_children(self.rows, rows or [w.HTML(f"<p>{t('prioriteren.empty', self.lang)}</p>")])
        self.save.disabled = not rows
        self.show_remaining()

    def show_remaining(self) -> None:
        left = POINTS - sum(box.value for box in self.inputs.values())
        self.remaining.value = f'<p data-kit-remaining="{left}"><b>{t("prioriteren.remaining", self.lang, n=left)}</b></p>'

    def submit(self) -> None:
        try:
            allocation = check_allocation({k: box.value for k, box in self.inputs.items()}, self.value_keys)
            self.store.submit(self.participant.token, ACTIVITY, {ITEM: allocation})
        except InputError as error:
            self.message.show(error_message(error, self.lang), "error")
            return
        self.message.show(t("prioriteren.saved", self.lang), "ok")


class PrioritiesDashboard(w.VBox):
    def __init__(self, store, session, lang):
        self.store, self.session, self.lang = store, session, lang
        self.table = w.HTML()
        self.table.add_class("kit-prio-ranking")
        self.selection = w.SelectMultiple(rows=6, layout=w.Layout(width="100%"))
        save = w.Button(description=t("prioriteren.dash.save_selection", lang))
        save.on_click(lambda _: self.store.set_state(self.session.id, ACTIVITY, "selection",
                                                     list(self.selection.value)))
        super().__init__([w.HTML(f"<h3>{t('prioriteren.title', lang)}</h3>"), self.table,
                          w.HTML(f"<small>{t('prioriteren.dash.selection', lang)}</small>"), self.selection, save])
        self.add_class("kit-dashboard-prioriteren")

    def refresh(self, session) -> None:
        self.session = session
        options = [(label, key) for key, label, _ in palette_values(self.store, session, selection=())]
        if list(self.selection.options) != options:
            chosen = self.store.state(session.id, ACTIVITY).get("selection") or []
            self.selection.options = options
            self.selection.value = tuple(k for k in chosen if k in {key for _, key in options})
        answers = [a for a in self.store.answers(session.id, ACTIVITY) if a["item"] == ITEM]
        self.table.value = ranking_html(palette_values(self.store, session), answers, session, self.lang)


def ranking_html(values, answers, session, lang: str) -> str:
    """Values ranked by points, split by group, next to how many named each (dashboard and report)."""
    labels = {key: (label, count) for key, label, count in values}
    spread = [{"group": a["group"], "value": a["value"]} for a in answers]
    head = "".join(f"<th>{escape(g.label)}</th>" for g in session.groups)
    rows = "".join(
        f'<tr data-kit-value="{escape(r.key, quote=True)}" data-kit-points="{r.points}">'
        f"<td>{escape(labels[r.key][0])}</td><td><b>{r.points}</b></td>"
        + "".join(f"<td>{r.by_group.get(g.key, 0)}</td>" for g in session.groups)
        + f"<td>{labels[r.key][1]}</td></tr>" for r in rank(spread, list(labels)))
    return (f"<h4>{t('prioriteren.dash.ranking', lang)}</h4>"
            f"<p>{t('prioriteren.dash.who', lang, n=len(spread))}</p>"
            f"<table class='kit-count-table'><tr><th>{t('prioriteren.dash.value', lang)}</th>"
            f"<th>{t('prioriteren.dash.points', lang)}</th>{head}"
            f"<th>{t('prioriteren.dash.named', lang)}</th></tr>{rows}</table>")


register(ACTIVITY, PrioritiesParticipant, PrioritiesDashboard)
