"""The prioriteren activity: 100 points over the group's palette values, ranked live for the facilitator."""

from html import escape

import ipywidgets as w

from ..i18n import t
from ..model.priorities import ACTIVITY, ITEM, rank, spreadable_values

PALETTE = "palet"


def palette_values(store, session, selection=None) -> list:
    """The merged palette values ``[(key, label, mentions)]`` to spread points over (the facilitator's selection)."""
    if selection is None:
        selection = store.state(session.id, ACTIVITY).get("selection") or []
    merges = store.state(session.id, PALETTE).get("merges")
    return spreadable_values(store.answers(session.id, PALETTE), merges, selection)


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

