"""palet's results: the room's merged palette as a block (Box 5.1, Tabel 2.1's six cells); on the participant's
results page the own values, each with who else named it."""

from dataclasses import replace

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.blocks import Block, Entry, Section, Texts
from ...model.disclosure import OTHER, fold_answers, folded_session, other_group
from ...model.sessions import Participant, Session
from ...model.typology import KINDS, PERSPECTIVES
from .model import ACTIVITY, MergedValue, cell_of, merge_palette, palette_comparison


def entry(value: MergedValue, session: Session, lang: str, seen: MergedValue | None = None) -> Entry:
    """A merged value: how many named it, and "gedeeld" where two or more groups did, else the one group's name;
    ``seen`` is the same value of the answers folded for participants (``Entry.seen``)."""
    groups = tuple(sorted(value.groups))
    mark = t("palet.dash.shared", lang) if value.shared else session.group_label(groups[0]) if groups else ""
    folded = None
    if seen is not None:
        folded = entry(seen, session, lang)
        if OTHER in seen.groups and not seen.shared:
            folded = replace(folded, mark=other_group(lang).label)
    return Entry(value.key, value.label, value.count, mark, strong=value.shared, groups=groups, seen=folded)


def blocks(answers: ByActivity, state: States, session: Session, lang: str, limit: int | None = None) -> list[Block]:
    """The palette as the facilitator merged it: the book's 2 x 3 grid (perspectives down, kinds of value
    across), in each cell its values, most named first. Which groups named a value participants read from the
    answers folded as the report's are (a group of fewer than k in "overige groepen"): one meaning of "gedeeld"
    on the phones, the screen, the results page and in the report, and no one-person group named. ``limit``: only
    each cell's first so many (the dashboard draws a big palette a part at a time, and makes no more)."""
    merges = state.get(ACTIVITY, {}).get("merges")
    grid = merge_palette(answers.get(ACTIVITY, []), merges)
    folded, _ = fold_answers(answers.get(ACTIVITY, []))
    seen = {m.key: m for cell in merge_palette(folded, merges).values() for m in cell}
    cells = [cell_of(perspective, kind) for perspective in PERSPECTIVES for kind in KINDS]
    return [
        Texts(
            ACTIVITY,
            t("palet.dash.grid", lang),
            tuple(
                Section(
                    cell,
                    t(f"cell.{cell}", lang),
                    tuple(entry(v, session, lang, seen[v.key]) for v in grid[cell][:limit]),
                )
                for cell in cells
            ),
            rows=tuple(t(f"perspective.{perspective}", lang) for perspective in PERSPECTIVES),
            columns=tuple(t(f"kind.{kind}", lang) for kind in KINDS),
            intro=t("palet.results.intro", lang),
            empty=t("palet.dash.empty", lang),
        )
    ]


def own(answers: ByActivity, state: States, session: Session, participant: Participant, lang: str) -> dict:
    """The own values, each with how many others named it and which groups, as the disclosure rule names groups."""
    folded, found = fold_answers(answers.get(ACTIVITY, []))
    session = folded_session(session, found, lang)
    compared = palette_comparison(
        folded,
        state.get(ACTIVITY, {}).get("merges"),
        participant.ref,
        participant.group_key,  # folded into "overige groepen", it is no longer "uw eigen groep"
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
