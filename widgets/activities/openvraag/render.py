"""Open vraag's own HTML: what the room is asked (the dashboard, the screen, the report) and the follow-up's words
then and now (the word cloud and the answers are result blocks, ``results.blocks``)."""

from ...i18n import t
from ...render import render
from ...render.followup import fragment
from .model import asked


def question(state: dict, lang: str) -> tuple[str, str]:
    """``(the question, where it comes from)`` in ``lang``: the facilitator's own words, or a guiding question."""
    own, guide = asked(state)
    return (own, "") if own else (t(f"openvraag.guide.{guide}", lang), t(f"openvraag.source.{guide}", lang))


def asked_html(state: dict, lang: str) -> str:
    """ "Gevraagd: ..." with the book's place of a guiding question."""
    text, source = question(state, lang)
    return render("openvraag_asked.html", lang, question=text, source=source)


def followup_html(change, frame, chart="") -> str:
    """The words used most then and now, with how many participants used each."""
    return fragment("openvraag_followup.html", change, frame, chart)
