"""Wat leren we nu? as a block: per group the successes it builds on and what it will try differently.

One ``Texts`` block, the same on the phones once revealed, the presentation screen, the dashboard and in the
report: a table per group (the grid's rows), a column for the successes and one for the things to try, equal
words once with how many sent them ("2×"). Texts are no figures, but a group's name over one person's words
says who wrote them: where participants see the block, groups of fewer than ``k`` who answered stand together
as "overige groepen" (``widgets.model.disclosure.fold_answers``); the facilitator's dashboard names them all.

On the participant's results page (``own``) their own two texts, as the room may see them: a text the
facilitator hid, or one still waiting for approval, is not there (the groups' are in the summary above it).
"""

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.blocks import Block, Entry, Section, Texts
from ...model.disclosure import fold_answers, folded_session
from ...model.sessions import Participant, Session
from .model import ACTIVITY, FIELDS, ITEM, Line, by_group


def entries(lines: tuple[Line, ...], kind: str) -> tuple[Entry, ...]:
    """A line per text; how many sent it where more than one did ("2×")."""
    return tuple(
        Entry(f"{kind}-{n}", line.text, line.count if line.count > 1 else None) for n, line in enumerate(lines)
    )


def blocks(answers: ByActivity, state: States, session: Session, lang: str, folded: bool = True) -> list[Block]:
    """The groups' lessons, groups in the session's order (under the rule folded unless ``folded`` is False)."""
    mine = answers.get(ACTIVITY, [])
    if folded:
        mine, found = fold_answers(mine)
        session = folded_session(session, found, lang)
    groups = by_group(mine, [g.key for g in session.groups])
    sections = tuple(
        Section(
            f"{g.group}-{kind}",
            t("leren.section", lang, group=session.group_label(g.group), what=t(f"leren.{kind}", lang)),
            entries(getattr(g, kind), kind),
        )
        for g in groups
        for kind in FIELDS
    )
    return [
        Texts(
            ACTIVITY,
            t("leren.dash.title", lang),
            sections,
            rows=tuple(session.group_label(g.group) for g in groups),
            columns=tuple(t(f"leren.{kind}", lang) for kind in FIELDS) if groups else (),
            intro=t("leren.dash.intro", lang),
            empty=t("leren.dash.empty", lang),
        )
    ]


def own(answers: ByActivity, state: States, session: Session, participant: Participant, lang: str) -> dict:
    """The participant's own success and thing to try, a card each."""
    mine: dict = next(
        (a.value for a in answers.get(ACTIVITY, []) if a.participant == participant.ref and a.item == ITEM), {}
    )
    sections = tuple(
        Section(kind, t(f"leren.{kind}", lang), (Entry(kind, mine[kind]),)) for kind in FIELDS if mine.get(kind)
    )
    return {"blocks": [Texts(f"{ACTIVITY}-mine", t("leren.mine", lang), sections, empty=t("report.no_answers", lang))]}
