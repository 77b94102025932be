"""Eigen stellingen on a phone: the facilitator's own statements, one per screen, scored as Box 5.2's.

Addresses: ``eigen/1`` to ``eigen/<n>`` the statements, ``eigen/klaar`` the participant's answers
with a link to change each; ``eigen`` alone resumes at the first statement without an answer. A
statement with neither a score nor a note is skipped (nothing stored); "weet ik niet" is score None.
"""

from ...i18n import error_message
from ...model.validation import InputError
from ...web.pages import ActivityPage
from ..beoordelen.page import DONE, DONT_KNOW, FROM_DONE, form_value
from ..beoordelen.render import score_text
from .model import ACTIVITY, check_answer, stored_statements, summarize
from .render import legend_html, means_html, statement_texts


class Page(ActivityPage):
    key = ACTIVITY

    def statements(self, visit) -> list:
        return stored_statements(visit.store.state(visit.session.id, ACTIVITY))

    def own(self, visit) -> dict:
        return visit.store.my_answers(visit.participant.token, ACTIVITY)

    @staticmethod
    def step_of(rest: str, statements):
        return int(rest) if rest.isdigit() and 1 <= int(rest) <= len(statements) else None

    def get(self, visit, rest: str):
        statements = self.statements(visit)
        if not statements:
            return visit.render("message.html", message=visit.t("eigen.no_statements"), home=True)
        own = self.own(visit)
        if rest == DONE:
            return self.done(visit, statements, own)
        step = self.step_of(rest, statements)
        if step is None:
            first = next((n for n, s in enumerate(statements, start=1) if s["key"] not in own), None)
            return visit.redirect(f"{ACTIVITY}/{first or DONE}")
        answer = own.get(statements[step - 1]["key"])
        typed = {"score": form_value(answer["score"]), "note": answer.get("note", "")} if answer else {}
        typed["van"] = visit.extra.get("van", "")
        return self.step(visit, statements, step, typed)

    def post(self, visit, rest: str, form):
        statements = self.statements(visit)
        step = self.step_of(rest, statements)
        if step is None:
            return visit.redirect(ACTIVITY)
        item = statements[step - 1]["key"]
        typed = {"score": form.get("score").strip(), "note": form.get("note"), "van": form.get("van")}
        back_to_list = typed["van"] == FROM_DONE or step == len(statements)
        following = f"{ACTIVITY}/{DONE}" if back_to_list else f"{ACTIVITY}/{step + 1}"
        if not typed["score"] and not typed["note"].strip():
            return visit.redirect(following)  # nothing chosen: skip this statement
        try:
            answer = check_answer(item, None if typed["score"] == DONT_KNOW else typed["score"], typed["note"])
        except InputError as error:
            field = "note" if error.params.get("field") == "note" else "score"
            return self.step(visit, statements, step, typed, {field: error_message(error, visit.lang)})
        error = visit.save(lambda: visit.store.submit(visit.participant.token, ACTIVITY, {item: answer}))
        if error:
            return self.step(visit, statements, step, typed, {"score": error})
        return visit.redirect(following)

    # ---------------------------------------------------------------- screens
    def results(self, visit, statements) -> str:
        """The room's means per group when the facilitator shows them, else ''."""
        if not self.revealed(visit) or not statements:
            return ""
        summaries = summarize(visit.store.answers(visit.session.id, ACTIVITY), statements)
        return means_html(summaries, statements, visit.session, visit.lang)

    def screen_results(self, visit) -> list:
        """The statements in full, numbered as the table names them, beside the means per group."""
        statements = self.statements(visit)
        results = self.results(visit, statements)
        return [legend_html(statements, visit.lang), results] if results else []

    def step(self, visit, statements, step: int, typed: dict, errors=None):
        item = statements[step - 1]["key"]
        choices = [(str(n), str(n), "", "") for n in range(1, 11)]
        choices.append((DONT_KNOW, visit.t("beoordelen.dont_know_choice"), "", "kit-scale-wide"))
        return visit.render(
            "eigen.html",
            step=step,
            total=len(statements),
            item=item,
            statement=statement_texts(statements, visit.lang)[item],
            choices=choices,
            typed=typed,
            errors=errors or {},
            action=self.url(visit, str(step)),
            previous=self.url(visit, str(step - 1)) if step > 1 else "",
            from_done=typed.get("van") == FROM_DONE,
            done=self.url(visit, DONE),
            results=self.results(visit, statements),
        )

    def done(self, visit, statements, own: dict):
        texts = statement_texts(statements, visit.lang)
        rows = []
        for n, s in enumerate(statements, start=1):
            answer = own.get(s["key"])
            if answer is None:
                shown = visit.t("beoordelen.not_answered")
            elif answer["score"] is None:
                shown = visit.t("beoordelen.dont_know_choice")
            else:
                shown = score_text(answer["score"], visit.lang)
            rows.append(
                {
                    "step": n,
                    "item": s["key"],
                    "label": texts[s["key"]]["label"],
                    "text": s["text"],
                    "answer": shown,
                    "answered": answer is not None,
                    "note": (answer or {}).get("note", ""),
                    "url": self.url(visit, f"{n}?van={FROM_DONE}"),
                }
            )
        return visit.render("eigen_klaar.html", rows=rows, results=self.results(visit, statements))
