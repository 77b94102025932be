"""Glue for lesson notebooks: one object that knows the page language and the datasets."""

from html import escape

import ipywidgets as w

from ..datasets import read_dataset
from ..i18n import pick, t
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


# Invented group means for the spider chart exercise of lesson 03, in Box 5.2 order.
SPIDER_EXAMPLE = {
    "bestuurlijk-politiek": ("Bestuurlijk-politiek", "Administrative-political", (7, 7, 7, 7, 6, 8, 7, 5, 6)),
    "ambtelijk": ("Ambtelijk", "Civil service", (7, 6, 7, 7, 7, 7, 7, 7, 7)),
    "maatschappelijke-partner": ("Maatschappelijke partner", "Societal partner", (6, 4, 6, 6, 6, 7, 4, 6, 5)),
}


def dataset_html(name: str) -> str:
    """A dataset as a table with its provenance lines under it; every cell escaped."""
    data = read_dataset(name)
    columns = list(data.rows[0]) if data.rows else []
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(row[c] or '')}</td>" for c in columns) + "</tr>"
                   for row in data.rows)
    source = "<br>".join(escape(line) for line in data.provenance)
    return (f'<table class="kit-palette kit-dataset">{"<tr>" + head + "</tr>"}{body}</table>'
            f'<details><summary>{escape(name)}</summary><small>{source}</small></details>')


class ChoiceQuestion(w.VBox):
    """One multiple-choice question with feedback and an explanation."""

    def __init__(self, question, options, correct: int, explanation, lang: str = "nl"):
        self.correct, self.lang = correct, lang
        self.explanation = pick(explanation, lang)
        self.options = w.RadioButtons(options=[(pick(o, lang), i) for i, o in enumerate(options)], value=None,
                                      layout=w.Layout(width="auto"))
        self.check = w.Button(description=t("lesson.check", lang), button_style="primary")
        self.feedback = Message()
        self.check.on_click(lambda _: self.show_feedback())
        super().__init__([w.HTML(f"<p><b>{escape(pick(question, lang))}</b></p>"), self.options, self.check,
                          self.feedback])

    def show_feedback(self) -> None:
        if self.options.value is None:
            self.feedback.show(t("lesson.choice_none", self.lang), "error")
        elif self.options.value == self.correct:
            self.feedback.show(f"{t('lesson.choice_right', self.lang)} {self.explanation}", "ok")
        else:
            self.feedback.show(f"{t('lesson.choice_wrong', self.lang)} {self.explanation}", "info")


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

    def dataset_table(self, name: str) -> w.HTML:
        return w.HTML(dataset_html(name))

    def choice(self, question, options, correct: int, explanation="") -> ChoiceQuestion:
        return ChoiceQuestion(question, options, correct, explanation, self.lang)

    def spider_example(self):
        """The invented example of lesson 03 as a spider chart (Bokeh; loaded only here)."""
        from ..charts import widget
        from ..charts.rating import radar_figure, radar_points

        column = "value_en" if self.lang == "en" else "value_nl"
        labels = [row[column] for row in read_dataset("stellingen_box_5_2.csv").rows]
        groups = [(key, label_en if self.lang == "en" else label_nl)
                  for key, (label_nl, label_en, _) in SPIDER_EXAMPLE.items()]
        plot, sources = radar_figure(labels, groups, t("lesson.example_invented", self.lang))
        for key, (_, _, means) in SPIDER_EXAMPLE.items():
            sources[key].data = radar_points(list(means))
        return widget(plot)
