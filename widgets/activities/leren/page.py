"""Wat leren we nu? on a phone: one form, the success the group builds on and the thing it will try differently.

Both are short texts and both are required; a refusal keeps what was typed and stores nothing. The
participant sees what they sent and can change it; once the facilitator shows the results, every group's.
"""

from ...i18n import error_message
from ...model.validation import InputError
from ...web.pages import ActivityPage
from .model import ACTIVITY, FIELDS, ITEM, MAX_CHARS, check_answer, check_text


class Page(ActivityPage):
    key = ACTIVITY
    side_by_side = True  # every group's lessons side by side on the presentation screen

    def stored(self, visit) -> dict:
        return visit.store.my_answers(visit.participant.token, ACTIVITY).get(ITEM) or {}

    def get(self, visit, rest: str):
        if rest:
            return visit.redirect(ACTIVITY)
        stored = self.stored(visit)
        notice = visit.t("leren.saved") if visit.extra.get("ok") == "saved" and stored else ""
        return self.page(visit, stored, {kind: stored.get(kind, "") for kind in FIELDS}, notice=notice)

    def post(self, visit, rest: str, form):
        typed = {kind: form.get(kind) or "" for kind in FIELDS}
        stored = self.stored(visit)
        errors = {}
        for kind in FIELDS:  # both fields at once: one refusal names all that is wrong
            try:
                check_text(typed[kind], kind)
            except InputError as error:
                errors[kind] = error_message(error, visit.lang)
        if errors:
            return self.page(visit, stored, typed, errors=errors)
        answer = check_answer(typed["succes"], typed["anders"])
        message = visit.save(lambda: visit.store.submit(visit.participant.token, ACTIVITY, {ITEM: answer}))
        if message:
            return self.page(visit, stored, typed, errors={"succes": message})
        return self.landing(visit, f"{ACTIVITY}?ok=saved")

    def page(self, visit, stored, typed, errors=None, notice=""):
        return visit.render(
            "leren.html",
            fields=FIELDS,
            typed=typed,
            errors=errors or {},
            notice=notice,
            mine=stored,
            item=ITEM,
            waiting=self.waiting(visit),
            limit=MAX_CHARS,
            action=self.url(visit),
            results=self.room_results(visit),
        )
