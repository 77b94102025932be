"""sturingsscan's results as blocks: the share per perspective per group and for the room, per element the two
groups farthest apart, and the room next to Bijlage G's 49 municipalities; on the participant's results page
the own share per perspective next to the means."""

from ...colors import category_colors
from ...i18n import decimal, label, t
from ...model.answers import ByActivity, States
from ...model.blocks import Block, Category, Column, Facts, Row, SharedItem, Shares, Split, groups_of
from ...model.results import compare
from ...model.sessions import Participant, Session
from ...model.signal_words import PERSPECTIVES
from .model import ACTIVITY, Profile, ScanResult, benchmark, by_participant, participant_shares, summarize

ROOM = "*"  # the room's line among the groups'
SHARES, ELEMENT_GAPS, BENCHMARK, OWN = (f"{ACTIVITY}-{name}" for name in ("shares", "elements", "benchmark", "own"))
PERCENT = "%"


def element_label(element: str, lang: str) -> str:
    return t(f"sturingsscan.element.{element}", lang)


def perspectives(lang: str) -> tuple[Category, ...]:
    """The four perspectives as a block's categories, in Bijlage G's order, in colours without an order; each
    share on a phone named by its code (PA), which ends the perspective's name in the legend."""
    colors = category_colors(len(PERSPECTIVES), ordered=False)
    return tuple(
        Category(p, label(p, lang), color, short=p.upper()) for p, color in zip(PERSPECTIVES, colors, strict=True)
    )


def and_list(words: list[str], lang: str) -> str:
    """Codes joined as a reader says them: PA; PA en SR; PA, NPG en SR."""
    if len(words) < 2:
        return "".join(words)
    return t("sturingsscan.dash.pair", lang, a=", ".join(words[:-1]), b=words[-1])


def mostly(who: str, dominant: tuple, lang: str) -> str:
    """A line's name with the perspective(s) of its largest share: "Raadsleden (vooral PA)"."""
    return t("sturingsscan.dash.mostly", lang, who=who, top=and_list([p.upper() for p in dominant], lang))


def widest_text(result: ScanResult, session: Session, lang: str) -> str:
    """The element where groups differ most, as a sentence ('' with fewer than two groups with shares)."""
    gap = result.widest
    if gap is None:
        return ""
    return t(
        "sturingsscan.dash.widest",
        lang,
        element=element_label(gap.element, lang).lower(),
        distance=decimal(gap.distance or 0, lang),  # measured: never None
        a=session.group_label(gap.pair[0]),
        b=session.group_label(gap.pair[1]),
    )


def split(key: str, who: str, profile: Profile, lang: str, **extra) -> Split:
    """A line of the shares: who (with their largest perspective), their share per perspective, how many.

    The largest perspective is in the line's ``full`` name, drawn only where the line's figures are (the
    disclosure rule); where they are withheld the line is named ``who`` alone.
    """
    shares = tuple(profile.shares[p] for p in PERSPECTIVES) if profile.shares else (None,) * len(PERSPECTIVES)
    return Split(key, who, shares, profile.n, full=mostly(who, profile.dominant, lang), **extra)


def shares_block(result: ScanResult, session: Session, lang: str) -> Shares:
    """One item: a line per group with shares and the room's (strong), each named with its largest perspective."""
    who = t("sturingsscan.dash.who", lang, n=result.answered, counted=result.room.n)
    lines = [
        split(group.key, group.label, result.by_group[group.key], lang, color=group.color)
        for group in groups_of(session)
        if result.by_group[group.key].shares
    ]
    items: tuple[SharedItem, ...] = ()
    if result.room.shares:
        lines.append(split(ROOM, t("sturingsscan.dash.room", lang), result.room, lang, strong=True))
        items = (SharedItem("all", t("sturingsscan.dash.all_elements", lang), tuple(lines)),)
    else:
        who = f"{who}. {t('sturingsscan.dash.nobody', lang)}"
    return Shares(
        SHARES,
        t("sturingsscan.dash.shares", lang),
        t("sturingsscan.dash.who_column", lang),
        perspectives(lang),
        items,
        intro=who,
        digits=1,
    )


def elements_block(result: ScanResult, session: Session, lang: str) -> Facts:
    """Per element the distance between the two groups farthest apart and who they are; the widest one strong."""
    rows = []
    for gap in result.elements:
        if gap.distance is None:
            cells: tuple = (None, t("sturingsscan.dash.no_groups", lang))
        else:
            a, b = (session.group_label(g) for g in gap.pair)
            cells = (gap.distance, t("sturingsscan.dash.pair", lang, a=a, b=b))
        rows.append(Row(gap.element, element_label(gap.element, lang), cells, strong=gap is result.widest))
    columns = (
        Column("distance", t("sturingsscan.dash.distance", lang)),
        Column("between", t("sturingsscan.dash.between", lang)),
    )
    return Facts(
        ELEMENT_GAPS,
        t("sturingsscan.dash.elements", lang),
        t("sturingsscan.dash.element", lang),
        columns,
        tuple(rows),
        intro=widest_text(result, session, lang),
    )


def benchmark_block(room: dict, lang: str, n: int = 0) -> Facts:
    """Per perspective the room's share next to the 49's mean, lowest and highest, its rank and the nearest's.

    ``n``: how many participants the room's shares rest on (each row's count for the disclosure rule).
    """
    mark = benchmark(room)

    def at(found: tuple) -> str:
        return t("sturingsscan.dash.at", lang, share=decimal(found[0], lang), gemeente=found[1])

    columns = (
        Column("room", t("sturingsscan.dash.room", lang), PERCENT),
        Column("mean", t("sturingsscan.dash.mean49", lang), PERCENT),
        Column("low", t("sturingsscan.dash.low", lang)),
        Column("high", t("sturingsscan.dash.high", lang)),
        Column("rank", t("sturingsscan.dash.rank", lang)),
        Column("nearest", t("sturingsscan.dash.nearest_row", lang, gemeente=mark.nearest), PERCENT),
    )
    rows = tuple(
        Row(
            p,
            label(p, lang),
            (
                room[p],
                mark.mean[p],
                at(mark.low[p]),
                at(mark.high[p]),
                t("sturingsscan.dash.rank_value", lang, below=mark.below[p], total=mark.total),
                mark.nearest_shares[p],
            ),
            n=n,
        )
        for p in PERSPECTIVES
    )
    nearest = t("sturingsscan.dash.nearest", lang, gemeente=mark.nearest, distance=decimal(mark.nearest_distance, lang))
    return Facts(
        BENCHMARK, t("sturingsscan.dash.benchmark", lang), t("sturingsscan.dash.perspective", lang), columns, rows,
        intro=nearest,
    )  # fmt: skip


def blocks(answers: ByActivity, state: States, session: Session, lang: str) -> list[Block]:
    """The shares per group and for the room; once someone has shares, the gaps per element and the 49."""
    result = summarize(answers.get(ACTIVITY, []), [g.key for g in session.groups])
    found: list[Block] = [shares_block(result, session, lang)]
    if result.room.shares:
        found += [elements_block(result, session, lang), benchmark_block(result.room.shares, lang, result.room.n)]
    return found


def own(answers: ByActivity, state: States, session: Session, participant: Participant, lang: str) -> dict:
    """The own share per perspective next to the group's and the room's mean, as a block (a card per perspective).

    A mean appears only where the disclosure rule lets it through (``widgets.model.results.compare``).
    """
    found = {
        ref: (group, shares)
        for ref, (group, values) in by_participant(answers.get(ACTIVITY, [])).items()
        if (shares := participant_shares(values)) is not None
    }
    group_of = {ref: group for ref, (group, _) in found.items()}
    rows = []
    for p in PERSPECTIVES:
        values = {ref: shares[p] for ref, (_, shares) in found.items()}
        compared = compare(p, values, participant.ref, group_of, participant.group_key)
        own, group, room = values.get(participant.ref), compared.group, compared.room
        if (own, group, room) != (None, None, None):
            written = own if own is not None else t("sturingsscan.results_no_share", lang)
            rows.append(Row(p, label(p, lang), (written, group, room)))
    if not rows:
        return {"rows": []}
    columns = tuple(Column(key, t(f"resultaten.{key}", lang), PERCENT) for key in ("you", "group", "room"))
    block = Facts(
        OWN,
        t("sturingsscan.mine", lang),
        t("sturingsscan.dash.perspective", lang),
        columns,
        tuple(rows),
        intro=t("sturingsscan.results_note", lang),
    )
    return {"blocks": [block]}
