"""Participatietrap nu en straks on a phone: one form, two rungs (now, should be) and an optional toelichting.

The rungs are big radio buttons with the dataset's role of each rung as a hint, top rung
(reguleren) first as the thesis draws the trap. Both rungs are required; a refusal keeps
what was chosen and typed, and stores nothing.
"""

from ...model.validation import clean_text
from ...render.blocks import SCREEN, parts_html
from ...texts import topic_label
from ...web.pages.form import OneForm
from .model import ACTIVITY, FIELDS, ITEM, check_rung
from .render import rung_name, rungs


class Page(OneForm):
    key = ACTIVITY
    item = ITEM
    template = "trap.html"

    def fields(self, visit) -> list:
        return [*FIELDS, "note"]

    def checker(self, visit):
        def check(name: str, typed: str):
            if name in FIELDS:
                return check_rung(typed, name)
            return clean_text(typed, "note", required=False, multiline=True)

        return check

    def screen_results(self, visit) -> list:
        """Each block a part of the presentation screen, side by side where they fit; a group too small to show named
        once, above the first (each block drawn alone named it again)."""
        return parts_html(self.blocks(visit), SCREEN, visit.lang) if self.revealed(visit) else []

    def context(self, visit, stored: dict) -> dict:
        texts = rungs(visit.lang)
        choices = [(str(r["n"]), visit.t("trap.rung", n=r["n"], name=r["name"]), r["role"], "") for r in texts]
        mine = (
            [
                visit.t("trap.mine_now", rung=rung_name(stored["now"], visit.lang)),
                visit.t("trap.mine_should", rung=rung_name(stored["should"], visit.lang)),
            ]
            if stored
            else []
        )
        return {
            "choices": choices,
            "mine": mine,
            "mine_note": stored.get("note", ""),
            "item": ITEM,
            "waiting": self.waiting(visit),
            "municipality": visit.session.municipality or visit.t("trap.municipality_unknown"),
            "topic": topic_label(visit.session.topic, visit.lang).lower(),
        }
