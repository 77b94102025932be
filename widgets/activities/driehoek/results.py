"""The strategic triangle's results as blocks (``widgets.model.blocks``), drawn by the kit on every surface.

What the room sees once the facilitator shows the triangle (``blocks``: the phones, the presentation screen), and
the dashboard and the report with it:

- a ``Placements`` block: everyone's place by group (their three scores), each group's mean place and the room's
  (as shares of the corners, the centroid of their places), the weakest corner as its finding; on a phone the
  viewer's own place marked;
- a ``Scores`` block: the mean score per corner of each group that placed itself, and everyone's.

Only on the dashboard and in the report, with the notes on the tensions:

- ``tensions``: a ``Shares`` block, how strongly each side chafes (Box 5.3), per side the shares of 1 to 5;
- ``routes``: a ``Shares`` block per side, the split over its routes a and b (Box 5.4, the routes named as the
  book does), a line per group that chose and one for everyone.

On the participant's results page (``own``) the own score per corner next to the means.
"""

from ...colors import category_colors
from ...i18n import decimal, t
from ...model.answers import Answer, ByActivity, States
from ...model.blocks import (
    Block,
    Category,
    Corner,
    Figure,
    Group,
    MeanPlace,
    Placement,
    Placements,
    Scale,
    ScoredItem,
    Scores,
    SharedItem,
    Shares,
    Split,
    groups_of,
    percents,
)
from ...model.sessions import Participant, Session
from ...render.results import score_rows
from ...texts import routes as route_texts
from .model import (
    ACTIVITY,
    AXES,
    CORNERS,
    ROUTES,
    SEVERITIES,
    barycentric,
    placements,
    triangle_comparison,
    weakest_corner,
)

SCALE = Scale(0, 10)  # a corner's score
ROOM = "*"  # the key of everyone's mean and line


def blocks(answers: ByActivity, state: States, session: Session, lang: str) -> list[Block]:
    """The triangle and the levels per corner, once somebody placed themselves ([] before: the page says nobody did)."""
    return room(placements(answers.get(ACTIVITY, [])), session, lang)


def room(placed: list, session: Session, lang: str, you: str | None = None) -> list[Block]:
    """``blocks`` of the placements (``model.placements``), the participant ``you``'s own place marked."""
    if not placed:
        return []
    return [triangle(placed, session, lang, you), levels(placed, session, lang)]


def present_groups(present: set[str], session: Session, every: bool = False) -> tuple[Group, ...]:
    """The groups ``present`` (``every``: all the session's), in the session's order with their colours; a group
    it no longer has after them."""
    known = tuple(g for g in groups_of(session) if every or g.key in present)
    others = sorted(present - {g.key for g in known})
    return known + tuple(Group(key, session.group_label(key), "") for key in others)


def mean_place(scores: list[dict]) -> tuple[float, ...]:
    """The centroid of these places as each corner's share, percent: the mean of each place's shares."""
    shares = [barycentric(s) for s in scores]
    return tuple(100 * sum(s[c] for s in shares) / len(shares) for c in CORNERS)


def triangle(placed: list, session: Session, lang: str, you: str | None = None) -> Placements:
    """Everyone's place by group, the groups' and the room's mean places, the weakest corner; ``you`` marked."""
    groups = present_groups({group for _, group, _ in placed}, session, every=True)  # a group's shape: its place
    order = {g.key: i for i, g in enumerate(groups)}
    points = tuple(
        Placement(group, tuple(scores[c] for c in CORNERS), you is not None and ref == you)
        for ref, group, scores in sorted(placed, key=lambda p: (order[p[1]], p[0]))
    )
    means = [
        MeanPlace(g.key, g.label, mean_place(mine), len(mine))
        for g in groups
        for mine in [[s for _, group, s in placed if group == g.key]]
        if mine
    ]
    everyone = [s for _, _, s in placed]
    means.append(MeanPlace(ROOM, t("driehoek.dash.all", lang), mean_place(everyone), len(everyone)))
    weakest = t(f"corner.short.{weakest_corner(everyone)}", lang)
    return Placements(
        ACTIVITY,
        t("driehoek.placements.title", lang),
        t("driehoek.group", lang),
        tuple(Corner(c, t(f"corner.short.{c}", lang)) for c in CORNERS),
        groups,
        points,
        tuple(means),
        intro=t("driehoek.dash.weakest", lang, corner=weakest),
        scale=SCALE,
    )


def levels(placed: list, session: Session, lang: str) -> Scores:
    """The mean score per corner (``placed`` from ``placements``) of each group that placed itself, and everyone's."""
    groups = tuple(g for g in groups_of(session) if any(group == g.key for _, group, _ in placed))
    items = tuple(
        ScoredItem(
            corner,
            t(f"corner.short.{corner}", lang).capitalize(),
            tuple(Figure.of([s[corner] for _, group, s in placed if group == g.key]) for g in groups),
            Figure.of([s[corner] for _, _, s in placed]),
        )
        for corner in CORNERS
    )
    return Scores(
        f"{ACTIVITY}-levels",
        t("driehoek.dash.levels", lang),
        t("resultaten.corner", lang),
        SCALE,
        groups,
        items,
        room=t("driehoek.dash.all", lang),
    )


def tensions(answers: list[Answer], lang: str) -> Shares:
    """How strongly each side chafes (Box 5.3): per axis the share of the room that chose 1 to 5, with the mean."""
    colors = category_colors(len(SEVERITIES))
    categories = tuple(Category(str(s), str(s), color) for s, color in zip(SEVERITIES, colors, strict=True))
    lines = []
    for axis in AXES:
        severities = [a.value["severity"] for a in answers if a.item == f"spanning.{axis}"]
        n = len(severities)
        label = t(f"axis.{axis}", lang)
        # the mean in the line's name, where the line's figures are shown (the disclosure rule: from k answers)
        full = t("driehoek.dash.axis_mean", lang, axis=label, mean=decimal(sum(severities) / n, lang)) if n else ""
        shares = percents((severities.count(s) for s in SEVERITIES), n)
        lines.append(Split(axis, label, shares, n, full=full))
    item = SharedItem("spanningen", t("driehoek.severity_legend", lang), tuple(lines))
    return Shares(
        f"{ACTIVITY}-spanningen",
        t("driehoek.dash.tensions", lang),
        t("driehoek.dash.axis", lang),
        categories,
        (item,),
        n_label=t("driehoek.dash.n", lang),
        intro=t("driehoek.severity_hint", lang),
    )


def routes(answers: list[Answer], session: Session, lang: str) -> list[Shares]:
    """Per side of the triangle (Box 5.4) the share of route a and of route b, named as the book does: a line per
    group that chose one there, then everyone's (also when nobody chose: a dash, N 0)."""
    labels = route_texts(lang)
    colors = category_colors(len(ROUTES), ordered=False)  # a and b are two ways, not an order
    found = []
    for axis in AXES:
        chosen = [(a.group, a.value["route"]) for a in answers if a.item == f"route.{axis}"]
        categories = tuple(
            Category(
                route,
                t("driehoek.route_label", lang, route=route, label=labels[axis].get(route, ("", ""))[0]),
                color,
                short=t("driehoek.route_option", lang, route=route),
            )
            for route, color in zip(ROUTES, colors, strict=True)
        )
        lines = [
            split(g.key, g.label, [r for group, r in chosen if group == g.key], g.color)
            for g in present_groups({group for group, _ in chosen}, session)
        ]
        lines.append(split(ROOM, t("driehoek.dash.all", lang), [r for _, r in chosen], strong=True))
        found.append(
            Shares(
                f"{ACTIVITY}-routes-{axis}",
                t("driehoek.dash.route_side", lang, axis=t(f"axis.{axis}", lang)),
                t("driehoek.group", lang),
                categories,
                (SharedItem(axis, t("driehoek.route_legend", lang), tuple(lines)),),  # the question, as the tensions
                n_label=t("driehoek.dash.n", lang),
            )
        )
    return found


def split(key: str, label: str, chosen: list[str], color: str = "", strong: bool = False) -> Split:
    """How ``chosen`` (routes) split over a and b, percent; not known (a dash) where nobody chose."""
    n = len(chosen)
    shares = percents((chosen.count(r) for r in ROUTES), n)
    return Split(key, label, shares, n, color=color, strong=strong)


def own(answers: ByActivity, state: States, session: Session, participant: Participant, lang: str) -> dict:
    compared = triangle_comparison(answers.get(ACTIVITY, []), participant.ref, participant.group_key)
    labels = {c.key: t(f"corner.short.{c.key}", lang).capitalize() for c in compared}
    return {
        "rows": score_rows(compared, labels, lang),
        "what": t("resultaten.corner", lang),
    }
