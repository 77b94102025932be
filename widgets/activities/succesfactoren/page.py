"""Succesfactoren on a phone: the domain's success factors on one form, each with the short scale.

Each factor is a group of big radio buttons (geldt niet / deels / grotendeels / volledig / weet ik niet)
named after its key. What is left open is not stored (a factor may be skipped), a changed choice replaces
the earlier one; a value or factor the form does not offer is refused and then nothing at all is stored.
"""

from ...web.pages.form import OneForm
from .model import ACTIVITY, ANSWERS, check_answer, current_domain, factors, printed_n
from .render import results_html


class Page(OneForm):
    key = ACTIVITY
    template = "succesfactoren.html"
    draw = staticmethod(results_html)  # the suggestions stay on the phones, off the screen

    def domain(self, visit) -> str:
        return current_domain(visit.store.state(visit.session.id, ACTIVITY), visit.session.topic)

    def fields(self, visit) -> list:
        return [f.key for f in factors(self.domain(visit))]

    def checker(self, visit):
        domain = self.domain(visit)
        return lambda key, typed: check_answer(key, typed, domain)

    def context(self, visit, stored: dict) -> dict:
        domain = self.domain(visit)
        return {
            "domain": visit.t(f"succesfactoren.domain.{domain}"),
            "source": visit.t(f"succesfactoren.source.{domain}", n=printed_n(domain)),
            "factors": [{"key": f.key, "text": f.text(visit.lang)} for f in factors(domain)],
            "choices": [(value, visit.t(f"succesfactoren.choice.{value}"), "", "") for value in ANSWERS],
        }
