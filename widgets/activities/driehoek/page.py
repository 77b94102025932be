"""Strategische driehoek on a phone (*Werken aan publieke waarde*, §1.2.2, Box 5.3, Box 5.4), one thing per screen.

Addresses under ``driehoek/``: ``scores`` (willen, mogen, kunnen 0-10), ``positie`` (the own
place in the triangle and what it means), ``spanning/<axis>`` (how much it chafes, Box 5.3),
``route/<axis>`` (route a or b, Box 5.4) and ``klaar`` (everything answered, with links to
change each). ``driehoek`` alone resumes at the first step without an answer. A tension or a
route may be skipped (nothing stored); a link from ``klaar`` carries ``?van=klaar`` and the
form then returns there.
"""

from markupsafe import Markup

from ...i18n import decimal, error_message
from ...model.validation import InputError
from ...render.blocks import PHONE, SCREEN, block_html, blocks_html
from ...texts import routes, tension_questions
from ...web.pages import ActivityPage
from .model import (
    ACTIVITY,
    AXES,
    CORNERS,
    ROUTES,
    SEVERITIES,
    check_route,
    check_scores,
    check_tension,
    level,
    level_key,
    meaning_key,
    placements,
)
from .render import position_svg
from .results import room

SCORES, POSITION, TENSION, ROUTE, DONE = "scores", "positie", "spanning", "route", "klaar"
FROM_DONE = "klaar"
SCALE = tuple(str(n) for n in range(0, 11))
# The numbered steps: the scores (the position belongs to them), three tensions, three routes.
STEPS = (SCORES, *(f"{TENSION}/{a}" for a in AXES), *(f"{ROUTE}/{a}" for a in AXES))


def item_of(step: str) -> str:
    """The stored item a step answers: 'plaats', 'spanning.<axis>' or 'route.<axis>'."""
    return "plaats" if step == SCORES else step.replace("/", ".", 1)


class Page(ActivityPage):
    key = ACTIVITY

    def get(self, visit, rest: str):
        own = self.own(visit)
        from_done = visit.extra.get("van") == FROM_DONE
        if rest == SCORES:
            placed = own.get("plaats") or {}
            return self.scores(visit, {c: str(placed[c]) for c in placed}, from_done=from_done)
        if rest == POSITION:
            return self.position(visit, own["plaats"]) if "plaats" in own else visit.redirect(f"{ACTIVITY}/{SCORES}")
        if rest == DONE:
            return self.done(visit, own)
        kind, _, axis = rest.partition("/")
        if axis in AXES and kind == TENSION:
            stored = own.get(item_of(rest)) or {}
            return self.tension(
                visit,
                axis,
                {"severity": str(stored.get("severity", "")), "note": stored.get("note", "")},
                from_done=from_done,
            )
        if axis in AXES and kind == ROUTE:
            return self.route(visit, axis, (own.get(item_of(rest)) or {}).get("route", ""), from_done=from_done)
        first = next((step for step in STEPS if item_of(step) not in own), DONE)
        return visit.redirect(f"{ACTIVITY}/{first}")

    def post(self, visit, rest: str, form):
        from_done = form.get("van") == FROM_DONE
        kind, _, axis = rest.partition("/")
        if rest == SCORES:
            return self.save_scores(visit, form, from_done)
        if axis in AXES and kind == TENSION:
            return self.save_tension(visit, axis, form, from_done)
        if axis in AXES and kind == ROUTE:
            return self.save_route(visit, axis, form, from_done)
        return visit.redirect(ACTIVITY)

    # ------------------------------------------------------------------ saving
    def following(self, step: str, from_done: bool) -> str:
        if from_done:
            return f"{ACTIVITY}/{DONE}"
        index = STEPS.index(step)
        return f"{ACTIVITY}/{STEPS[index + 1] if index + 1 < len(STEPS) else DONE}"

    def onward(self, visit, step: str, from_done: bool):
        """To the next screen; after the last, onto the list and the room's triangle when it is shown."""
        following = self.following(step, from_done)
        return self.landing(visit, following) if following == f"{ACTIVITY}/{DONE}" else visit.redirect(following)

    def save_scores(self, visit, form, from_done):
        typed = {c: form.get(c).strip() for c in CORNERS}
        try:
            scores = check_scores(typed)
        except InputError as error:
            # a corner without a score gets the message; all three at 0 is about the three together
            field = next((c for c in CORNERS if typed[c] not in SCALE), "scores")
            return self.scores(visit, typed, {field: error_message(error, visit.lang)}, from_done)
        failed = visit.save(lambda: visit.store.submit(visit.participant.token, ACTIVITY, {"plaats": scores}))
        if failed:
            return self.scores(visit, typed, {"scores": failed}, from_done)
        return self.landing(visit, f"{ACTIVITY}/{DONE}") if from_done else visit.redirect(f"{ACTIVITY}/{POSITION}")

    def save_tension(self, visit, axis, form, from_done):
        step = f"{TENSION}/{axis}"
        typed = {"severity": form.get("severity").strip(), "note": form.get("note")}
        severity = int(typed["severity"]) if typed["severity"].isdigit() else None
        try:
            answer = check_tension(severity, typed["note"])
        except InputError as error:
            field = "note" if error.params.get("field") == "note" else "severity"
            return self.tension(visit, axis, typed, {field: error_message(error, visit.lang)}, from_done)
        failed = visit.save(lambda: visit.store.submit(visit.participant.token, ACTIVITY, {item_of(step): answer}))
        if failed:
            return self.tension(visit, axis, typed, {"severity": failed}, from_done)
        return self.onward(visit, step, from_done)

    def save_route(self, visit, axis, form, from_done):
        step = f"{ROUTE}/{axis}"
        typed = form.get("route").strip()
        try:
            answer = check_route(typed)
        except InputError as error:
            return self.route(visit, axis, typed, {"route": error_message(error, visit.lang)}, from_done)
        failed = visit.save(lambda: visit.store.submit(visit.participant.token, ACTIVITY, {item_of(step): answer}))
        if failed:
            return self.route(visit, axis, typed, {"route": failed}, from_done)
        return self.onward(visit, step, from_done)

    # ----------------------------------------------------------------- screens
    def room(self, visit, you: str | None = None) -> list:
        """The room's result blocks (``results.room``), ``you``'s own place marked."""
        return room(placements(visit.store.answers(visit.session.id, ACTIVITY)), visit.session, visit.lang, you)

    def nobody(self, visit) -> Markup:
        return Markup("<p>%s</p>") % visit.t("driehoek.dash.nobody")

    def results(self, visit) -> str:
        """Everyone's place once the triangle is shown, the viewer's own marked, and the levels; else ''."""
        if not self.revealed(visit):
            return ""
        blocks = self.room(visit, you=visit.participant.ref)
        return blocks_html(blocks, PHONE, visit.lang) if blocks else self.nobody(visit)

    def screen_results(self, visit) -> list:
        """The room's triangle with its tables folded under it, beside the levels per group.

        No one's own place: nobody is 'jij' on a projector.
        """
        if not self.revealed(visit):
            return []
        return [block_html(block, SCREEN, visit.lang) for block in self.room(visit)] or [self.nobody(visit)]

    def screen(self, visit, template: str, step: str, **context):
        """Every screen: its progress, where its form posts, back and skip links, the revealed results."""
        numbered = SCORES if step == POSITION else step
        number = STEPS.index(numbered) + 1 if numbered in STEPS else None
        previous = skip = ""
        if number and number > 1:
            previous = self.url(visit, POSITION if STEPS[number - 2] == SCORES else STEPS[number - 2])
            skip = self.url(visit, self.following(step, False).partition("/")[2])
        return visit.render(
            template,
            step=number,
            total=len(STEPS),
            results=self.results(visit),
            action=self.url(visit, step),
            done=self.url(visit, DONE),
            previous=previous,
            skip=skip,
            **context,
        )

    def scores(self, visit, typed: dict, errors=None, from_done=False):
        corners = [(c, f"corner.{c}", f"corner.help.{c}") for c in CORNERS]
        return self.screen(
            visit,
            "driehoek.html",
            SCORES,
            corners=corners,
            scale=[(v, v, "", "") for v in SCALE],
            typed=typed,
            errors=errors or {},
            from_done=from_done,
        )

    def position(self, visit, scores: dict):
        return self.screen(
            visit,
            "driehoek_positie.html",
            POSITION,
            scores=scores,
            svg=position_svg(scores, visit.lang),
            meaning=visit.t(meaning_key(scores)),
            overall=visit.t(level_key(scores), level=decimal(level(scores), visit.lang)),
            change=self.url(visit, SCORES),
            following=self.url(visit, STEPS[1]),
        )

    def tension(self, visit, axis: str, typed: dict, errors=None, from_done=False):
        return self.screen(
            visit,
            "driehoek_spanning.html",
            f"{TENSION}/{axis}",
            axis=axis,
            questions=tension_questions(visit.lang)[axis],
            severities=[(str(s), str(s), "", "") for s in SEVERITIES],
            typed=typed,
            errors=errors or {},
            from_done=from_done,
            waiting=self.waiting(visit),
        )

    def route(self, visit, axis: str, typed: str, errors=None, from_done=False):
        options = routes(visit.lang)[axis]
        choices = [(r, *options[r]) for r in ROUTES if r in options]
        return self.screen(
            visit,
            "driehoek_route.html",
            f"{ROUTE}/{axis}",
            axis=axis,
            choices=choices,
            typed=typed,
            errors=errors or {},
            from_done=from_done,
        )

    def done(self, visit, own: dict):
        placed = own.get("plaats")
        rows = [
            {
                "key": "plaats",
                "label": visit.t("driehoek.your_place"),
                "answered": bool(placed),
                "answer": visit.t(meaning_key(placed)) if placed else visit.t("driehoek.not_answered"),
                "detail": visit.t("driehoek.your_scores", **placed) if placed else "",
                "url": self.url(visit, f"{SCORES}?van={FROM_DONE}"),
            }
        ]
        labels = routes(visit.lang)
        for kind in (TENSION, ROUTE):
            for axis in AXES:
                step = f"{kind}/{axis}"
                answer = own.get(item_of(step))
                if answer is None:
                    shown, detail = visit.t("driehoek.not_answered"), ""
                elif kind == TENSION:
                    shown, detail = visit.t("driehoek.severity_of", severity=answer["severity"]), answer.get("note", "")
                else:
                    shown = visit.t("driehoek.route_of", route=answer["route"])
                    detail = labels[axis].get(answer["route"], ("", ""))[0]
                rows.append(
                    {
                        "key": item_of(step),
                        "answered": answer is not None,
                        "answer": shown,
                        "detail": detail,
                        "label": visit.t(
                            f"driehoek.{'tension' if kind == TENSION else 'route'}_title", axis=visit.t(f"axis.{axis}")
                        ),
                        "url": self.url(visit, f"{step}?van={FROM_DONE}"),
                    }
                )
        return self.screen(visit, "driehoek_klaar.html", DONE, rows=rows, waiting=self.waiting(visit, own))
