"""One module per activity's participant pages; each a ``Page`` with ``get`` and ``post``.

A page runs in a worker thread with a ``Visit`` (session, participant, language, store) and
returns ``Html`` or ``Redirect``. Forms post to the page's own address and redirect after a
successful save (so a reload never sends twice); a refused answer re-renders the form with
what was typed and the message above the field.
"""

from collections.abc import Callable

from ...activities import activity
from ...model.answers import Answer
from ...model.moderation import WAITING, texts_of
from ...render.blocks import PHONE, SCREEN, blocks_html
from ..visit import Html

RESULTS_ANCHOR = "uitkomsten"  # the id of the revealed results' section (_resultaten.html, results_section)


class ActivityPage:
    key = ""  # the activity's key, also its address: <base>kit/<CODE>/<key>
    # How the room's result blocks are drawn for a surface, ``(blocks, surface, lang) -> Markup``: an activity
    # that adds a method line under a block, or keeps one off the screen, sets its render's function here.
    draw: Callable[[list, str, str], str] = staticmethod(blocks_html)
    side_by_side = False  # on the presentation screen each block a part of its own, side by side where they fit

    def get(self, visit, rest: str) -> Html:
        raise NotImplementedError

    def post(self, visit, rest: str, form):
        raise NotImplementedError

    def closed(self, visit, rest: str, form) -> Html:
        """A form posted after the facilitator closed the activity: say so, store nothing."""
        return visit.render("message.html", message=visit.t("error.activity_closed"), home=True)

    def url(self, visit, rest: str = "") -> str:
        return visit.base + self.key + (f"/{rest}" if rest else "")

    def own(self, visit) -> dict:
        """This participant's stored answers to the activity, ``{item: value}``."""
        return visit.store.my_answers(visit.participant.token, self.key)

    def waiting(self, visit, own: dict | None = None) -> set:
        """``(item, part)`` of this participant's own texts that wait for the facilitator's approval ("Teksten eerst
        goedkeuren"): the room does not see them yet, their author sees them marked "wacht op goedkeuring"."""
        own = self.own(visit) if own is None else own
        if not own:  # nothing of one's own yet: nothing waits (and no moderation to read)
            return set()
        moderation = visit.store.moderation(visit.session.id)
        if not moderation.approve_first:
            return set()
        me = visit.participant
        mine = [Answer(self.key, me.ref, me.group_key, item, value) for item, value in own.items()]
        return {(text.item, text.part) for text in texts_of(self.key, mine) if moderation.status(text) == WAITING}

    def revealed(self, visit) -> bool:
        return bool(visit.store.state(visit.session.id, self.key).get("reveal"))

    def landing(self, visit, path: str):
        """The redirect after the last answer is saved: onto the room's results when they are shown."""
        return visit.redirect(path + (f"#{RESULTS_ANCHOR}" if self.revealed(visit) else ""))

    def room_results(self, visit) -> str:
        """The room's results as the phone draws them, once the facilitator shows them; else ''."""
        return self.draw(self.blocks(visit), PHONE, visit.lang) if self.revealed(visit) else ""

    def screen_results(self, visit) -> list:
        """The room's results for the presentation screen once revealed (fragments side by side), else []."""
        if not self.revealed(visit):
            return []
        blocks = self.blocks(visit)
        if self.side_by_side:
            return [self.draw([block], SCREEN, visit.lang) for block in blocks]
        drawn = self.draw(blocks, SCREEN, visit.lang)
        return [drawn] if drawn else []

    def blocks(self, visit) -> list:
        """The activity's result blocks (its folder's ``results.blocks``) of the answers now; [] without that part."""
        found = activity(self.key).part("results", "blocks")
        if found is None:
            return []
        answers = {self.key: visit.store.answers(visit.session.id, self.key)}
        state = {self.key: visit.store.state(visit.session.id, self.key)}
        return found(answers, state, visit.session, visit.lang)
