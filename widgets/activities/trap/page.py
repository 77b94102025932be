"""Participatietrap nu en straks on a phone: one form, two rungs (now, should be) and an optional toelichting.

The rungs are big radio buttons with the dataset's role of each rung as a hint, top rung
(reguleren) first as the thesis draws the trap. Both rungs are required; a refusal keeps
what was chosen and typed, and stores nothing.
"""

from ...i18n import error_message
from ...model.validation import InputError, clean_text
from ...texts import topic_label
from ...web.pages import ActivityPage
from .model import ACTIVITY, FIELDS, ITEM, check_answer, check_rung
from .render import rung_name, rungs


class Page(ActivityPage):
    key = ACTIVITY
    side_by_side = True  # both blocks side by side on the presentation screen

    def stored(self, visit) -> dict:
        return visit.store.my_answers(visit.participant.token, ACTIVITY).get(ITEM) or {}

    def get(self, visit, rest: str):
        if rest:
            return visit.redirect(ACTIVITY)
        stored = self.stored(visit)
        notice = visit.t("trap.saved") if visit.extra.get("ok") == "saved" and stored else ""
        typed = {which: str(stored[which]) for which in FIELDS if which in stored} | {"note": stored.get("note", "")}
        return self.page(visit, stored, typed, notice=notice)

    def post(self, visit, rest: str, form):
        typed = {"now": form.get("now").strip(), "should": form.get("should").strip(), "note": form.get("note")}
        stored = self.stored(visit)
        errors = {}
        checks = {
            "now": lambda: check_rung(typed["now"], "now"),
            "should": lambda: check_rung(typed["should"], "should"),
            "note": lambda: clean_text(typed["note"], "note", required=False, multiline=True),
        }
        for name, check in checks.items():  # every field at once: one refusal names all that is wrong
            try:
                check()
            except InputError as error:
                errors[name] = error_message(error, visit.lang)
        if errors:
            return self.page(visit, stored, typed, errors=errors)
        answer = check_answer(typed["now"], typed["should"], typed["note"])
        message = visit.save(lambda: visit.store.submit(visit.participant.token, ACTIVITY, {ITEM: answer}))
        if message:
            return self.page(visit, stored, typed, errors={"now": message})
        return self.landing(visit, f"{ACTIVITY}?ok=saved")

    def page(self, visit, stored, typed, errors=None, notice=""):
        texts = rungs(visit.lang)
        choices = [(str(r["n"]), visit.t("trap.rung", n=r["n"], name=r["name"]), r["role"], "") for r in texts]
        mine = (
            [
                visit.t("trap.mine_now", rung=rung_name(stored["now"], visit.lang)),
                visit.t("trap.mine_should", rung=rung_name(stored["should"], visit.lang)),
            ]
            if stored
            else []
        )
        return visit.render(
            "trap.html",
            choices=choices,
            typed=typed,
            errors=errors or {},
            notice=notice,
            mine=mine,
            mine_note=stored.get("note", ""),
            item=ITEM,
            waiting=self.waiting(visit),
            action=self.url(visit),
            municipality=visit.session.municipality or visit.t("trap.municipality_unknown"),
            topic=topic_label(visit.session.topic, visit.lang).lower(),
            results=self.room_results(visit),
        )
