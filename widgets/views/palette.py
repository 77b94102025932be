"""The waardenpalet activity (file 000, Box 5.1): participants name values, the room sees the palette."""

import secrets
from html import escape

import ipywidgets as w

from ..datasets import read_dataset
from ..i18n import error_message, t
from ..model.palette import (
    VALID_CELLS, book_tables, check_new_value, compare_with_book, merge_palette, suggest_merges,
)
from ..model.typology import KINDS, PERSPECTIVES, palette_values
from ..model.validation import InputError
from .activities import register
from .common import Message, RevealSwitch, replace_children
from .lesson import PALETTES, palette_grid_html

ACTIVITY = "palet"


def help_text(cell: str, lang: str) -> str:
    return t("palet.help.proces" if cell.endswith(".proces") else f"palet.help.{cell}", lang)


def book_palettes_html(topic: str, lang: str) -> str:
    values = palette_values(read_dataset(PALETTES).rows)
    parts = []
    for table in book_tables(topic):
        parts.append(palette_grid_html([v for v in values if v.table == table], lang))
        parts.append(f"<p><small>{t('palet.examples_source', lang, table=table)}</small></p>")
    return "".join(parts)


def merged_grid_html(grid: dict, session, lang: str) -> str:
    """The 2x3 grid with every merged value, its count and groups; all text escaped."""
    head = "".join(f"<th>{t('kind.' + kind, lang)}</th>" for kind in KINDS)
    rows = []
    for perspective in PERSPECTIVES:
        cells = []
        for kind in KINDS:
            chips = []
            for value in grid[f"{perspective}.{kind}"]:
                groups = sorted(value.groups)
                if value.shared:
                    badge = f'<span class="kit-badge kit-badge-shared">★ {t("palet.dash.shared", lang)}</span>'
                else:
                    badge = (f'<span class="kit-badge">'
                             f'{escape(t("palet.dash.own", lang, group=session.group_label(groups[0])))}</span>')
                chips.append(
                    f'<div class="kit-chip{" kit-chip-shared" if value.shared else ""}" '
                    f'data-kit-value="{escape(value.key, quote=True)}" data-kit-count="{value.count}" '
                    f'data-kit-groups="{escape(",".join(groups), quote=True)}">'
                    f'<span class="kit-chip-label">{escape(value.label)}</span> '
                    f'<span class="kit-chip-count">{t("palet.dash.times", lang, n=value.count)}</span> {badge}</div>')
            cells.append(f'<td data-kit-cell="{perspective}.{kind}">{"".join(chips)}</td>')
        rows.append(f"<tr><th>{t('perspective.' + perspective, lang)}</th>{''.join(cells)}</tr>")
    return f'<table class="kit-palette kit-palette-live"><tr><th></th>{head}</tr>{"".join(rows)}</table>'


class PaletteParticipant(w.VBox):
    def __init__(self, store, session, participant, lang):
        self.store, self.session, self.participant, self.lang = store, session, participant, lang
        self.editing = None  # item id being edited
        self.pending = secrets.token_hex(6)  # item id of the next new value: a double click stores it once
        self.text = w.Text(placeholder=t("palet.value_placeholder", lang), layout=w.Layout(width="100%"))
        self.text.add_class("kit-palet-text")
        self.cell = w.Dropdown(options=[(t(f"cell.{c}", lang), c) for c in VALID_CELLS], value=VALID_CELLS[0],
                               layout=w.Layout(width="100%"))
        self.cell.add_class("kit-palet-cell")
        self.help = w.HTML()
        self.cell.observe(lambda _: self.show_help(), "value")
        self.save = w.Button(description=t("palet.add", lang), button_style="primary",
                             layout=w.Layout(width="100%", height="44px"))
        self.save.add_class("kit-palet-add")
        self.save.on_click(lambda _: self.submit())
        self.text.on_submit(lambda _: self.submit())
        self.cancel = w.Button(description=t("palet.cancel", lang), layout=w.Layout(width="100%", display="none"))
        self.cancel.on_click(lambda _: self.reset_form())
        self.message = Message()
        self.mine = w.VBox()
        self.mine.add_class("kit-palet-mine")
        examples = w.Accordion(children=[w.HTML(book_palettes_html(session.topic, lang))],
                               titles=(t("palet.examples", lang),), selected_index=None)
        self.group_palette = w.HTML()
        self.group_palette.add_class("kit-palet-revealed")
        super().__init__([
            w.HTML(f"<h3>{t('palet.title', lang)}</h3><p>{t('palet.intro', lang)}</p>"),
            w.HTML(f"<b>{t('palet.value', lang)}</b>"), self.text,
            w.HTML(f"<b>{t('palet.cell', lang)}</b>"), self.cell, self.help,
            self.save, self.cancel, self.message,
            w.HTML(f"<h4>{t('palet.mine', lang)}</h4>"), self.mine, examples, self.group_palette,
        ])
        self.add_class("kit-activity-palet")
        self.show_help()
        self.refresh(session)

    def show_help(self) -> None:
        self.help.value = f'<p class="kit-help"><i>{escape(help_text(self.cell.value, self.lang))}</i></p>'

    def own(self) -> dict:
        return self.store.my_answers(self.participant.token, ACTIVITY)

    def submit(self) -> None:
        own = self.own()
        item = self.editing or self.pending
        editing_text = own[self.editing]["text"] if self.editing in own else None
        try:
            if item in own and not self.editing:  # the same click arrived twice
                return
            text = check_new_value(self.text.value, self.cell.value, [v["text"] for v in own.values()], editing_text)
            self.store.submit(self.participant.token, ACTIVITY, {item: {"text": text, "cell": self.cell.value}})
        except InputError as error:
            self.message.show(error_message(error, self.lang), "error")
            return
        self.reset_form()
        self.message.show(t("palet.added", self.lang, value=text), "ok")
        self.render_mine()

    def reset_form(self) -> None:
        self.editing = None
        self.pending = secrets.token_hex(6)
        self.text.value = ""
        self.save.description = t("palet.add", self.lang)
        self.cancel.layout.display = "none"

    def edit(self, item: str, value: dict) -> None:
        self.editing = item
        self.text.value = value["text"]
        self.cell.value = value["cell"]
        self.save.description = t("palet.save", self.lang)
        self.cancel.layout.display = ""
        self.message.clear()

    def delete(self, item: str, value: dict) -> None:
        try:
            self.store.retract(self.participant.token, ACTIVITY, item)
        except InputError as error:
            self.message.show(error_message(error, self.lang), "error")
            return
        if self.editing == item:
            self.reset_form()
        self.message.show(t("palet.deleted", self.lang, value=value["text"]), "ok")
        self.render_mine()

    def render_mine(self, own=None) -> None:
        """Rebuild the list of own values, only when it changed (every answer in the room triggers a refresh)."""
        own = self.own() if own is None else own
        if own == getattr(self, "_shown", None):
            return
        self._shown = own
        rows = []
        for item, value in own.items():
            label = w.HTML(f'<span class="kit-mine-text">{escape(value["text"])}</span><br>'
                           f'<small>{escape(t("cell." + value["cell"], self.lang))}</small>',
                           layout=w.Layout(flex="1 1 auto"))
            edit = w.Button(description=t("palet.edit", self.lang), layout=w.Layout(width="80px"))
            edit.on_click(lambda _, i=item, v=value: self.edit(i, v))
            delete = w.Button(description=t("palet.delete", self.lang), layout=w.Layout(width="90px"))
            delete.on_click(lambda _, i=item, v=value: self.delete(i, v))
            rows.append(w.HBox([label, edit, delete], layout=w.Layout(width="100%", align_items="center")))
        replace_children(self.mine, rows or [w.HTML(f"<p>{t('palet.none_yet', self.lang)}</p>")])

    def refresh(self, session) -> None:
        self.session = session
        self.render_mine()
        state = self.store.state(session.id, ACTIVITY)
        if state.get("reveal"):
            grid = merge_palette(self.store.answers(session.id, ACTIVITY), state.get("merges"))
            self.group_palette.value = (f"<h4>{t('palet.group_palette', self.lang)}</h4>"
                                        + merged_grid_html(grid, session, self.lang))
        else:
            self.group_palette.value = ""


class PaletteDashboard(w.VBox):
    def __init__(self, store, session, lang):
        self.store, self.session, self.lang = store, session, lang
        self.grid = w.HTML()
        self.grid.add_class("kit-palet-grid")
        self.per_group = w.HTML()
        self.suggestions = w.VBox()
        self.suggestions.add_class("kit-palet-suggestions")
        self.compare = w.HTML()
        self.reveal = RevealSwitch(store, session, ACTIVITY, t("palet.dash.reveal", lang), "kit-palet-reveal")
        self.undo = w.Button(description=t("palet.dash.undo_merges", lang))
        self.undo.on_click(lambda _: self.store.set_state(self.session.id, ACTIVITY, "merges", {}))
        super().__init__([
            w.HTML(f"<h3>{t('palet.title', lang)}</h3><p><small>{t('palet.dash.legend', lang)}</small></p>"),
            self.reveal, self.grid, self.per_group,
            w.HTML(f"<h4>{t('palet.dash.suggestions', lang)}</h4>"), self.suggestions, self.undo, self.compare,
        ])
        self.add_class("kit-dashboard-palet")

    def merge(self, a: str, b: str, counts: dict) -> None:
        """Merge the less named key into the more named one (ties: the shorter)."""
        keep, drop = sorted((a, b), key=lambda k: (-counts.get(k, 0), len(k), k))
        merges = dict(self.store.state(self.session.id, ACTIVITY).get("merges", {}))
        merges[drop] = keep
        self.store.set_state(self.session.id, ACTIVITY, "merges", merges)

    def keep_apart(self, a: str, b: str) -> None:
        dismissed = list(self.store.state(self.session.id, ACTIVITY).get("apart", []))
        dismissed.append(sorted((a, b)))
        self.store.set_state(self.session.id, ACTIVITY, "apart", dismissed)

    def refresh(self, session) -> None:
        self.session = session
        state = self.store.state(session.id, ACTIVITY)
        answers = self.store.answers(session.id, ACTIVITY)
        grid = merge_palette(answers, state.get("merges"))
        merged = {m.key: m for values in grid.values() for m in values}
        self.reveal.value = bool(state.get("reveal"))  # state already read: no second query
        self.grid.value = (f"<h4>{t('palet.dash.grid', self.lang)}</h4>" + merged_grid_html(grid, session, self.lang)
                           if merged else f"<p>{t('palet.dash.empty', self.lang)}</p>")
        per_group = {}
        for answer in answers:
            per_group[answer["group"]] = per_group.get(answer["group"], 0) + 1
        self.per_group.value = (f"<p><b>{t('palet.dash.per_group', self.lang)}:</b> "
                                + " · ".join(f"{escape(g.label)} {per_group.get(g.key, 0)}" for g in session.groups)
                                + "</p>")
        counts = {k: m.count for k, m in merged.items()}
        rows = []
        for a, b in suggest_merges(merged, state.get("apart", ()))[:8]:
            pair = w.HTML(escape(t("palet.dash.pair", self.lang, a=merged[a].label, b=merged[b].label)),
                          layout=w.Layout(flex="1 1 auto"))
            join = w.Button(description=t("palet.dash.merge", self.lang), button_style="info")
            join.add_class("kit-merge")
            join.on_click(lambda _, a=a, b=b: self.merge(a, b, counts))
            apart = w.Button(description=t("palet.dash.keep_apart", self.lang))
            apart.on_click(lambda _, a=a, b=b: self.keep_apart(a, b))
            rows.append(w.HBox([pair, join, apart]))
        replace_children(self.suggestions, rows or [w.HTML(f"<p>{t('palet.dash.no_suggestions', self.lang)}</p>")])
        self.undo.layout.display = "" if state.get("merges") else "none"
        book = [v for v in palette_values(read_dataset(PALETTES).rows) if v.table in book_tables(session.topic)]
        also, only_book, new = compare_with_book(grid, book)
        tables = ", ".join(book_tables(session.topic))

        def listing(title, items):
            shown = "".join(f"<li>{escape(i)}</li>" for i in items) or "<li>–</li>"
            return f"<div class='kit-compare-col'><b>{title}</b><ul>{shown}</ul></div>"

        self.compare.value = (f"<h4>{t('palet.dash.compare', self.lang)}</h4><div class='kit-compare'>"
                              + listing(t("palet.dash.also", self.lang, table=tables), also)
                              + listing(t("palet.dash.new", self.lang), new)
                              + listing(t("palet.dash.only_book", self.lang), only_book) + "</div>")


register(ACTIVITY, PaletteParticipant, PaletteDashboard)
