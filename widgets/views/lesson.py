"""Glue for lesson notebooks: one object that knows the page language and the datasets."""

from html import escape

import ipywidgets as w

from ..datasets import read_dataset
from ..i18n import t
from ..model.typology import CELLS, KINDS, PERSPECTIVES, palette_values, placement_is_right, sample_values
from .common import Message, page_language

PALETTES = "waardenpaletten.csv"


def palette_grid_html(values, lang: str) -> str:
    """The 2x3 palette as an HTML table; process values of both perspectives span the rows."""
    head = "".join(f"<th>{t('kind.' + kind, lang)}</th>" for kind in KINDS)
    rows = []
    shared = [escape(v.value) for v in values if v.perspective == "beide"]
    for index, perspective in enumerate(PERSPECTIVES):
        cells = []
        for kind in KINDS:
            own = [escape(v.value) for v in values if v.perspective == perspective and v.kind == kind]
            if kind == "proces" and shared:
                if index == 0:
                    cells.append(f'<td rowspan="2">{"<br>".join(shared + own)}</td>')
                continue
            cells.append(f"<td>{'<br>'.join(own)}</td>")
        rows.append(f"<tr><th>{t('perspective.' + perspective, lang)}</th>{''.join(cells)}</tr>")
    return f'<table class="kit-palette"><tr><th></th>{head}</tr>{"".join(rows)}</table>'


class ClassifyExercise(w.VBox):
    """Place each value in a cell of the palette, then check against the book."""

    def __init__(self, values, lang: str = "nl"):
        self.values = list(values)
        self.lang = lang
        options = [(t("lesson.choose", lang), None)] + [
            (t(f"cell.{p}.{k}", lang), (p, k)) for p, k in CELLS
        ]
        self.choices = [w.Dropdown(options=options, description=v.value,
                                   style={"description_width": "initial"},
                                   layout=w.Layout(width="auto")) for v in self.values]
        self.check = w.Button(description=t("lesson.check", lang), button_style="primary")
        self.feedback = Message()
        self.check.on_click(lambda _: self.show_feedback())
        super().__init__(self.choices + [self.check, self.feedback])

    def results(self) -> list:
        """``(value, chosen cell or None, right?)`` per value."""
        out = []
        for value, choice in zip(self.values, self.choices):
            cell = choice.value
            out.append((value, cell, cell is not None and placement_is_right(value, *cell)))
        return out

    def show_feedback(self) -> None:
        lines = []
        for value, cell, right in self.results():
            book_cell = t(f"cell.{value.perspective}.{value.kind}", self.lang)
            if cell is None:
                lines.append(("✗", t("lesson.missing", self.lang, value=value.value)))
            elif right:
                lines.append(("✓", t("lesson.correct", self.lang, value=value.value, cell=book_cell)))
            else:
                lines.append(("✗", t("lesson.wrong", self.lang, value=value.value, cell=book_cell)))
        score = sum(1 for *_, right in self.results() if right)
        items = "".join(f"<li>{mark} {escape(text)}</li>" for mark, text in lines)
        summary = escape(t("lesson.score", self.lang, right=score, total=len(self.values)))
        kind = "ok" if score == len(self.values) else "info"
        self.feedback.value = f'<div class="kit-message kit-message-{kind}"><ul>{items}</ul><b>{summary}</b></div>'


class Lesson:
    """What a lesson notebook needs: ``les = Lesson()``, then ``les.<exercise>(...)``."""

    def __init__(self, params=None):
        self.lang = page_language(params)

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    def palette(self, table: str) -> list:
        return [v for v in palette_values(read_dataset(PALETTES).rows) if v.table == table]

    def palette_table(self, table: str) -> w.HTML:
        return w.HTML(palette_grid_html(self.palette(table), self.lang))

    def classify_exercise(self, table: str, n: int = 5, seed=None) -> ClassifyExercise:
        return ClassifyExercise(sample_values(self.palette(table), n, seed), self.lang)
