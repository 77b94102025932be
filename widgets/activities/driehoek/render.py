"""The strategic triangle as HTML: a small SVG (no Bokeh) and the dashboard's tables.

Phones, lessons, the facilitator's dashboard (inside ``w.HTML``) and the report render the
same templates, so a number reads the same everywhere and every note is escaped by Jinja.
"""

import math

from ...colors import category_colors, group_color
from ...i18n import decimal, t
from ...model.answers import Answer
from ...model.blocks import Category, Figure, Scale, ScoredItem, Scores, SharedItem, Shares, Split, groups_of
from ...model.sessions import Session
from ...render import render
from ...render.blocks import DASHBOARD, blocks_html
from ...render.chart_tables import PLACEMENTS_TABLE
from ...render.followup import fragment
from ...texts import routes
from .model import ACTIVITY, AXES, CORNER_XY, CORNERS, ROUTES, SEVERITIES, position, weakest_corner

OTHER_GROUP = "#777777"
YOU_COLOR = "#1b1b1b"
SIZE = 300
SCALE = Scale(0, 10)  # a corner's score
PAD = 28
YOU_GAP = 17  # from the marked point to its label
LABEL_EM = 9.5  # about one letter of the label (15 px bold), to keep it inside the drawing


def _xy(x: float, y: float) -> tuple:
    scale = SIZE - 2 * PAD
    height = scale * math.sqrt(3) / 2 + 2 * PAD
    return round(PAD + x * scale, 1), round(height - PAD - y * scale, 1)


def triangle_svg(
    points=(),
    centroids=(),
    you=None,
    legend=(),
    lang: str = "nl",
    title: str = "",
    you_color: str = YOU_COLOR,
    described_by: str = "",
    you_label: str = "",
) -> str:
    """Points and centroids ``[(x, y, color, title)]``, ``you`` an (x, y) drawn as the marked 'jij' point.

    ``legend`` is ``[(color, label)]`` or ``[(color, label, shape)]`` with shape ``dot``, ``diamond``
    or ``you``; the SVG has a text alternative (``title``), and the legend is plain HTML.
    ``described_by``: the id of the element saying that the figures follow as a table.
    ``you_label``: the marked point's words where it is not the viewer ('jij'), e.g. a lesson's placement.
    """
    scale = SIZE - 2 * PAD
    height = round(scale * math.sqrt(3) / 2 + 2 * PAD)
    corners = [(c, *_xy(*CORNER_XY[c])) for c in CORNERS]
    marked = None
    if you:
        x, y = _xy(*you)
        label = you_label or t("driehoek.you", lang)
        # the label stays inside: left of the point near the right corner or when it would run past the edge
        left = x > SIZE * 0.62 or x + YOU_GAP + LABEL_EM * len(label) > SIZE
        label_x = x - YOU_GAP if left else x + YOU_GAP
        marked = {"x": x, "y": y, "color": you_color, "left": left, "label": label, "label_x": label_x}
    return render(
        "driehoek_figure.html",
        lang,
        size=SIZE,
        height=height,
        title=title,
        outline=" ".join(f"{x},{y}" for _, x, y in corners),
        corners=corners,
        points=[(*_xy(x, y), color, label) for x, y, color, label in points],
        centroids=[(*_xy(x, y), color, label) for x, y, color, label in centroids],
        you=marked,
        legend=[(*entry, "dot") if len(entry) == 2 else tuple(entry) for entry in legend],
        described_by=described_by,
    )


def position_svg(scores: dict, lang: str) -> str:
    """One participant's own place, marked 'jij', with a legend and the scores as its text alternative."""
    title = t("driehoek.position_svg", lang, **{c: scores[c] for c in CORNERS})
    return triangle_svg(
        you=position(scores), legend=[(YOU_COLOR, t("driehoek.you_legend", lang), "you")], lang=lang, title=title
    )


def case_svg(case: str, scores: dict, lang: str) -> str:
    """A learner's placement of a case from the book (lessons): marked as their placement, not as 'jij'."""
    title = t("lesson.placement_svg", lang, case=case, **{c: scores[c] for c in CORNERS})
    return triangle_svg(you=position(scores), lang=lang, title=title, you_label=t("lesson.your_placement", lang))


def everyone_svg(placed, session, lang: str, you_ref: str | None = None) -> str:
    """Everyone's place in their group's colour, a legend of the groups, the viewer's own point marked.

    Its figures follow as a table (``placements_html``); the drawing points at that table's summary.
    """
    colors = {g.key: group_color(i) for i, g in enumerate(session.groups)}
    points, you, own_color = [], None, YOU_COLOR
    for ref, group, scores in placed:
        x, y = position(scores)
        points.append((x, y, colors.get(group, OTHER_GROUP), session.group_label(group)))
        if you_ref is not None and ref == you_ref:
            you, own_color = (x, y), colors.get(group, OTHER_GROUP)
    present = {group for _, group, _ in placed}
    legend: list[tuple[str, ...]] = [(colors[g.key], g.label) for g in session.groups if g.key in present]
    legend += [(OTHER_GROUP, session.group_label(g)) for g in sorted(present - set(colors))]
    if you:
        legend.append((own_color, t("driehoek.you_legend", lang), "you"))
    title = t("driehoek.everyone_svg", lang, n=len(placed))
    described_by = f"{PLACEMENTS_TABLE}-summary" if placed else ""
    return triangle_svg(
        points, you=you, legend=legend, lang=lang, title=title, you_color=own_color, described_by=described_by
    )


def levels(placed, session: Session, lang: str) -> Scores:
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
    title = t("driehoek.dash.levels", lang)
    return Scores(
        ACTIVITY, title, t("resultaten.corner", lang), SCALE, groups, items, room=t("driehoek.dash.all", lang)
    )


def levels_html(placed, session, lang: str, surface: str, heading: int = 4) -> str:
    """The mean score per corner per group and everyone's (the ``results.blocks`` block drawn for ``surface``),
    and the weakest corner (``placed`` from ``placements``)."""
    return render(
        "driehoek_levels.html",
        lang,
        levels=blocks_html([levels(placed, session, lang)], surface, lang) if placed else "",
        weakest=weakest_corner(s for _, _, s in placed) if placed else None,
        heading=f"h{heading}",
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
        if n:
            label = t("driehoek.dash.axis_mean", lang, axis=label, mean=decimal(sum(severities) / n, lang))
        shares = tuple(100 * severities.count(s) / n if n else None for s in SEVERITIES)
        lines.append(Split(axis, label, shares, n))
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


def tensions_html(answers: list[Answer], session: Session, lang: str, surface: str = DASHBOARD) -> str:
    """The tensions block drawn for ``surface``, then per axis every note with its group."""
    notes = [
        (
            axis,
            [
                (session.group_label(a.group), a.value["note"])
                for a in answers
                if a.item == f"spanning.{axis}" and a.value.get("note")
            ],
        )
        for axis in AXES
    ]
    return render(
        "driehoek_tensions.html",
        lang,
        block=blocks_html([tensions(answers, lang)], surface, lang),
        notes=[(axis, given) for axis, given in notes if given],
    )


def routes_html(answers: list[Answer], lang: str) -> str:
    """How many chose route a and route b per side (Box 5.4), with the routes' labels."""
    labels = routes(lang)
    rows = []
    for axis in AXES:
        chosen = [a.value["route"] for a in answers if a.item == f"route.{axis}"]
        rows.append({"key": axis, "routes": [(r, chosen.count(r), labels[axis].get(r, ("", ""))[0]) for r in ROUTES]})
    return render("driehoek_routes.html", lang, rows=rows)


def placements_html(placed, session, lang: str, you_ref: str | None = None, folded: bool = True) -> str:
    """Every placement as a table (the drawing's text alternative): group and the three scores, by group."""
    order = {g.key: i for i, g in enumerate(session.groups)}
    rows = [
        {"group": session.group_label(group), "scores": scores, "you": ref == you_ref}
        for ref, group, scores in sorted(placed, key=lambda p: (order.get(p[1], len(order)), p[0]))
    ]
    return render("driehoek_placements.html", lang, corners=CORNERS, rows=rows, id=PLACEMENTS_TABLE, folded=folded)


def followup_html(change, frame, chart="") -> str:
    """The mean score per corner then and now, and the centroids as shares: the arrows' table."""
    return fragment("driehoek_followup.html", change, frame, chart, corners=CORNERS)
