"""Wat leren we nu? on a phone: one form, the success the group builds on and the thing it will try differently.

Both are short texts and both are required; a refusal keeps what was typed and stores nothing. The
participant sees what they sent and can change it; once the facilitator shows the results, every group's.
"""

from ...web.pages.form import OneForm
from .model import ACTIVITY, FIELDS, ITEM, MAX_CHARS, check_text


class Page(OneForm):
    key = ACTIVITY
    item = ITEM
    template = "leren.html"
    side_by_side = True  # every group's lessons side by side on the presentation screen

    def fields(self, visit) -> list:
        return list(FIELDS)

    def checker(self, visit):
        return lambda kind, typed: check_text(typed, kind)

    def context(self, visit, stored: dict) -> dict:
        return {"fields": FIELDS, "mine": stored, "item": ITEM, "waiting": self.waiting(visit), "limit": MAX_CHARS}
