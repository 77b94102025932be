"""Beoordelen on a phone (Box 5.2): a rapportcijfer, then nine statements, one per screen.

Addresses: ``beoordelen/1`` is the grade, ``beoordelen/2`` to ``beoordelen/10`` the statements,
``beoordelen/klaar`` the participant's answers with links to change each. ``beoordelen`` alone
resumes at the first step without an answer. The grade is required; a statement with neither a
score nor a note is skipped (nothing stored); "weet ik niet" is stored as score None.
"""

from ...i18n import error_message
from ...model.validation import InputError
from ...texts import statements, topic_label
from ...web.pages import ActivityPage
from .model import ACTIVITY, OVERALL, STATEMENTS, check_answer, summarize
from .render import rating_results_html, score_text

STEPS = (OVERALL, *STATEMENTS)
DONE = "klaar"
DONT_KNOW = "?"  # the form's value for "weet ik niet"
FROM_DONE = "klaar"  # ``?van=klaar``: a change made from the list returns to the list
GRADES = tuple(x / 2 for x in range(2, 21))  # 1, 1.5, ..., 10


def form_value(score) -> str:
    """A stored score as the radio button's value: 6.5 -> '6.5', 7 -> '7', None -> '?'."""
    return DONT_KNOW if score is None else f"{score:g}"


class Page(ActivityPage):
    key = ACTIVITY

    def own(self, visit) -> dict:
        return visit.store.my_answers(visit.participant.token, ACTIVITY)

    @staticmethod
    def step_of(rest: str):
        """The step number in ``rest`` (1 to 10), or None."""
        return int(rest) if rest.isdigit() and 1 <= int(rest) <= len(STEPS) else None

    def get(self, visit, rest: str):
        own = self.own(visit)
        if rest == DONE:
            return self.done(visit, own)
        step = self.step_of(rest)
        if step is None:
            first = next((n for n, item in enumerate(STEPS, start=1) if item not in own), None)
            return visit.redirect(f"{ACTIVITY}/{first or DONE}")
        answer = own.get(STEPS[step - 1])
        typed = {"score": form_value(answer["score"]), "note": answer.get("note", "")} if answer else {}
        typed["van"] = visit.extra.get("van", "")
        return self.step(visit, step, typed)

    def post(self, visit, rest: str, form):
        step = self.step_of(rest)
        if step is None:
            return visit.redirect(ACTIVITY)
        item = STEPS[step - 1]
        typed = {"score": form.get("score").strip(), "note": form.get("note"), "van": form.get("van")}
        back_to_list = typed["van"] == FROM_DONE or step == len(STEPS)
        following = f"{ACTIVITY}/{DONE}" if back_to_list else f"{ACTIVITY}/{step + 1}"
        if item != OVERALL and not typed["score"] and not typed["note"].strip():
            return visit.redirect(following)  # nothing chosen: skip this statement
        try:
            answer = check_answer(item, None if typed["score"] == DONT_KNOW else typed["score"], typed["note"])
        except InputError as error:
            field = "note" if error.params.get("field") == "note" else "score"
            return self.step(visit, step, typed, {field: error_message(error, visit.lang)})
        error = visit.save(lambda: visit.store.submit(visit.participant.token, ACTIVITY, {item: answer}))
        if error:
            return self.step(visit, step, typed, {"score": error})
        return visit.redirect(following)

    # ---------------------------------------------------------------- screens
    def results(self, visit, texts):
        """The room's results when the facilitator shows them, else ''."""
        if not self.revealed(visit):
            return ""
        return rating_results_html(
            summarize(visit.store.answers(visit.session.id, ACTIVITY)), texts, visit.session, visit.lang
        )

    def screen_results(self, visit) -> list:
        """The room's means, with the statements' short labels: one line each in large type."""
        texts = {k: {**v, "label": v["short"]} for k, v in statements(visit.session, visit.lang).items()}
        return [part for part in (self.results(visit, texts),) if part]

    def step(self, visit, step: int, typed: dict, errors=None):
        texts = statements(visit.session, visit.lang)
        item = STEPS[step - 1]
        if item == OVERALL:
            choices = [(form_value(g), score_text(g, visit.lang), "", "") for g in GRADES]
        else:
            choices = [(str(n), str(n), "", "") for n in range(1, 11)]
            choices.append((DONT_KNOW, visit.t("beoordelen.dont_know_choice"), "", "kit-scale-wide"))
        return visit.render(
            "beoordelen.html",
            step=step,
            total=len(STEPS),
            item=item,
            statement=texts.get(item),
            choices=choices,
            typed=typed,
            errors=errors or {},
            action=self.url(visit, str(step)),
            previous=self.url(visit, str(step - 1)) if step > 1 else "",
            from_done=typed.get("van") == FROM_DONE,
            done=self.url(visit, DONE),
            municipality=visit.session.municipality or visit.t("beoordelen.municipality_unknown"),
            topic=topic_label(visit.session.topic, visit.lang).lower(),
            results=self.results(visit, texts),
        )

    def done(self, visit, own: dict):
        texts = statements(visit.session, visit.lang)
        rows = []
        for n, item in enumerate(STEPS, start=1):
            answer = own.get(item)
            label = visit.t("beoordelen.grade_short") if item == OVERALL else texts[item]["label"]
            if answer is None:
                shown = visit.t("beoordelen.not_answered")
            elif answer["score"] is None:
                shown = visit.t("beoordelen.dont_know_choice")
            else:
                shown = score_text(answer["score"], visit.lang)
            rows.append(
                {
                    "step": n,
                    "item": item,
                    "label": label,
                    "answer": shown,
                    "answered": answer is not None,
                    "note": (answer or {}).get("note", ""),
                    "url": self.url(visit, f"{n}?van={FROM_DONE}"),
                }
            )
        return visit.render("beoordelen_klaar.html", rows=rows, results=self.results(visit, texts))
