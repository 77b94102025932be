"""Succesfactoren's results as blocks: per factor how the room's answers split, next to the book's count.

A ``Shares`` block: per factor of the session's domain a line for the room (read first) and for each group
that answered, split in geldt niet / deels / grotendeels / volledig with "weet ik niet" counted apart. The
book's count ("13x" of n=56) is in the factor's label and the block's intro says what it is; it is no
line of its own, since the book counted mentions, not answers on this scale. A ``Texts`` block holds the
chapter's suggestions. On the results page: the own answer per factor next to the share of the group and
of the room that said the factor holds largely or fully (where the disclosure rule lets a share through).
"""

from ...colors import category_colors
from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.blocks import (
    Block,
    Category,
    Column,
    Entry,
    Facts,
    Row,
    Section,
    SharedItem,
    Shares,
    Split,
    Texts,
    groups_of,
    percents,
)
from ...model.results import compare
from ...model.sessions import Participant, Session
from .model import ACTIVITY, BY_DOMAIN, HOLDS, LEVELS, Tally, current_domain, factors, printed_n, suggestions, tally

SUGGESTIONS_BLOCK = f"{ACTIVITY}-suggesties"
OWN = f"{ACTIVITY}-eigen"
ROOM = "*"
PERCENT = "%"


def domain_of(state: States, session: Session) -> str:
    return current_domain(state.get(ACTIVITY, {}), session.topic)


def split(result: Tally, key: str, label: str, color: str = "", strong: bool = False) -> Split:
    shares = percents((result.counts[level] for level in LEVELS), result.answered)
    return Split(key, label, shares, result.answered, result.dont_know, color, strong)


def levels(lang: str) -> tuple[Category, ...]:
    colors = category_colors(len(LEVELS), ordered=True)
    return tuple(
        Category(level, t(f"succesfactoren.choice.{level}", lang), color)
        for level, color in zip(LEVELS, colors, strict=True)
    )


def factors_block(answers: ByActivity, domain: str, session: Session, lang: str) -> Shares:
    groups = groups_of(session)
    room = t("succesfactoren.dash.room", lang)
    items = []
    for result in tally(answers.get(ACTIVITY, []), domain, [g.key for g in groups]):
        f = result.factor
        lines = [split(result.room, ROOM, room, strong=True)]
        lines += [
            split(result.by_group[g.key], g.key, g.label, g.color)
            for g in groups
            if result.by_group[g.key].answered or result.by_group[g.key].dont_know
        ]
        label = t("succesfactoren.dash.item", lang, n=f.number, factor=f.text(lang), mentions=f.count)
        items.append(SharedItem(f.key, label, tuple(lines)))
    return Shares(
        ACTIVITY,
        t("succesfactoren.dash.factors", lang, domain=t(f"succesfactoren.domain.{domain}", lang)),
        t("succesfactoren.dash.who", lang),
        levels(lang),
        tuple(items),
        n_label=t("succesfactoren.dash.n", lang),
        dont_know=t("succesfactoren.choice.weet_niet", lang),
        intro=t("succesfactoren.dash.intro", lang, box=BY_DOMAIN[domain].box, n=printed_n(domain)),
    )


def suggestions_block(domain: str, lang: str) -> Texts:
    entries = tuple(
        Entry(f"s{n}", t("succesfactoren.dash.suggestion", lang, n=n, text=text))
        for n, text in enumerate(suggestions(domain, lang), start=1)
    )
    section = Section(domain, t(f"succesfactoren.domain.{domain}", lang), entries)
    return Texts(
        SUGGESTIONS_BLOCK,
        t("succesfactoren.dash.suggestions", lang, section=BY_DOMAIN[domain].section),
        (section,),
        intro=t("succesfactoren.dash.suggestions_intro", lang),
    )


def blocks(answers: ByActivity, state: States, session: Session, lang: str) -> list[Block]:
    """The factors of the session's domain (the room, each group that answered), then the chapter's suggestions."""
    domain = domain_of(state, session)
    return [factors_block(answers, domain, session, lang), suggestions_block(domain, lang)]


def own(answers: ByActivity, state: States, session: Session, participant: Participant, lang: str) -> dict:
    """Per factor the own answer next to the share of the group and of the room that said it holds largely or fully.

    A share appears only where the disclosure rule lets it through (``widgets.model.results.compare``).
    """
    domain = domain_of(state, session)
    given = answers.get(ACTIVITY, [])
    rows = []
    for f in factors(domain):
        mine = [a for a in given if a.item == f.key]
        values = {a.participant: (100.0 if a.value in HOLDS else 0.0) for a in mine if a.value in LEVELS}
        group_of = {a.participant: a.group for a in mine}
        own_answer = next((a.value for a in mine if a.participant == participant.ref), None)
        compared = compare(f.key, values, participant.ref, group_of, participant.group_key)
        if (own_answer, compared.group, compared.room) == (None, None, None):
            continue
        written = t(f"succesfactoren.choice.{own_answer}", lang) if own_answer else "–"
        rows.append(Row(f.key, f"{f.number}. {f.text(lang)}", (written, compared.group, compared.room)))
    if not rows:
        return {"rows": []}
    columns = (
        Column("you", t("resultaten.you", lang)),
        Column("group", t("resultaten.group", lang), PERCENT),
        Column("room", t("resultaten.room", lang), PERCENT),
    )
    block = Facts(
        OWN,
        t("succesfactoren.mine", lang),
        t("succesfactoren.dash.factor", lang),
        columns,
        tuple(rows),
        intro=t("succesfactoren.results_note", lang),
    )
    return {"blocks": [block]}
