"""Raadsenquête Village Deals on a phone: five statements and one bestuursstijl on a single form.

Each statement is a group of big radio buttons (eens / neutraal / oneens / weet niet) named
after its key; the bestuursstijl's four choices carry the style's traits as hints. What is
left open is not stored (a participant may skip a statement), a changed choice replaces
the earlier one; a value no form offers is refused and then nothing at all is stored.
"""

from ...i18n import error_message
from ...model.validation import InputError
from ...web.pages import ActivityPage
from .model import ACTIVITY, ANSWERS, ITEMS, STATEMENTS, STYLE, check_answer, statement_texts, styles
from .render import results_html


class Page(ActivityPage):
    key = ACTIVITY
    draw = staticmethod(results_html)  # how the percentages are made: on the phones, not the screen

    def get(self, visit, rest: str):
        if rest:
            return visit.redirect(ACTIVITY)
        stored = visit.store.my_answers(visit.participant.token, ACTIVITY)
        notice = visit.t("raadsenquete.saved") if visit.extra.get("ok") == "saved" and stored else ""
        return self.page(visit, {item: stored.get(item, "") for item in ITEMS}, notice=notice)

    def post(self, visit, rest: str, form):
        typed = {item: form.get(item).strip() for item in ITEMS}
        chosen = {item: value for item, value in typed.items() if value}
        if not chosen:
            return self.page(visit, typed, errors={STATEMENTS[0]: visit.t("raadsenquete.error.none")})
        cleaned, errors = {}, {}
        for item, value in chosen.items():
            try:
                cleaned[item] = check_answer(item, value)
            except InputError as error:
                errors[item] = error_message(error, visit.lang)
        if errors:
            return self.page(visit, typed, errors=errors)
        message = visit.save(lambda: visit.store.submit(visit.participant.token, ACTIVITY, cleaned))
        if message:
            return self.page(visit, typed, errors={next(iter(cleaned)): message})
        return self.landing(visit, f"{ACTIVITY}?ok=saved")

    def page(self, visit, typed: dict, errors=None, notice=""):
        texts = statement_texts(visit.lang)
        choices = [(value, visit.t(f"raadsenquete.choice.{value}"), "", "") for value in ANSWERS]
        style_choices = [
            (key, label, " ".join(f"{trait}." for trait in traits), "kit-raad-style")
            for key, label, traits in styles(visit.lang)
        ]
        return visit.render(
            "raadsenquete.html",
            statements=[{"key": key, "text": texts[key]} for key in STATEMENTS],
            choices=choices,
            style_choices=style_choices,
            style=STYLE,
            typed=typed,
            errors=errors or {},
            notice=notice,
            action=self.url(visit),
            results=self.room_results(visit),
        )
