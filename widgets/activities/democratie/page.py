"""Tabel 4.2 on a phone: the six democratic values, one per screen, each asked through the table's question.

Addresses: ``democratie/1`` to ``democratie/6``, ``democratie/klaar`` the participant's answers with a
link to change each; ``democratie`` alone resumes at the first value without an answer. Scored as
Box 5.2's statements: 1 to 10 or "weet ik niet", with a note; nothing chosen skips the value.
"""

from dataclasses import replace

from ..beoordelen.page import WORDS, Scored
from .model import ACTIVITY, KEYS, check_answer, value_texts


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
