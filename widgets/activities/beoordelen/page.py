"""Beoordelen on a phone (Box 5.2): a rapportcijfer, then nine statements, one per screen.

Addresses: ``beoordelen/1`` is the grade, ``beoordelen/2`` to ``beoordelen/10`` the statements,
``beoordelen/klaar`` the participant's answers with links to change each. ``beoordelen`` alone
resumes at the first step without an answer. The grade is required; a statement with neither a
score nor a note is skipped (nothing stored); "weet ik niet" is stored as score None.
"""

from ...texts import statements
from ...web.pages.statements import Scale, Screen, Statement, StatementsPage, Words
from .model import ACTIVITY, OVERALL, STATEMENTS, check_answer
from .render import score_text

DONT_KNOW = "?"  # the form's value for "weet ik niet"
GRADES = Scale(tuple(x / 2 for x in range(2, 21)), label=score_text)  # 1, 1.5, ..., 10
SCORES = Scale(
    tuple(range(1, 11)), dont_know=DONT_KNOW, dont_know_label="beoordelen.dont_know_choice", css="kit-scale-10"
)
WORDS = Words.of(ACTIVITY, note="beoordelen.note", mine="beoordelen.mine", not_answered="beoordelen.not_answered")


def form_value(score) -> str:
    """A stored score as the radio button's value: 6.5 -> '6.5', 7 -> '7', None -> '?'."""
    return DONT_KNOW if score is None else f"{score:g}"


class Scored(StatementsPage):
    """Statements scored 1 to 10 or "weet ik niet", with a note, one per screen: Box 5.2's, and eigen stellingen's."""

    words = WORDS
    note = True

    @staticmethod
    def check_answer(item: str, score, note: str) -> dict:
        """The activity's ``model.check_answer``, set by each page (a staticmethod): (item, score or None, note)."""
        raise NotImplementedError

    def check(self, item: str, value: str, note: str):
        return self.check_answer(item, None if value == DONT_KNOW else value, note)

    def shown(self, answer) -> tuple:
        return form_value(answer["score"]), answer.get("note", "")

    @staticmethod
    def scored(visit, item: str, label: str, text: str, caption: str, listed: str = "", hint: str = "") -> Screen:
        """A screen of one statement on the 1 to 10 scale (``listed``: its text on the list of answers; ``hint``:
        how to score it, where "how much do you agree" does not fit, a question say)."""
        statement = Statement(
            item,
            "score",
            SCORES,
            text=text,
            caption=caption,
            caption_class="kit-rate-category",
            hint=hint or visit.t("beoordelen.agree"),
        )
        return Screen(item, label, (statement,), text=listed)


class Page(Scored):
    key = ACTIVITY
    check_answer = staticmethod(check_answer)

    def screens(self, visit) -> list:
        texts = statements(visit.session, visit.lang)
        grade = Statement(
            OVERALL,
            "score",
            GRADES,
            caption=visit.t("beoordelen.grade"),
            hint=visit.t("beoordelen.grade_hint"),
            required=True,
        )
        return [
            Screen(OVERALL, visit.t("beoordelen.grade_short"), (grade,)),
            *(
                self.scored(
                    visit,
                    item,
                    texts[item]["label"],
                    texts[item]["text"],
                    f"{visit.t('beoordelen.category.' + texts[item]['category'])} · {texts[item]['label']}",
                )
                for item in STATEMENTS
            ),
        ]
