"""Sturingsscan on a phone: one screen per element (beleid, organisatie, bekostiging, aansturing).

Addresses: ``sturingsscan/1`` to ``sturingsscan/4`` are the elements, ``sturingsscan/klaar`` the
participant's answers per element with a link to change each; ``sturingsscan`` alone resumes at
the first element with a statement still open. Each screen holds the element's eight statements,
each 1-5 or "weet ik niet" as big radio buttons; a statement left open is not stored (a screen
may be skipped), a value no form offers is refused and then nothing of that screen is stored.
"""

from ...i18n import decimal, error_message, label
from ...model.signal_words import PERSPECTIVES
from ...model.validation import InputError
from ...texts import topic_label
from ...web.pages import ActivityPage
from .model import (
    ACTIVITY,
    DONT_KNOW,
    ELEMENTS,
    SCORES,
    check_answer,
    element_items,
    indicators,
    participant_shares,
)
from .render import element_label, results_html

DONE = "klaar"
FROM_DONE = "klaar"  # ``?van=klaar``: a change made from the list returns to the list


class Page(ActivityPage):
    key = ACTIVITY

    def own(self, visit) -> dict:
        return visit.store.my_answers(visit.participant.token, ACTIVITY)

    @staticmethod
    def step_of(rest: str):
        """The element's number in ``rest`` (1 to 4), or None."""
        return int(rest) if rest.isdigit() and 1 <= int(rest) <= len(ELEMENTS) else None

    def get(self, visit, rest: str):
        own = self.own(visit)
        if rest == DONE:
            return self.done(visit, own)
        step = self.step_of(rest)
        if step is None:
            first = next(
                (n for n, e in enumerate(ELEMENTS, start=1) if any(i not in own for i in element_items(e))), None
            )
            return visit.redirect(f"{ACTIVITY}/{first or DONE}")
        typed = {item: str(own[item]) for item in element_items(ELEMENTS[step - 1]) if item in own}
        return self.step(visit, step, typed, from_done=visit.extra.get("van") == FROM_DONE)

    def post(self, visit, rest: str, form):
        step = self.step_of(rest)
        if step is None:
            return visit.redirect(ACTIVITY)
        items = element_items(ELEMENTS[step - 1])
        typed = {item: form.get(item).strip() for item in items}
        from_done = form.get("van") == FROM_DONE
        cleaned, errors = {}, {}
        for item, value in typed.items():
            if not value:
                continue
            try:
                cleaned[item] = check_answer(item, value)
            except InputError as error:
                errors[item] = error_message(error, visit.lang)
        if errors:
            return self.step(visit, step, typed, errors, from_done)
        if cleaned:
            message = visit.save(lambda: visit.store.submit(visit.participant.token, ACTIVITY, cleaned))
            if message:
                return self.step(visit, step, typed, {next(iter(cleaned)): message}, from_done)
        last = from_done or step == len(ELEMENTS)
        return visit.redirect(f"{ACTIVITY}/{DONE}" if last else f"{ACTIVITY}/{step + 1}")

    # ---------------------------------------------------------------- screens
    def results(self, visit) -> str:
        """The room's figures once the facilitator shows them; else ''."""
        if not self.revealed(visit):
            return ""
        return results_html(visit.store.answers(visit.session.id, ACTIVITY), visit.session, visit.lang, heading=3)

    def screen_results(self, visit) -> list:
        return [part for part in (self.results(visit),) if part]

    def step(self, visit, step: int, typed: dict, errors=None, from_done=False):
        element = ELEMENTS[step - 1]
        texts = {i.key: i.text(visit.lang) for i in indicators()}
        items = element_items(element)
        choices = [(str(n), str(n), "", "") for n in SCORES]
        choices.append((DONT_KNOW, visit.t("sturingsscan.dont_know"), "", "kit-scale-wide"))
        return visit.render(
            "sturingsscan.html",
            step=step,
            total=len(ELEMENTS),
            element=element,
            element_name=element_label(element, visit.lang),
            statements=[{"key": item, "text": texts[item]} for item in items],
            choices=choices,
            typed=typed,
            errors=errors or {},
            action=self.url(visit, str(step)),
            previous=self.url(visit, str(step - 1)) if step > 1 else "",
            from_done=from_done,
            done=self.url(visit, DONE),
            municipality=visit.session.municipality or visit.t("sturingsscan.municipality_unknown"),
            topic=topic_label(visit.session.topic, visit.lang).lower(),
            results=self.results(visit),
        )

    def done(self, visit, own: dict):
        rows = []
        for n, element in enumerate(ELEMENTS, start=1):
            items = element_items(element)
            rows.append(
                {
                    "element": element,
                    "label": element_label(element, visit.lang),
                    "answered": sum(1 for i in items if i in own),
                    "total": len(items),
                    "url": self.url(visit, f"{n}?van={FROM_DONE}"),
                }
            )
        mine = participant_shares(own)
        shares = [(label(p, visit.lang), decimal(mine[p], visit.lang)) for p in PERSPECTIVES] if mine else []
        return visit.render("sturingsscan_klaar.html", rows=rows, shares=shares, results=self.results(visit))
