"""sturingsscan on the participant's results page: the own share per perspective next to the means."""

from ...i18n import decimal, label, t
from ...model.answers import ByActivity, States
from ...model.results import shown_means
from ...model.sessions import Participant, Session
from ...model.signal_words import PERSPECTIVES
from .model import ACTIVITY, by_participant, participant_shares


def own(answers: ByActivity, state: States, session: Session, participant: Participant, lang: str) -> dict:
    """The own share per perspective next to the group's and the room's mean.

    A mean appears only when enough others make it up (``widgets.model.results.shown_means``).
    """
    found = {
        ref: (group, shares)
        for ref, (group, values) in by_participant(answers.get(ACTIVITY, [])).items()
        if (shares := participant_shares(values)) is not None
    }
    me, mine = participant.ref, found.get(participant.ref, (None, None))[1]
    rows = []
    for p in PERSPECTIVES:
        inside = [s[p] for ref, (g, s) in found.items() if ref != me and g == participant.group_key]
        outside = [s[p] for ref, (g, s) in found.items() if ref != me and g != participant.group_key]
        own = mine[p] if mine else None
        group, room = shown_means(own, inside, outside)
        if (own, group, room) != (None, None, None):
            shown = f"{decimal(own, lang)}%" if own is not None else t("sturingsscan.results_no_share", lang)
            rows.append({"key": p, "label": label(p, lang), "own": shown, "group": group, "room": room})
    return {
        "rows": rows,
        "what": t("sturingsscan.dash.perspective", lang),
        "note": t("sturingsscan.results_note", lang),
    }
