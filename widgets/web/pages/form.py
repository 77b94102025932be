"""An activity asked on one form, sent at once: trap's rungs and note, leren's two texts, raadsenquete's
statements, succesfactoren's factors.

``<key>`` shows the form with what the participant sent before; a post checks every field at once, so one
refusal names all that is wrong, keeps what was typed and stores nothing. Either the fields make one answer
(``item``: trap, leren) or each field is an item of its own that may be left open, but not all of them.
"""

from collections.abc import Callable

from ...i18n import error_message
from ...model.validation import InputError
from . import ActivityPage


class OneForm(ActivityPage):
    template = ""  # the page's template; it gets typed, errors, notice, action, results and ``context``'s
    item = ""  # the item of the one answer the fields make up; '' where each field is an item of its own

    # ---------------------------------------------------------------- what an activity says
    def fields(self, visit) -> list:
        """The form's fields, in the order their errors are named."""
        raise NotImplementedError

    def checker(self, visit) -> Callable:
        """``(field, typed) -> value to store``, or InputError."""
        raise NotImplementedError

    def context(self, visit, stored: dict) -> dict:
        """What the template needs besides the form (``stored``: what the participant sent before)."""
        return {}

    # ---------------------------------------------------------------- requests
    def stored(self, visit) -> dict:
        own = self.own(visit)
        return (own.get(self.item) or {}) if self.item else own

    def get(self, visit, rest: str):
        if rest:
            return visit.redirect(self.key)
        stored = self.stored(visit)
        notice = visit.t(f"{self.key}.saved") if visit.extra.get("ok") == "saved" and stored else ""
        typed = {name: str(stored.get(name, "")) for name in self.fields(visit)}
        return self.page(visit, stored, typed, notice=notice)

    def post(self, visit, rest: str, form):
        fields = self.fields(visit)
        typed = {name: form.get(name) for name in fields}
        if not self.item:  # a field left open is skipped, as long as one is not
            typed = {name: value.strip() for name, value in typed.items()}
        stored = self.stored(visit)
        sent = [name for name in fields if self.item or typed[name]]
        if not sent:
            return self.page(visit, stored, typed, errors={fields[0]: visit.t(f"{self.key}.error.none")})
        check, cleaned, errors = self.checker(visit), {}, {}
        for name in sent:
            try:
                cleaned[name] = check(name, typed[name])
            except InputError as error:
                errors[name] = error_message(error, visit.lang)
        if errors:
            return self.page(visit, stored, typed, errors=errors)
        answers = {self.item: cleaned} if self.item else cleaned
        message = visit.save(lambda: visit.store.submit(visit.participant.token, self.key, answers))
        if message:
            return self.page(visit, stored, typed, errors={sent[0]: message})
        return self.landing(visit, f"{self.key}?ok=saved")

    def page(self, visit, stored: dict, typed: dict, errors=None, notice=""):
        return visit.render(
            self.template,
            typed=typed,
            errors=errors or {},
            notice=notice,
            action=self.url(visit),
            results=self.room_results(visit),
            **self.context(visit, stored),
        )
