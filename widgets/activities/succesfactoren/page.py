"""Succesfactoren on a phone: the domain's success factors on one form, each with the short scale.

Each factor is a group of big radio buttons (geldt niet / deels / grotendeels / volledig / weet ik niet)
named after its key. What is left open is not stored (a factor may be skipped), a changed choice replaces
the earlier one; a value or factor the form does not offer is refused and then nothing at all is stored.
"""

from ...i18n import error_message
from ...model.validation import InputError
from ...web.pages import ActivityPage
from .model import ACTIVITY, ANSWERS, check_answer, current_domain, factors, printed_n
from .render import results_html


class Page(ActivityPage):
    key = ACTIVITY
    draw = staticmethod(results_html)  # the suggestions stay on the phones, off the screen

    def domain(self, visit) -> str:
        return current_domain(visit.store.state(visit.session.id, ACTIVITY), visit.session.topic)

    def get(self, visit, rest: str):
        if rest:
            return visit.redirect(ACTIVITY)
        stored = self.own(visit)
        notice = visit.t("succesfactoren.saved") if visit.extra.get("ok") == "saved" and stored else ""
        keys = [f.key for f in factors(self.domain(visit))]
        return self.page(visit, {key: stored.get(key, "") for key in keys}, notice=notice)

    def post(self, visit, rest: str, form):
        domain = self.domain(visit)
        keys = [f.key for f in factors(domain)]
        typed = {key: form.get(key).strip() for key in keys}
        chosen = {key: value for key, value in typed.items() if value}
        if not chosen:
            return self.page(visit, typed, errors={keys[0]: visit.t("succesfactoren.error.none")})
        cleaned, errors = {}, {}
        for key, value in chosen.items():
            try:
                cleaned[key] = check_answer(key, value, domain)
            except InputError as error:
                errors[key] = error_message(error, visit.lang)
        if errors:
            return self.page(visit, typed, errors=errors)
        message = visit.save(lambda: visit.store.submit(visit.participant.token, ACTIVITY, cleaned))
        if message:
            return self.page(visit, typed, errors={next(iter(cleaned)): message})
        return self.landing(visit, f"{ACTIVITY}?ok=saved")

    def page(self, visit, typed: dict, errors=None, notice=""):
        domain = self.domain(visit)
        found = factors(domain)
        choices = [(value, visit.t(f"succesfactoren.choice.{value}"), "", "") for value in ANSWERS]
        return visit.render(
            "succesfactoren.html",
            domain=visit.t(f"succesfactoren.domain.{domain}"),
            source=visit.t(f"succesfactoren.source.{domain}", n=printed_n(domain)),
            factors=[{"key": f.key, "text": f.text(visit.lang)} for f in found],
            choices=choices,
            typed=typed,
            errors=errors or {},
            notice=notice,
            action=self.url(visit),
            results=self.room_results(visit),
        )
