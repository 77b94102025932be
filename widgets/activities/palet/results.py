"""palet on the participant's results page: the own values, each with who else named it."""

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.sessions import Participant, Session
from .model import ACTIVITY, palette_comparison


def own(answers: ByActivity, state: States, session: Session, participant: Participant, lang: str) -> dict:
    compared = palette_comparison(
        answers.get(ACTIVITY, []),
        state.get(ACTIVITY, {}).get("merges"),
        participant.ref,
        participant.group_key,
        [g.key for g in session.groups],
    )
    values = []
    for v in compared:
        if not v.others:
            said = t("resultaten.palette.alone", lang)
        else:
            said = t("resultaten.palette.others", lang, n=v.others)
            if v.other_groups:
                groups = ", ".join(session.group_label(g) for g in v.other_groups)
                said += " " + t("resultaten.palette.groups", lang, groups=groups)
            else:
                said += " " + t("resultaten.palette.own_group", lang)
        values.append({"item": v.item, "text": v.text, "cell": t(f"cell.{v.cell}", lang), "said": said})
    return {"named": values}
