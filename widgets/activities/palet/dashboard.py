"""The waardenpalet on the dashboard (Box 5.1): the room's merged palette, merge suggestions, the book next to it."""

import ipywidgets as w

from ...i18n import t
from ...render import render
from ...render.blocks import DASHBOARD, blocks_html, count
from ...texts import book_palette
from ...views.common import Message, RevealSwitch, replace_children
from ...views.failures import StoreGuard, store_action
from ...views.live import later
from ...views.pager import More
from .model import alike, book_tables, compare_with_book, merge_palette, ranked_pairs
from .results import blocks

ACTIVITY = "palet"
PER_CELL = 25  # values drawn per cell at first; "Meer tonen" adds as many (a big session names thousands)
NEW_SHOWN = 50  # values of the room that are not in the book, listed at most
# More new values than this are compared on a later turn of the kernel, after the values are drawn (3,000 values
# take about 0.3 s of a core); fewer, the usual change, at once.
COMPARE_NOW = 200


class Dashboard(w.VBox):
    def __init__(self, store, session, lang):
        self.store, self.session, self.lang = store, session, lang
        self.grid = w.HTML()
        self.grid.add_class("kit-palet-grid")
        self.more = More(lang, PER_CELL, self.redraw, "kit-palet-more")
        self.pairs = None  # the merge suggestions drawn now: their rows are made again only when they change
        self.alike: dict = {}  # {(a, b): similarity} of the keys compared so far (a new value: only it is compared)
        self.compared: set = set()
        self.waiting = False  # a big palette's comparison waits for a later turn of the kernel
        self.per_group = w.HTML()
        self.suggestions_head = w.HTML(render("palet_dashboard_suggestions.html", lang))
        self.suggestions = w.VBox()
        self.suggestions.add_class("kit-palet-suggestions")
        self.compare = w.HTML()
        self.message = Message()
        self.guard = StoreGuard(self.message, lang, store)
        # shown in the control page's row of this activity (views.facilitator), not in this view
        self.reveal = RevealSwitch(
            store, session, ACTIVITY, t("palet.dash.reveal", lang), "kit-palet-reveal", guard=self.guard
        )
        self.undo = w.Button(description=t("palet.dash.undo_merges", lang))
        self.undo.on_click(self.guard(lambda _: self.store.set_state(self.session.id, ACTIVITY, "merges", {})))
        super().__init__(
            [
                w.HTML(render("palet_dashboard_head.html", lang)),
                self.message,
                self.grid,
                self.more,
                self.per_group,
                self.suggestions_head,
                self.suggestions,
                self.undo,
                self.compare,
            ]
        )
        self.add_class("kit-dashboard-palet")

    @store_action
    def merge(self, a: str, b: str, counts: dict) -> None:
        """Merge the less named key into the more named one (ties: the shorter)."""
        keep, drop = sorted((a, b), key=lambda k: (-counts.get(k, 0), len(k), k))
        merges = dict(self.store.state(self.session.id, ACTIVITY).get("merges", {}))
        merges[drop] = keep
        self.store.set_state(self.session.id, ACTIVITY, "merges", merges)

    @store_action
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
        limit = self.more.limit  # only the values drawn are made into entries
        grid_blocks = blocks({ACTIVITY: answers}, {ACTIVITY: state}, session, self.lang, limit=limit)
        self.grid.value = blocks_html(grid_blocks, DASHBOARD, self.lang)
        self.more.show(sum(min(limit, len(v)) for v in grid.values()), sum(len(v) for v in grid.values()))
        per_group: dict[str, int] = {}
        for answer in answers:
            per_group[answer.group] = per_group.get(answer.group, 0) + 1
        self.per_group.value = render(
            "palet_dashboard_groups.html",
            self.lang,
            counts=[(g.label, per_group.get(g.key, 0)) for g in session.groups],
        )
        self.counts = {k: m.count for k, m in merged.items()}
        self.labels = {k: m.label for k, m in merged.items()}
        self.apart = state.get("apart", ())
        if self.waiting:
            pass  # the comparison waits for its turn already: it compares the values drawn last
        elif len(set(merged) - self.compared) > COMPARE_NOW:
            self.suggestions_head.value = render("palet_dashboard_suggestions.html", self.lang, busy=True)
            self.waiting = True
            later(lambda: self.guard.run(self.show_suggestions, context="read"), 0.3)
        else:
            self.show_suggestions()
        self.undo.layout.display = "" if state.get("merges") else "none"
        book = [v for table in book_tables(session.topic) for v in book_palette(table, session.language)]
        also, only_book, new = compare_with_book(grid, book)
        if len(new) > NEW_SHOWN:
            new = [*new[:NEW_SHOWN], t("pager.and_more", self.lang, n=count(len(new) - NEW_SHOWN, self.lang))]
        tables = ", ".join(book_tables(session.topic))
        self.compare.value = render(
            "palet_dashboard_compare.html", self.lang, tables=tables, also=also, new=new, only_book=only_book
        )

    def show_suggestions(self) -> None:
        """The eight most alike pairs of the values drawn last, their rows made again only when they changed."""
        self.waiting = False
        suggested = self.suggest(self.labels, self.apart)[:8]
        pairs = [(a, b, self.labels[a], self.labels[b]) for a, b in suggested]
        if pairs != self.pairs:
            self.pairs = pairs
            self.draw_suggestions(pairs)
        self.suggestions_head.value = render("palet_dashboard_suggestions.html", self.lang, empty=not pairs)

    def suggest(self, keys, dismissed) -> list:
        """``suggest_merges`` of the model, the keys seen before not compared again."""
        keys = set(keys)
        gone = self.compared - keys
        if gone:
            self.alike = {pair: s for pair, s in self.alike.items() if not gone & set(pair)}
        if keys - self.compared:
            self.alike.update(alike(keys - self.compared, keys))
        self.compared = keys
        return ranked_pairs(self.alike, dismissed)

    def redraw(self) -> None:
        """Drawn again at once (more or fewer values per cell), from the store."""
        self.guard.run(self.refresh, self.session, context="read")

    def draw_suggestions(self, pairs) -> None:
        """A row per suggested pair: the two values, merge, keep apart."""
        rows = []
        for a, b, label_a, label_b in pairs:
            pair = w.HTML(
                render("palet_dashboard_pair.html", self.lang, a=label_a, b=label_b),
                layout=w.Layout(flex="1 1 auto"),
            )
            join = w.Button(description=t("palet.dash.merge", self.lang), button_style="info")
            join.add_class("kit-merge")
            join.on_click(lambda _, a=a, b=b: self.merge(a, b, self.counts))  # the counts at the click
            apart = w.Button(description=t("palet.dash.keep_apart", self.lang))
            apart.on_click(lambda _, a=a, b=b: self.keep_apart(a, b))
            rows.append(w.HBox([pair, join, apart]))
        replace_children(self.suggestions, rows)
