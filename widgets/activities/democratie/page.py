"""Tabel 4.2 on a phone: the six democratic values, one per screen, each asked through the table's question.

Addresses: ``democratie/1`` to ``democratie/6``, ``democratie/klaar`` the participant's answers with a
link to change each; ``democratie`` alone resumes at the first value without an answer. Scored as
Box 5.2's statements: 1 to 10 or "weet ik niet", with a note; nothing chosen skips the value.
"""

from dataclasses import replace

from ..beoordelen.page import WORDS, Scored
from .model import ACTIVITY, KEYS, check_answer, summarize, value_texts
from .render import means_html


class Page(Scored):
    key = ACTIVITY
    words = replace(WORDS, title="democratie.title", intro="democratie.intro")
    check_answer = staticmethod(check_answer)

    def screens(self, visit) -> list:
        texts = value_texts(visit.lang)
        caption, hint = visit.t("democratie.caption"), visit.t("democratie.hint")
        return [
            self.scored(
                visit,
                key,
                texts[key]["label"],
                texts[key]["text"],
                f"{caption} · {texts[key]['label']}",
                texts[key]["text"],
                hint,  # the table asks questions: a score for how well the process does, not agreement
            )
            for key in KEYS
        ]

    def room(self, visit, texts=None) -> str:
        """The means per group of the six values."""
        summaries = summarize(visit.store.answers(visit.session.id, ACTIVITY))
        return means_html(summaries, visit.session, visit.lang)

    def screen_results(self, visit) -> list:
        """The room's means, one line per value in large type."""
        return [self.room(visit)] if self.revealed(visit) else []
