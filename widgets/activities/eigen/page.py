"""Eigen stellingen on a phone: the facilitator's own statements, one per screen, scored as Box 5.2's.

Addresses: ``eigen/1`` to ``eigen/<n>`` the statements, ``eigen/klaar`` the participant's answers
with a link to change each; ``eigen`` alone resumes at the first statement without an answer. A
statement with neither a score nor a note is skipped (nothing stored); "weet ik niet" is score None.
"""

from dataclasses import replace

from ..beoordelen.page import WORDS, Scored
from .model import ACTIVITY, check_answer, stored_statements
from .render import statement_texts


class Page(Scored):
    key = ACTIVITY
    words = replace(WORDS, title="eigen.title", intro="eigen.intro", empty="eigen.no_statements")
    check_answer = staticmethod(check_answer)

    def statements(self, visit) -> list:
        return stored_statements(visit.store.state(visit.session.id, ACTIVITY))

    def screens(self, visit) -> list:
        statements = self.statements(visit)
        texts = statement_texts(statements, visit.lang)
        return [
            self.scored(visit, s["key"], texts[s["key"]]["label"], s["text"], texts[s["key"]]["label"], s["text"])
            for s in statements
        ]
