"""Glue for lesson notebooks: one object that knows the page language and the datasets."""

import os
from pathlib import PurePosixPath
from urllib.parse import unquote

import ipywidgets as w

from ..activities.driehoek.model import (
    AXES,
    CORNERS,
    SEVERITIES,
    barycentric,
    check_scores,
    level,
    level_key,
    meaning_key,
)
from ..activities.driehoek.render import case_svg
from ..activities.palet.render import book_value
from ..charts import widget
from ..datasets import read_dataset
from ..i18n import error_message, label, pick, t
from ..model.exercises import find
from ..model.tables import (
    SOURCE_LANGUAGE,
    column,
    group_means,
    localize,
    localized,
    localized_names,
    number,
    number_or_none,
    sample_rows,
    series_points,
    shuffled,
    with_rest,
)
from ..model.typology import CELLS, KINDS, PERSPECTIVES, placement_is_right, sample_values
from ..model.validation import InputError
from ..render import render
from ..texts import book_palette, routes, tension_questions
from .common import Message, page_language
from .exercises import Ladder, SortExercise, SurveyCompare, exercise_widget, feedback_html, group_means_html, quiz


def palette_grid_html(values, lang: str) -> str:
    """The 2x3 palette as an HTML table; process values of both perspectives span the rows."""
    rows = []
    shared = [book_value(v, lang) for v in values if v.perspective == "beide"]
    for index, perspective in enumerate(PERSPECTIVES):
        cells = []
        for kind in KINDS:
            own = [book_value(v, lang) for v in values if v.perspective == perspective and v.kind == kind]
            if kind == "proces" and shared:
                if index == 0:
                    cells.append((shared + own, len(PERSPECTIVES)))
                continue
            cells.append((own, 1))
        rows.append((perspective, cells))
    translated = any(getattr(v, "original", "") for v in values)
    return render("lesson_palette.html", lang, kinds=KINDS, rows=rows, translated=translated)


LABEL_WIDTH = "17em"  # a value's label beside its choice of cell (on a phone above it: kit.css)
SLIDER_LABEL_WIDTH = "11em"  # a corner's name beside its slider in the triangle lesson (kit.css wraps a long one)


class ClassifyExercise(w.VBox):
    """Place each value in a cell of the palette, then check against the book."""

    def __init__(self, values, lang: str = "nl"):
        self.values = list(values)
        self.lang = lang
        options = [(t("lesson.choose", lang), None)] + [(t(f"cell.{p}.{k}", lang), (p, k)) for p, k in CELLS]
        # one label width for every value, so the choices stand in one column (kit.css wraps a long value)
        self.choices = [
            w.Dropdown(
                options=options,
                description=v.value,
                style={"description_width": LABEL_WIDTH},
                layout=w.Layout(width="auto"),
            )
            for v in self.values
        ]
        self.check = w.Button(description=t("lesson.check", lang), button_style="primary")
        self.feedback = Message()
        self.check.on_click(lambda _: self.show_feedback())
        note = (
            [w.HTML(render("lesson_note.html", lang))] if any(getattr(v, "original", "") for v in self.values) else []
        )
        super().__init__(note + self.choices + [self.check, self.feedback])
        self.add_class("kit-classify")

    def results(self) -> list:
        """``(value, chosen cell or None, right?)`` per value."""
        out = []
        for value, choice in zip(self.values, self.choices, strict=True):
            cell = choice.value
            out.append((value, cell, cell is not None and placement_is_right(value, *cell)))
        return out

    def show_feedback(self) -> None:
        if all(choice.value is None for choice in self.choices):  # nothing chosen: no score of 0 yet
            self.feedback.show(t("lesson.classify_none", self.lang), "error")
            return
        lines = []
        for value, cell, right in self.results():
            book_cell = t(f"cell.{value.perspective}.{value.kind}", self.lang)
            if cell is None:
                lines.append(("✗", t("lesson.missing", self.lang, value=value.value), ""))
            elif right:
                lines.append(("✓", t("lesson.correct", self.lang, value=value.value, cell=book_cell), ""))
            else:
                lines.append(("✗", t("lesson.wrong", self.lang, value=value.value, cell=book_cell), ""))
        score = sum(1 for *_, right in self.results() if right)
        self.feedback.value = feedback_html(
            lines,
            t("lesson.score", self.lang, right=score, total=len(self.values)),
            score == len(self.values),
            self.lang,
        )


# Invented group means for the spider chart exercise of lesson 03, in Box 5.2 order;
# the groups' names are the catalogs' lesson.example_group.<key>.
SPIDER_EXAMPLE = {
    "bestuurlijk-politiek": (7, 7, 7, 7, 6, 8, 7, 5, 6),
    "ambtelijk": (7, 6, 7, 7, 7, 7, 7, 7, 7),
    "maatschappelijke-partner": (6, 4, 6, 6, 6, 7, 4, 6, 5),
}


def dataset_html(name: str, columns=None, lang: str = "nl") -> str:
    """A dataset as a table with readable headings and its provenance lines under it; every cell escaped.

    Without ``columns`` every column is shown once, in the reader's language (``summary`` for
    ``summary_nl`` / ``summary_en``). Dutch text on a page in another language is marked
    ``lang="nl"``; a table with translated cells says so once under it.
    """
    data = read_dataset(name)
    columns = list(columns) if columns else localized_names(data.rows[0] if data.rows else ())
    rows, translated = [], False
    for row in data.rows:
        cells = []
        for c in columns:
            text, text_lang = localize(row, c, lang)
            translated = translated or text_lang != SOURCE_LANGUAGE
            words = any(ch.isalpha() for ch in text or "")
            cells.append((text or "", text_lang if text_lang != lang and words else ""))
        rows.append(cells)
    heads = [label(c, lang) for c in columns]
    return render(
        "lesson_dataset.html",
        lang,
        heads=heads,
        rows=rows,
        translated=translated,
        dataset=name,
        provenance=data.provenance,
    )


def with_key(chart, labels, lang: str = "nl") -> w.Widget:
    """A chart whose axis numbers its rows gets the numbered list of full labels under it."""
    from ..charts.lesson import axis_labels  # Bokeh: only when a lesson draws a chart

    if axis_labels(labels) == list(labels):
        return chart
    return w.VBox([chart, w.HTML(render("lesson_chart_key.html", lang, labels=labels))])


def notebook_name() -> str:
    """The running notebook's name without ``.ipynb``: Voila gives its page path, JupyterLab the
    session's path; '' where neither does (nbval)."""
    for variable in ("SCRIPT_NAME", "JPY_SESSION_NAME"):
        path = unquote(os.environ.get(variable, ""))
        if path.endswith(".ipynb"):
            return PurePosixPath(path).stem
    return ""


class Lesson:
    """What a lesson notebook needs: ``les = Lesson()``, then ``les.<exercise>(...)``.

    ``lesson`` names the exercise file (``lessons/exercises/<lesson>.toml``); by default the
    notebook's own name.
    """

    def __init__(self, params=None, lesson: str = ""):
        self.lang = page_language(params)
        self.lesson = lesson

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    def palette(self, table: str) -> list:
        """The book's example palette ``table`` in the lesson's language (translations keep the Dutch)."""
        return book_palette(table, self.lang)

    def palette_table(self, table: str) -> w.HTML:
        return w.HTML(palette_grid_html(self.palette(table), self.lang))

    def classify_exercise(self, table: str, n: int = 5, seed=None) -> ClassifyExercise:
        return ClassifyExercise(sample_values(self.palette(table), n, seed), self.lang)

    def dataset_table(self, name: str, columns=None) -> w.HTML:
        return w.HTML(dataset_html(name, columns, self.lang))

    def label(self, column: str) -> str:
        """A dataset column's heading in the page language (``column.<name>`` in the catalogs), else its name."""
        return label(column, self.lang)

    def rows(self, name: str) -> tuple:
        return read_dataset(name).rows

    def column(self, name: str, col, rows=None):
        """One column of the dataset (or of ``rows`` taken from it); None for an optional column not given."""
        return None if col is None else column(self.rows(name) if rows is None else rows, col, self.lang)

    def sort_exercise(self, name: str, item: str, category: str, explanation=None, n=None, seed=None) -> SortExercise:
        """Sort every row's ``item`` into its ``category``: items shuffled, categories in the author's order."""
        rows = shuffled(sample_rows(self.rows(name), n, seed), seed)  # dataset order would give answers away
        return SortExercise(
            self.column(name, item, rows),
            self.column(name, category, rows),
            self.column(name, explanation, rows),
            self.lang,
            categories=self.column(name, category),
        )

    def quiz(self, name: str, question: str, answer: str, explanation=None) -> w.VBox:
        return quiz(self.column(name, question), self.column(name, answer), self.column(name, explanation), self.lang)

    def ladder(self, name: str, rung: str, description: str, question=None) -> Ladder:
        return Ladder(self.column(name, rung), self.column(name, description), self.column(name, question), self.lang)

    def survey_compare(self, name: str, statement: str, parts=("eens", "neutraal", "oneens"), n="n") -> SurveyCompare:
        published = list(zip(*(self.column(name, p) for p in parts), strict=True))
        return SurveyCompare(
            self.column(name, statement), [self.label(p) for p in parts], published, self.column(name, n), self.lang
        )

    def group_means(self, name: str, by: str, columns) -> w.HTML:
        groups = group_means(self.rows(name), by, columns, self.lang)
        return w.HTML(group_means_html(groups, [self.label(c) for c in columns], self.label(by), self.lang))

    def bar_chart(self, name: str, label: str, value: str, title=None):
        from ..charts.lesson import bar_figure  # Bokeh: only when a lesson draws a chart

        labels = self.column(name, label)
        values = [number(v) for v in self.column(name, value)]
        return with_key(widget(bar_figure(labels, values, pick(title, self.lang))), labels, self.lang)

    def stacked_bars(self, name: str, label: str, parts, title=None):
        from ..charts.lesson import stacked_figure  # Bokeh: only when a lesson draws a chart

        shares = [[number_or_none(v) for v in row] for row in zip(*(self.column(name, p) for p in parts), strict=True)]
        legend, shares = with_rest(shares, self.t("lesson.answer_rest"), [self.label(p) for p in parts])
        labels = self.column(name, label)
        return with_key(widget(stacked_figure(labels, legend, shares, pick(title, self.lang))), labels, self.lang)

    def line_chart(self, name: str, x: str, y: str, series=None, title=None, index: bool = False):
        from ..charts.lesson import line_figure  # Bokeh: only when a lesson draws a chart

        points = series_points(self.rows(name), x, y, series, self.lang, index)
        y_label = self.t("lesson.index_label") if index else ""
        return widget(line_figure(points, pick(title, self.lang), y_label))

    def _from_file(self, section: str, item_id: str):
        found, path = find(section, item_id, self.lesson or notebook_name())
        if found is None:
            where = f"lessons/exercises/{path.name}" if path else "lessons/exercises/"
            key = "lesson.exercise_unknown" if section == "exercise" else "lesson.text_unknown"
            raise LookupError(t(key, self.lang, id=item_id, file=where))
        return found

    def exercise(self, exercise_id: str) -> w.Widget:
        """An exercise written as data in the lesson's file: a choice, sorting, matching, signal words."""
        return exercise_widget(self._from_file("exercise", exercise_id), self.lang)

    def text(self, text_id: str) -> str:
        """A text from the lesson's file (``[text.<id>]``), e.g. a chart title, in the page language."""
        return pick(self._from_file("text", text_id), self.lang)

    def place_case(self, case: str) -> w.VBox:
        """Read a case, place it with three sliders, then compare with the book (lesson 04)."""
        row = next(r for r in read_dataset("driehoek_casussen.csv").rows if r["case"] == case)
        sliders = {
            c: w.IntSlider(
                value=5,
                min=0,
                max=10,
                description=self.t(f"lesson.corner.{c}"),
                style={"description_width": SLIDER_LABEL_WIDTH},  # one width: the sliders start in one column
                layout=w.Layout(width="100%"),
            )
            for c in CORNERS
        }
        placed, book = w.HTML(), w.HTML()
        feedback = Message()
        place = w.Button(description=t("lesson.place", self.lang), button_style="primary")
        compare = w.Button(description=t("lesson.compare_book", self.lang), disabled=True)
        chosen = {}

        def on_place(_):
            try:
                scores = check_scores({c: sl.value for c, sl in sliders.items()})
            except InputError as error:
                feedback.show(error_message(error, self.lang), "error")
                return
            feedback.clear()
            placed.value = render(
                "lesson_case_placed.html",
                self.lang,
                svg=case_svg(case, scores, self.lang),
                meaning=meaning_key(scores),
                level_key=level_key(scores),
                level=level(scores),
            )
            compare.disabled = False
            chosen["shares"] = barycentric(scores)

        def on_compare(_):
            shares = chosen["shares"]
            yours = {"strong": max(CORNERS, key=lambda c: shares[c]), "weak": min(CORNERS, key=lambda c: shares[c])}
            verdicts = [
                (
                    f"lesson.{kind}_match" if row[kind] == yours[kind] else f"lesson.{kind}_differs",
                    yours[kind],
                    row[kind],
                )
                for kind in ("strong", "weak")
                if row[kind]
            ]
            says = localized(row, "book", self.lang)
            book.value = render("lesson_case_book.html", self.lang, says=says, verdicts=verdicts)

        place.on_click(on_place)
        compare.on_click(on_compare)
        summary = localized(row, "summary", self.lang)
        box = w.VBox(
            [
                w.HTML(render("lesson_case.html", self.lang, case=case, summary=summary)),
                *sliders.values(),
                place,
                feedback,
                placed,
                compare,
                book,
            ]
        )
        box.add_class("kit-lesson")  # its buttons show their whole label (kit.css)
        return box

    def self_scan(self) -> w.VBox:
        """Box 5.3 and 5.4 as a self-scan for the learner's own case; nothing is stored (lesson 05)."""
        asked, options = tension_questions(self.lang), routes(self.lang)
        severity = {
            a: w.ToggleButtons(options=[(str(s), s) for s in SEVERITIES], value=None, style={"button_width": "44px"})
            for a in AXES
        }
        route = {
            a: w.RadioButtons(
                options=[(f"{r}) {label}", r) for r, (label, _) in sorted(options[a].items())],
                value=None,
                layout=w.Layout(width="auto"),
            )
            for a in AXES
        }
        summary = Message()
        show = w.Button(description=t("lesson.scan_show", self.lang), button_style="primary")

        def on_show(_):
            scored = {a: severity[a].value for a in AXES if severity[a].value is not None}
            if not scored:
                summary.show(t("lesson.scan_none", self.lang), "error")
                return
            worst = max(AXES, key=lambda a: scored.get(a, 0))
            lines = [t("lesson.scan_most", self.lang, axis=t("axis." + worst, self.lang), severity=scored[worst])]
            lines += [
                t("lesson.scan_route", self.lang, axis=t("axis." + a, self.lang), route=route[a].value)
                for a in AXES
                if route[a].value
            ]
            summary.value = render("lesson_scan_summary.html", self.lang, lines=lines)

        show.on_click(on_show)
        rows = []
        for a in AXES:
            rows += [
                w.HTML(render("lesson_scan_axis.html", self.lang, axis=a, questions=asked[a])),
                severity[a],
                w.HTML(render("lesson_scan_routes.html", self.lang)),
                route[a],
            ]
        self.scan = {"severity": severity, "route": route, "summary": summary, "show": show}
        return w.VBox(rows + [show, summary])

    def spider_example(self):
        """The invented example of lesson 03 as a spider chart (Bokeh; loaded only here)."""
        from ..activities.beoordelen.charts import radar_figure, radar_points

        labels = [localized(row, "value", self.lang) for row in read_dataset("stellingen_box_5_2.csv").rows]
        groups = [(key, t(f"lesson.example_group.{key}", self.lang)) for key in SPIDER_EXAMPLE]
        plot, sources = radar_figure(labels, groups, t("lesson.example_invented", self.lang))
        for key, means in SPIDER_EXAMPLE.items():
            sources[key].data = radar_points(list(means))
        return widget(plot)
