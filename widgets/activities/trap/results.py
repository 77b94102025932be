"""The participatietrap's results as blocks: where each group puts the municipality now and should, and the gap.

Two blocks, the same on the phones once revealed, the presentation screen, the dashboard and the report:

- a ``Shares`` block, "Nu" and "Straks" (the two questions), a line per group that answered and one for
  everyone: how their answers split over the five rungs (top rung, reguleren, first), with how many
  answered, so every count of the rung table is there (a percentage of N, whole percents while
  fewer than a hundred answered);
- a ``Facts`` block, a row per group that answered and one for everyone: how many, the mean rung
  now and should, the difference (should - now, signed: above zero towards loslaten) and how many
  want the municipality towards loslaten, where it is, or towards reguleren.
"""

from ...colors import category_colors
from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.blocks import Block, Category, Column, Facts, Row, SharedItem, Shares, Split, groups_of, percents
from ...model.sessions import Session
from .model import ACTIVITY, FIELDS, ITEM, LadderSummary, summarize
from .render import rungs

ROOM = "*"  # the key of everyone's line and row


def blocks(answers: ByActivity, state: States, session: Session, lang: str) -> list[Block]:
    """Both distributions (``Shares``) and the gap per group (``Facts``), groups in the session's order."""
    mine = [a for a in answers.get(ACTIVITY, []) if a.item == ITEM]
    by_group, room = summarize(mine, [g.key for g in session.groups])
    colors = {g.key: g.color for g in groups_of(session)}
    answered = [(key, session.group_label(key), colors.get(key, ""), s) for key, s in by_group.items() if s.count]
    everyone = (ROOM, t("trap.dash.all", lang), "", room)
    who = [*answered, everyone]
    return [distribution(who, room.count, lang), gaps(who, lang)]


def distribution(who: list, participants: int, lang: str) -> Shares:
    """Per question (now, should) a line per group and everyone: the share of each rung."""
    names = [t("trap.rung", lang, n=r["n"], name=r["name"]) for r in rungs(lang)]
    categories = tuple(
        Category(r["key"], name, color)
        for r, name, color in zip(rungs(lang), names, category_colors(len(names)), strict=True)
    )
    items = tuple(
        SharedItem(
            which,
            t(f"trap.{which}", lang),
            tuple(
                Split(key, label, split(s, which), s.count, color=color, strong=key == ROOM)
                for key, label, color, s in who
            ),
        )
        for which in FIELDS
    )
    return Shares(
        f"{ACTIVITY}-distribution",
        t("trap.dash.distribution", lang),
        t("trap.dash.group", lang),
        categories,
        items,
        intro=t("trap.dash.who", lang, n=participants),
        digits=0 if participants < 100 else 1,  # a count is N x the percentage, rounded: exact below 100 (1000)
    )


def split(summary: LadderSummary, which: str) -> tuple:
    """The percentage on each rung of ``which`` (now, should); None (not known) where nobody answered."""
    counts = summary.now_counts if which == "now" else summary.should_counts
    return percents(counts, summary.count)


def gaps(who: list, lang: str) -> Facts:
    """Per group and everyone: how many, the mean rung now and should, the difference, who wants to move where."""
    columns = (
        Column("n", t("trap.dash.n", lang)),
        Column("now", t("trap.dash.mean_now", lang)),
        Column("should", t("trap.dash.mean_should", lang)),
        Column("gap", t("trap.dash.difference", lang), signed=True),
        Column("looser", t("trap.dash.looser", lang)),
        Column("same", t("trap.dash.same", lang)),
        Column("tighter", t("trap.dash.tighter", lang)),
    )
    rows = tuple(
        Row(
            key,
            label,
            (s.count, s.now_mean, s.should_mean, s.gap, s.looser, s.same, s.tighter),
            strong=key == ROOM,
            n=s.count,  # the disclosure rule's count: a group's row and everyone's (ROOM) as its room
        )
        for key, label, _, s in who
    )
    return Facts(
        f"{ACTIVITY}-gap",
        t("trap.dash.gap", lang),
        t("trap.dash.group", lang),
        columns,
        rows,
        intro=t("trap.dash.gap_hint", lang),
    )
