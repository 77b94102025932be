"""Scored statements on a phone, a screen at a time, then a list of one's answers: the shape several activities share.

Addresses: ``<key>/1`` to ``<key>/<n>`` are the screens, ``<key>/klaar`` the participant's answers with a
link to change each; ``<key>`` alone resumes at the first screen with a statement still open. A statement
left open (no choice, no note) is skipped and nothing is stored for it, unless it is required; a value no
form offers is refused and then nothing of that screen is stored. A change made from the list
(``?van=klaar``) returns to the list, and so does the last screen.

An activity says what it asks (``screens``), how an answer is checked and stored (``check``) and shown
again (``shown``), in which words (``Words``) and what the room's results are once revealed (``room``).
"""

from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields

from ...i18n import error_message, t
from ...model.validation import InputError
from ...texts import topic_label
from . import ActivityPage

DONE = "klaar"
FROM_DONE = "klaar"  # ``?van=klaar``: a change made from the list returns to the list


@dataclass(frozen=True)
class Scale:
    """The choices a statement is scored with: big radio buttons, low to high, perhaps "weet ik niet" last."""

    scores: tuple
    label: Callable = None  # a score as shown: (score, lang) -> str; its digits where None
    dont_know: str = ""  # the form's value for "weet ik niet"; not offered where ""
    dont_know_label: str = ""  # its message id
    css: str = ""  # a class for the group (its columns)
    by_value: bool = False  # the buttons' ids end in their value (short values), else in their position

    def choices(self, lang: str) -> list:
        """``(value, label, hint, extra class)`` for the ``radios`` macro."""
        found = [(f"{s:g}", self.label(s, lang) if self.label else f"{s:g}", "", "") for s in self.scores]
        if self.dont_know:
            found.append((self.dont_know, t(self.dont_know_label, lang), "", "kit-scale-wide"))
        return found

    def label_of(self, value: str, lang: str) -> str:
        """The label of the choice with form value ``value`` (the value itself if no choice has it)."""
        return next((label for choice, label, *_ in self.choices(lang) if choice == value), value)


@dataclass(frozen=True)
class Statement:
    """One question on a screen: the item its answer is stored as and the form field it is posted in."""

    item: str
    field: str  # "score" on a screen of one statement with a note; the item where a screen holds several
    scale: Scale
    text: str = ""  # the statement; "" where the caption is the question (a large legend)
    caption: str = ""  # above the statement (its category, its number), or the question itself
    caption_class: str = ""
    hint: str = ""  # under the legend, how to answer (``<field>-hint``)
    required: bool = False  # left open it is refused, not skipped


@dataclass(frozen=True)
class Screen:
    """One step: its statements, and how it is named in the page's title and on the list of answers."""

    key: str  # on the form and on the list (``data-kit-<mark>``)
    label: str  # on the list of answers
    statements: tuple
    text: str = ""  # on the list under the label (the statement in full)
    title: str = ""  # in the page's title, between the step and the activity
    heading: str = ""  # above the form
    hint: str = ""  # above the form, how to answer every statement on it (``scale-hint``)


@dataclass(frozen=True)
class Words:
    """The message ids an activity's screens speak with (its own, or those of the activity it builds on)."""

    title: str
    step: str  # "Stap {n} van {total}"
    intro: str  # on the first screen; may name {gemeente} and {opgave}
    municipality_unknown: str  # {gemeente} where the session names none
    next: str
    previous: str
    back_to_list: str
    results: str  # the room's results, once revealed
    done_title: str
    done_note: str
    change: str
    note: str = ""  # the label of the note field
    mine: str = ""  # above the list of answers
    not_answered: str = ""  # a statement without an answer, on the list
    answered: str = ""  # "{answered} van {total}", on the list, for a screen of several statements
    empty: str = ""  # said instead of the first screen when there is nothing to answer yet
    separator: str = " "  # between ``done_title`` and ``title`` in the list's page title

    @classmethod
    def of(cls, prefix: str, **others) -> "Words":
        """``<prefix>.title``, ``<prefix>.step`` and so on for every id without a default; ``others`` besides."""
        named = {f.name: f"{prefix}.{f.name}" for f in fields(cls) if f.default is MISSING}
        return cls(**(named | others))


class StatementsPage(ActivityPage):
    """A participant page of scored statements: a subclass says what it asks, in which words and marks."""

    words: Words
    note = False  # a note field under the statement (then a screen holds one statement)
    css = "rate"  # the infix of the page's own classes: kit-<css>-previous, -back, -mine, -note, -unanswered
    intro_class = "kit-rate-intro"  # of the first screen's introduction
    form_mark = "step"  # the form is marked data-kit-<form_mark>="<screen key>"
    row_mark = "statement"  # and each row of the list data-kit-<row_mark>="<screen key>"
    results_heading = False  # the room's results under a heading of their own

    # ---------------------------------------------------------------- what an activity says
    def screens(self, visit) -> list:
        """The ``Screen``s, in order (none: nothing to answer yet)."""
        raise NotImplementedError

    def check(self, item: str, value: str, note: str):
        """The answer to store from the form's value (and note); InputError if it cannot be."""
        raise NotImplementedError

    def shown(self, answer) -> tuple:
        """A stored answer as the form shows it: (value, note)."""
        raise NotImplementedError

    def mine(self, visit, own: dict) -> str:
        """What the participant's answers add up to, under the list; '' for nothing."""
        return ""

    # ---------------------------------------------------------------- requests
    @staticmethod
    def step_of(rest: str, screens) -> int:
        """The screen's number in ``rest`` (1 to n), or None."""
        return int(rest) if rest.isdigit() and 1 <= int(rest) <= len(screens) else None

    def get(self, visit, rest: str):
        screens = self.screens(visit)
        if not screens:
            return visit.render("message.html", message=visit.t(self.words.empty), home=True)
        own = self.own(visit)
        if rest == DONE:
            return self.done(visit, screens, own)
        step = self.step_of(rest, screens)
        if step is None:
            first = next(
                (n for n, screen in enumerate(screens, start=1) if any(s.item not in own for s in screen.statements)),
                None,
            )
            return visit.redirect(f"{self.key}/{first or DONE}")
        typed = {}
        for s in screens[step - 1].statements:
            if s.item in own:
                typed[s.field], note = self.shown(own[s.item])
                if self.note:
                    typed["note"] = note
        return self.step(visit, screens, step, typed, from_done=visit.extra.get("van") == FROM_DONE)

    def post(self, visit, rest: str, form):
        screens = self.screens(visit)
        step = self.step_of(rest, screens)
        if step is None:
            return visit.redirect(self.key)
        statements = screens[step - 1].statements
        typed = {s.field: form.get(s.field).strip() for s in statements}
        if self.note:
            typed["note"] = form.get("note")
        note = typed.get("note", "")
        from_done = form.get("van") == FROM_DONE
        cleaned, errors = {}, {}
        for s in statements:
            if not typed[s.field] and not note.strip() and not s.required:
                continue  # nothing chosen: skip this statement
            try:
                cleaned[s.item] = self.check(s.item, typed[s.field], note)
            except InputError as error:
                field = "note" if self.note and error.params.get("field") == "note" else s.field
                errors[field] = error_message(error, visit.lang)
        if errors:
            return self.step(visit, screens, step, typed, from_done, errors)
        if cleaned:
            message = visit.save(lambda: visit.store.submit(visit.participant.token, self.key, cleaned))
            if message:
                first = next(s.field for s in statements if s.item in cleaned)
                return self.step(visit, screens, step, typed, from_done, {first: message})
        last = from_done or step == len(screens)
        return self.landing(visit, f"{self.key}/{DONE}") if last else visit.redirect(f"{self.key}/{step + 1}")

    # ---------------------------------------------------------------- screens
    def look(self, visit) -> dict:
        """What both templates need to tell this activity's screens from another's."""
        return {
            "key": self.key,
            "words": self.words,
            "css": self.css,
            "results": self.room_results(visit),
            "results_heading": self.results_heading,
        }

    def step(self, visit, screens, step: int, typed: dict, from_done=False, errors=None):
        return visit.render(
            "statements.html",
            **self.look(visit),
            screen=screens[step - 1],
            step=step,
            total=len(screens),
            typed=typed,
            errors=errors or {},
            note=self.note,
            intro_class=self.intro_class,
            mark=self.form_mark,
            action=self.url(visit, str(step)),
            previous=self.url(visit, str(step - 1)) if step > 1 else "",
            from_done=from_done,
            done=self.url(visit, DONE),
            municipality=visit.session.municipality or visit.t(self.words.municipality_unknown),
            topic=topic_label(visit.session.topic, visit.lang).lower(),
            waiting=self.waiting(visit) if self.note else set(),
        )

    def done(self, visit, screens, own: dict):
        rows = []
        for n, screen in enumerate(screens, start=1):
            row = {
                "key": screen.key,
                "label": screen.label,
                "text": screen.text,
                "url": self.url(visit, f"{n}?van={FROM_DONE}"),
            }
            if len(screen.statements) == 1:  # its answer, as chosen
                s = screen.statements[0]
                answer = own.get(s.item)
                value, note = self.shown(answer) if answer is not None else ("", "")
                shown = visit.t(self.words.not_answered) if answer is None else s.scale.label_of(value, visit.lang)
                row.update(answer=shown, open=answer is None, note=note, item=s.item)
            else:  # how many of its statements are answered
                answered = sum(1 for s in screen.statements if s.item in own)
                shown = visit.t(self.words.answered, answered=answered, total=len(screen.statements))
                row.update(answer=shown, open=False, note="")
            rows.append(row)
        return visit.render(
            "statements_klaar.html",
            **self.look(visit),
            rows=rows,
            mark=self.row_mark,
            mine=self.mine(visit, own),
            waiting=self.waiting(visit, own),
        )
