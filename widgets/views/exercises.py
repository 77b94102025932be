"""Lesson exercises: sorting, quizzes, a ladder, a survey to compare with, group means.

They are driven by a dataset (rows and resolved column names) or by a lesson's exercise file
(``exercise_widget``, see widgets/model/exercises.py); nothing is stored, feedback is
immediate, every text from a file, a dataset or a learner is escaped by the templates
(widgets/render/templates/lesson_*.html).
"""

import ipywidgets as w

from ..i18n import error_message, pick, t
from ..model.exercises import text_of
from ..model.survey import compare
from ..model.tables import distinct, number_or_none
from ..model.validation import InputError
from ..render import render
from .common import Message
from .signal_words import SignalWords


def feedback_html(lines, summary: str, all_right: bool, lang: str) -> str:
    """Marked lines ``[(mark, text, explanation or "")]`` and the score, shown after "Controleer"."""
    return render("lesson_feedback.html", lang, lines=lines, summary=summary, all_right=all_right)


def paragraph(text: str, lang: str, bold: bool = False, number: int = 0) -> w.HTML:
    """A line of an exercise: a question (``bold``), an item, a numbered statement."""
    return w.HTML(render("lesson_paragraph.html", lang, text=text, bold=bold, number=number))


class ChoiceQuestion(w.VBox):
    """One multiple-choice question with feedback and an explanation."""

    def __init__(self, question, options, correct: int, explanation, lang: str = "nl"):
        self.correct, self.lang = correct, lang
        self.explanation = pick(explanation, lang)
        self.options = w.RadioButtons(
            options=[(pick(o, lang), i) for i, o in enumerate(options)], value=None, layout=w.Layout(width="auto")
        )
        self.check = w.Button(description=t("lesson.check", lang), button_style="primary")
        self.feedback = Message()
        self.check.on_click(lambda _: self.show_feedback())
        super().__init__([paragraph(pick(question, lang), lang, bold=True), self.options, self.check, self.feedback])

    def show_feedback(self) -> None:
        if self.options.value is None:
            self.feedback.show(t("lesson.choice_none", self.lang), "error")
        elif self.options.value == self.correct:
            self.feedback.show(f"{t('lesson.choice_right', self.lang)} {self.explanation}", "ok")
        else:
            self.feedback.show(f"{t('lesson.choice_wrong', self.lang)} {self.explanation}", "info")


class SortExercise(w.VBox):
    """Put every item in its category, then check: each marked right or wrong with the explanation."""

    def __init__(self, items, answers, explanations=None, lang: str = "nl", categories=None):
        self.items, self.answers, self.lang = list(items), list(answers), lang
        self.explanations = list(explanations) if explanations else [""] * len(self.items)
        options = [(t("lesson.sort_choose", lang), None)] + [(c, c) for c in distinct(categories or self.answers)]
        self.choices = [w.Dropdown(options=options, layout=w.Layout(width="auto")) for _ in self.items]
        rows = [
            w.VBox([paragraph(item, lang), choice], layout=w.Layout(margin="0 0 6px 0"))
            for item, choice in zip(self.items, self.choices, strict=True)
        ]
        self.check = w.Button(description=t("lesson.check", lang), button_style="primary")
        self.feedback = Message()
        self.check.on_click(lambda _: self.show_feedback())
        super().__init__(rows + [self.check, self.feedback])
        self.add_class("kit-sort")

    def score(self) -> int:
        return sum(1 for choice, answer in zip(self.choices, self.answers, strict=True) if choice.value == answer)

    def show_feedback(self) -> None:
        if all(choice.value is None for choice in self.choices):
            self.feedback.show(t("lesson.sort_none", self.lang), "error")
            return
        lines = []
        for item, choice, answer, why in zip(self.items, self.choices, self.answers, self.explanations, strict=True):
            key = (
                "lesson.sort_right"
                if choice.value == answer
                else ("lesson.sort_missing" if choice.value is None else "lesson.sort_wrong")
            )
            lines.append(("✓" if choice.value == answer else "✗", t(key, self.lang, item=item, answer=answer), why))
        score = self.score()
        self.feedback.value = feedback_html(
            lines, t("lesson.score", self.lang, right=score, total=len(self.items)), score == len(self.items), self.lang
        )


def exercise_widget(exercise: dict, lang: str = "nl") -> w.Widget:
    """The widget for one ``[[exercise]]`` of a lesson's file, in the page's language."""
    kind = exercise["kind"]
    if kind == "choice":
        options = exercise["options"]
        correct = [o.get("correct", False) for o in options].index(True)
        return ChoiceQuestion(
            exercise["question"], [text_of(o) for o in options], correct, exercise["explanation"], lang
        )
    if kind == "signal_words":
        return SignalWords(exercise["example"], lang)
    if kind == "sort":
        named = {c["nl"]: pick(c, lang) for c in exercise["categories"]}
        items = exercise["items"]
        sort = SortExercise(
            [pick(i["text"], lang) for i in items],
            [named[i["answer"]] for i in items],
            [pick(i.get("explanation"), lang) for i in items],
            lang,
            categories=list(named.values()),
        )
    else:  # match: each left-hand text has its own right-hand one, offered in alphabetical order
        rights = [pick(p["right"], lang) for p in exercise["pairs"]]
        sort = SortExercise(
            [pick(p["left"], lang) for p in exercise["pairs"]],
            rights,
            lang=lang,
            categories=sorted(rights, key=str.casefold),
        )
    return w.VBox([paragraph(pick(exercise["question"], lang), lang, bold=True), sort])


def quiz(questions, answers, explanations=None, lang: str = "nl") -> w.VBox:
    """One multiple-choice question per row; every row's answer is an option for all of them."""
    options = sorted(distinct(answers), key=str.casefold)  # the author's order could mirror the questions'
    explanations = list(explanations) if explanations else [""] * len(questions)
    return w.VBox(
        [
            ChoiceQuestion(q, options, options.index(a), why, lang)
            for q, a, why in zip(questions, answers, explanations, strict=False)
        ]
    )


class Ladder(w.VBox):
    """'Where does our project stand?': pick a rung, read it with the rungs just above and below it."""

    def __init__(self, rungs, descriptions, questions=None, lang: str = "nl"):
        self.rungs, self.descriptions, self.lang = list(rungs), list(descriptions), lang
        self.questions = list(questions) if questions else [""] * len(self.rungs)
        self.choice = w.RadioButtons(
            options=[(r, i) for i, r in enumerate(self.rungs)], value=None, layout=w.Layout(width="auto")
        )
        self.reading = w.HTML()
        self.choice.observe(lambda _: self.show(), "value")
        super().__init__([paragraph(t("lesson.ladder_ask", lang), lang, bold=True), self.choice, self.reading])
        self.add_class("kit-ladder")

    def show(self) -> None:
        i = self.choice.value
        if i is None:
            self.reading.value = ""
            return
        neighbours = [
            (key, self.rungs[j], self.descriptions[j])
            for j, key in ((i - 1, "lesson.ladder_up"), (i + 1, "lesson.ladder_down"))
            if 0 <= j < len(self.rungs)
        ]
        self.reading.value = render(
            "lesson_ladder.html",
            self.lang,
            rung=self.rungs[i],
            description=self.descriptions[i],
            neighbours=neighbours,
            question=self.questions[i],
        )


class SurveyCompare(w.VBox):
    """The team counts hands per statement; shown next to the survey's percentages."""

    def __init__(self, statements, parts, published, respondents, lang: str = "nl"):
        self.statements, self.parts, self.lang = list(statements), list(parts), lang
        self.published = [[number_or_none(v) for v in row] for row in published]
        self.respondents = list(respondents)
        self.counts = [
            [
                w.BoundedIntText(
                    value=0,
                    min=0,
                    max=500,
                    description=part,
                    style={"description_width": "initial"},
                    layout=w.Layout(width="150px"),
                )
                for part in self.parts
            ]
            for _ in self.statements
        ]
        rows = [
            w.VBox([paragraph(s, lang, number=i), w.HBox(counts)])
            for i, (s, counts) in enumerate(zip(self.statements, self.counts, strict=True), start=1)
        ]
        self.button = w.Button(description=t("lesson.survey_compare", lang), button_style="primary")
        self.message, self.table = Message(), w.HTML()
        self.button.on_click(lambda _: self.show())
        super().__init__(
            [paragraph(t("lesson.survey_intro", lang), lang)] + rows + [self.button, self.message, self.table]
        )
        self.add_class("kit-survey-compare")

    def show(self) -> None:
        try:
            result = compare(self.published, [[c.value for c in row] for row in self.counts])
        except InputError as error:
            self.message.show(error_message(error, self.lang), "error")
            self.table.value = ""
            return
        self.message.clear()
        rows = [
            {
                "statement": statement,
                "n": n,
                "theirs": theirs,
                "ours": ours or (),
                "gap": f"{ours[0] - theirs[0]:+.0f}" if ours and theirs[0] is not None else "–",
            }
            for statement, n, (theirs, ours) in zip(self.statements, self.respondents, result, strict=True)
        ]
        self.table.value = render("lesson_survey.html", self.lang, parts=self.parts, rows=rows)


def group_means_html(groups, columns, by_label: str, lang: str) -> str:
    """The table of ``widgets.model.tables.group_means``; the overall row last and bold."""
    return render("lesson_means.html", lang, groups=groups, columns=columns, by=by_label)
