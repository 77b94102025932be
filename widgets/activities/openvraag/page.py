"""Open vraag on a phone: the question, a short answer at a time (up to ``MAX_ANSWERS``), the own answers to delete,
and once revealed the room's word cloud and answers."""

import secrets

from markupsafe import Markup

from ...i18n import error_message
from ...model.validation import InputError
from ...render import render
from ...render.blocks import PHONE, SCREEN, blocks_html
from ...web.pages import ActivityPage
from .model import ACTIVITY, MAX_ANSWERS, MAX_LENGTH, NEW_ITEM, check_answer
from .render import question

CAP = {"most": MAX_ANSWERS, "too_many": "openvraag.error.too_many"}  # counted in the store's transaction


class Page(ActivityPage):
    key = ACTIVITY

    def get(self, visit, rest: str):
        if rest:
            return visit.redirect(ACTIVITY)
        own = self.own(visit)
        return self.page(visit, own, notice=self.notice(visit, own))

    def notice(self, visit, own) -> str:
        """The acknowledgement after a save or a delete (the redirect carries which)."""
        done, item = visit.extra.get("ok", ""), visit.extra.get("item", "")
        if done == "added" and item in own:
            return visit.t("openvraag.added", text=own[item]["text"])
        return visit.t("openvraag.deleted") if done == "deleted" else ""

    def page(self, visit, own, text="", errors=None, notice="", status=200):
        state = visit.store.state(visit.session.id, ACTIVITY)
        asked_text, source = question(state, visit.lang)
        revealed = blocks_html(self.blocks(visit), PHONE, visit.lang) if self.revealed(visit) else ""
        return visit.render(
            "openvraag.html",
            status,
            question=asked_text,
            source=source,
            own=own,
            waiting=self.waiting(visit, own),
            text=text,
            errors=errors or {},
            notice=notice,
            full=len(own) >= MAX_ANSWERS,
            most=MAX_ANSWERS,
            longest=MAX_LENGTH,
            revealed=revealed,
            item=secrets.token_hex(6),
            action=self.url(visit),
        )

    def screen_results(self, visit) -> list:
        """The question in large type once someone has joined (until then the join code has the screen), and the
        word cloud and the answers once revealed."""
        store, session = visit.store, visit.session
        if not self.revealed(visit) and not sum(store.participant_counts(session.id).values()):
            return []
        asked_text, source = question(store.state(session.id, ACTIVITY), visit.lang)
        shown = render("openvraag_screen.html", visit.lang, question=asked_text, source=source)
        if self.revealed(visit):  # one part, as wide as the screen: the question, then the clouds and answers under it
            shown = Markup(shown) + blocks_html(self.blocks(visit), SCREEN, visit.lang)
        return [Markup(shown)]

    def post(self, visit, rest: str, form):
        own = self.own(visit)
        item, _, action = rest.partition("/")
        if action == "delete":
            if item in own:
                error = visit.save(lambda: visit.store.retract(visit.participant.token, ACTIVITY, item))
                if error:
                    return self.page(visit, own, errors={"text": error})
            return visit.redirect(f"{ACTIVITY}?ok=deleted")
        item = form.get("item") or ""
        if item in own:  # the same form sent twice
            return visit.redirect(f"{ACTIVITY}?ok=added&item={item}")
        if not NEW_ITEM.fullmatch(item):
            return self.page(visit, own, errors={"text": visit.t("openvraag.error.item")}, status=400)
        typed = form.get("text") or ""
        try:
            text = check_answer(typed, [v["text"] for v in own.values()])
        except InputError as error:
            return self.page(visit, own, text=typed, errors={"text": error_message(error, visit.lang)})
        failed = visit.save(
            lambda: visit.store.submit(visit.participant.token, ACTIVITY, {item: {"text": text}}, **CAP)
        )
        if failed:
            return self.page(visit, own, text=typed, errors={"text": failed})
        return visit.redirect(f"{ACTIVITY}?ok=added&item={item}")
