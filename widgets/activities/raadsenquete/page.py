"""Raadsenquête Village Deals on a phone: five statements and one bestuursstijl on a single form.

Each statement is a group of big radio buttons (eens / neutraal / oneens / weet niet) named
after its key; the bestuursstijl's four choices carry the style's traits as hints. What is
left open is not stored (a participant may skip a statement), a changed choice replaces
the earlier one; a value no form offers is refused and then nothing at all is stored.
"""

from ...web.pages.form import OneForm
from .model import ACTIVITY, ANSWERS, ITEMS, STATEMENTS, STYLE, check_answer, statement_texts, styles
from .render import results_html


class Page(OneForm):
    key = ACTIVITY
    template = "raadsenquete.html"
    draw = staticmethod(results_html)  # how the percentages are made: on the phones, not the screen

    def fields(self, visit) -> list:
        return list(ITEMS)

    def checker(self, visit):
        return check_answer

    def context(self, visit, stored: dict) -> dict:
        texts = statement_texts(visit.lang)
        style_choices = [
            (key, label, " ".join(f"{trait}." for trait in traits), "kit-raad-style")
            for key, label, traits in styles(visit.lang)
        ]
        return {
            "statements": [{"key": key, "text": texts[key]} for key in STATEMENTS],
            "choices": [(value, visit.t(f"raadsenquete.choice.{value}"), "", "") for value in ANSWERS],
            "style_choices": style_choices,
            "style": STYLE,
        }
