"""Waardenpalet on a phone (Box 5.1): name values one by one, each in one of six cells; edit, delete."""

import re
import secrets
from functools import lru_cache

from ...i18n import error_message
from ...model.validation import InputError
from ...texts import book_palette
from ...web.pages import ActivityPage
from ...web.shared_pages import FRESH, shared_page
from .followup import START
from .model import (
    MAX_VALUES_PER_PARTICIPANT,
    VALID_CELLS,
    book_tables,
    check_new_value,
    normalize_value,
)
from .render import book_palette_html
from .results import blocks

ACTIVITY = "palet"
NEW_ITEM = re.compile(r"[0-9a-f]{12}")  # a new value's key, as secrets.token_hex(6) writes it into the form
CAP = {"most": MAX_VALUES_PER_PARTICIPANT, "too_many": "palet.error.too_many"}  # counted in the store's transaction


def help_key(cell: str) -> str:
    return "palet.help.proces" if cell.endswith(".proces") else f"palet.help.{cell}"


@lru_cache(maxsize=64)
def book_examples(topic: str, lang: str) -> tuple:
    """The book's example palettes for a topic: the same on every phone, so drawn once per language."""
    return tuple(book_palette_html(book_palette(table, lang), lang, table) for table in book_tables(topic))


class Page(ActivityPage):
    key = ACTIVITY

    def get(self, visit, rest: str):
        own = self.own(visit)
        item, _, action = rest.partition("/")
        if action == "edit" and item in own:
            return self.page(
                visit, own, form={"item": item, "text": own[item]["text"], "cell": own[item]["cell"], "editing": "1"}
            )
        if rest:
            return visit.redirect(ACTIVITY)
        return self.page(visit, own, notice=self.notice(visit, own))

    def notice(self, visit, own) -> str:
        """The acknowledgement after a save or delete (the redirect carries which)."""
        done, item = visit.extra.get("ok", ""), visit.extra.get("item", "")
        if done == "added" and item in own:
            return visit.t("palet.added", value=own[item]["text"])
        if done == "kept":
            return visit.t("palet.start.kept", n=int(visit.extra.get("n", "0") or 0))
        return visit.t("palet.deleted_plain") if done == "deleted" else ""

    def page(self, visit, own, form=None, errors=None, notice="", status=200):
        form = form or {}
        session = visit.session
        revealed = self.room_results(visit)
        start = self.starting_values(visit, own)

        def context(item) -> dict:
            return dict(
                own=own,
                form=form,
                errors=errors or {},
                notice=notice,
                cells=[(cell, visit.t(f"cell.{cell}"), visit.t(help_key(cell)), "") for cell in VALID_CELLS],
                examples=book_examples(session.topic, visit.lang),
                revealed=revealed,
                start=start,
                start_checked=not own,
                waiting=self.waiting(visit, own),
                item=item,
                action=self.url(visit),
            )

        if not (own or form or errors or notice or revealed) and status == 200:
            # Nothing of this participant's on it yet: the page of everyone in the group who starts (shared_pages).
            return shared_page(visit, "palet.html", tuple(start), lambda: context(FRESH))
        return visit.render("palet.html", status, **context(form.get("item") or secrets.token_hex(6)))

    def starting_values(self, visit, own) -> list:
        """A follow-up session's earlier palette, less what this participant already has: ``[(key, label, cell)]``."""
        mine = {normalize_value(v["text"]) for v in own.values()}
        start = visit.store.state(visit.session.id, ACTIVITY).get(START) or []
        return [(key, label, cell) for key, label, cell in start if key not in mine and cell in VALID_CELLS]

    def keep(self, visit, own, form):
        """Take the ticked values of the earlier session into the own palette (each as if typed in)."""
        offered = {key: (label, cell) for key, label, cell in self.starting_values(visit, own)}
        chosen = [key for key in dict.fromkeys(form.getlist("keep")) if key in offered]
        if len(own) + len(chosen) > MAX_VALUES_PER_PARTICIPANT:
            error = visit.t("palet.error.too_many", max=MAX_VALUES_PER_PARTICIPANT)
            return self.page(visit, own, errors={"keep": error})
        answers = {"start-" + secrets.token_hex(4): {"text": offered[k][0], "cell": offered[k][1]} for k in chosen}
        if answers:
            error = visit.save(lambda: visit.store.submit(visit.participant.token, ACTIVITY, answers, **CAP))
            if error:
                return self.page(visit, own, errors={"keep": error})
        return visit.redirect(f"{ACTIVITY}?ok=kept&n={len(answers)}")

    def blocks(self, visit) -> list:
        """The palette's block (``results.blocks``), of the values named now and the facilitator's merges."""
        store, session = visit.store, visit.session
        answers = {ACTIVITY: store.answers(session.id, ACTIVITY)}
        return blocks(answers, {ACTIVITY: store.state(session.id, ACTIVITY)}, session, visit.lang)

    def post(self, visit, rest: str, form):
        item, _, action = rest.partition("/")
        own = self.own(visit)
        if item == "overnemen":
            return self.keep(visit, own, form)
        if action == "delete":
            error = visit.save(lambda: visit.store.retract(visit.participant.token, ACTIVITY, item))
            if error:
                return self.page(visit, own, errors={"text": error})
            return visit.redirect(f"{ACTIVITY}?ok=deleted")
        item = form.get("item") or secrets.token_hex(6)
        if item not in own and not NEW_ITEM.fullmatch(item):  # the hidden field, as the page wrote it, or nothing
            return self.page(visit, own, errors={"text": visit.t("palet.error.item")}, status=400)
        editing = form.get("editing") == "1" and item in own
        typed = {"item": item, "text": form.get("text"), "cell": form.get("cell"), "editing": "1" if editing else ""}
        if item in own and not editing:
            return visit.redirect(f"{ACTIVITY}?ok=added&item={item}")  # the same form sent twice
        try:
            text = check_new_value(
                typed["text"], typed["cell"], [v["text"] for v in own.values()], own[item]["text"] if editing else None
            )
        except InputError as error:
            field = "cell" if error.key == "palet.error.cell" else "text"
            return self.page(visit, own, form=typed, errors={field: error_message(error, visit.lang)})
        failed = visit.save(
            lambda: visit.store.submit(
                visit.participant.token, ACTIVITY, {item: {"text": text, "cell": typed["cell"]}}, **CAP
            )
        )
        if failed:
            return self.page(visit, own, form=typed, errors={"text": failed})
        return visit.redirect(f"{ACTIVITY}?ok=added&item={item}")
