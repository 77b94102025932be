"""Sturingsscan on a phone: one screen per element (beleid, organisatie, bekostiging, aansturing).

Addresses: ``sturingsscan/1`` to ``sturingsscan/4`` are the elements, ``sturingsscan/klaar`` the
participant's answers per element with a link to change each; ``sturingsscan`` alone resumes at
the first element with a statement still open. Each screen holds the element's eight statements,
each 1-5 or "weet ik niet" as big radio buttons; a statement left open is not stored (a screen
may be skipped), a value no form offers is refused and then nothing of that screen is stored.
"""

from ...web.pages.statements import Scale, Screen, Statement, StatementsPage, Words
from .model import ACTIVITY, DONT_KNOW, ELEMENTS, SCORES, check_answer, element_items, indicators
from .render import mine_html, results_html
from .results import element_label

SCALE = Scale(
    SCORES, dont_know=DONT_KNOW, dont_know_label="sturingsscan.dont_know", css="kit-sturing-scale", by_value=True
)


class Page(StatementsPage):
    key = ACTIVITY
    words = Words.of(ACTIVITY, answered="sturingsscan.answered", separator=" · ")
    css = "sturing"
    intro_class = ""
    form_mark = row_mark = "element"
    results_heading = True
    draw = staticmethod(results_html)  # under each block how it is computed, except on the screen
    side_by_side = True

    def screens(self, visit) -> list:
        texts = {i.key: i.text(visit.lang) for i in indicators()}
        return [self.element(visit, element, texts) for element in ELEMENTS]

    @staticmethod
    def element(visit, element: str, texts: dict) -> Screen:
        """An element's eight statements, numbered, on the five-point scale."""
        name = element_label(element, visit.lang)
        items = element_items(element)
        return Screen(
            element,
            name,
            tuple(
                Statement(
                    item,
                    item,
                    SCALE,
                    text=texts[item],
                    caption=visit.t("sturingsscan.statement_n", n=n, total=len(items)),
                    caption_class="kit-sturing-number",
                )
                for n, item in enumerate(items, start=1)
            ),
            title=name,
            heading=f"{name}: {visit.t('sturingsscan.element_question.' + element)}",
            hint=visit.t("sturingsscan.scale_hint"),
        )

    def check(self, item: str, value: str, note: str):
        return check_answer(item, value)

    def shown(self, answer) -> tuple:
        return str(answer), ""

    def mine(self, visit, own: dict) -> str:
        return mine_html(own, visit.lang)
