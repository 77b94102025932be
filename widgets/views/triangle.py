"""The strategische driehoek activity: placement, tensions per axis (Box 5.3), routes per side (Box 5.4)."""

import math
from html import escape

import ipywidgets as w

from ..datasets import read_dataset
from ..i18n import error_message, t
from ..model.triangle import (
    ACTIVITY, AXES, CORNER_XY, CORNERS, SEVERITIES, centroid, check_route, check_scores, check_tension, level,
    level_key, meaning_key, position, weakest_corner,
)
from ..model.validation import InputError
from .activities import register
from .common import Message, RevealSwitch

QUESTIONS_FILE = "spanningen_box_5_3.csv"
ROUTES_FILE = "routes_box_5_4.csv"
COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")


def questions(lang: str) -> dict:
    column = "question_en" if lang == "en" else "question_nl"
    out = {axis: [] for axis in AXES}
    for row in read_dataset(QUESTIONS_FILE).rows:
        out[row["axis"]].append(row[column])
    return out


def routes(lang: str) -> dict:
    suffix = "en" if lang == "en" else "nl"
    out = {axis: {} for axis in AXES}
    for row in read_dataset(ROUTES_FILE).rows:
        out[row["axis"]][row["route"]] = (row[f"label_{suffix}"], row[f"example_{suffix}"])
    return out


def triangle_svg(points, centroids=(), size: int = 300) -> str:
    """A small SVG triangle (no Bokeh, for phones): points [(x, y, color, title)], centroids likewise."""
    pad = 24
    scale = size - 2 * pad
    height = scale * math.sqrt(3) / 2 + 2 * pad

    def xy(x, y):
        return pad + x * scale, height - pad - y * scale

    corners = " ".join("%.1f,%.1f" % xy(*CORNER_XY[c]) for c in CORNERS)
    labels = "".join(
        f'<text x="{xy(*CORNER_XY[c])[0]:.1f}" y="{xy(*CORNER_XY[c])[1] + (-8 if c == "willen" else 16):.1f}" '
        f'text-anchor="middle" font-size="12" font-weight="bold">{c}</text>' for c in CORNERS)
    dots = "".join(f'<circle cx="{xy(x, y)[0]:.1f}" cy="{xy(x, y)[1]:.1f}" r="6" fill="{color}" fill-opacity="0.8">'
                   f"<title>{escape(title)}</title></circle>" for x, y, color, title in points)
    big = "".join(f'<rect x="{xy(x, y)[0] - 7:.1f}" y="{xy(x, y)[1] - 7:.1f}" width="14" height="14" '
                  f'fill="{color}" stroke="black" transform="rotate(45 {xy(x, y)[0]:.1f} {xy(x, y)[1]:.1f})">'
                  f"<title>{escape(title)}</title></rect>" for x, y, color, title in centroids)
    return (f'<svg class="kit-triangle" viewBox="0 0 {size} {height:.0f}" width="100%" style="max-width:{size}px" '
            f'role="img"><polygon points="{corners}" fill="#f7f9fb" stroke="#555" stroke-width="2"/>'
            f"{labels}{big}{dots}</svg>")


def placements(answers) -> list:
    """[(participant ref, group, scores)] of everyone who placed themselves."""
    return [(a["participant"], a["group"], a["value"]) for a in answers if a["item"] == "plaats"]


class TriangleParticipant(w.VBox):
    def __init__(self, store, session, participant, lang):
        self.store, self.session, self.participant, self.lang = store, session, participant, lang
        mine = store.my_answers(participant.token, ACTIVITY)
        placed = mine.get("plaats", {})
        self.sliders = {}
        rows = [w.HTML(f"<h3>{t('driehoek.title', lang)}</h3><p>{t('driehoek.intro', lang)}</p>")]
        for corner in CORNERS:
            slider = w.IntSlider(value=placed.get(corner, 5), min=0, max=10, layout=w.Layout(width="100%"))
            slider.add_class(f"kit-tri-{corner}")
            self.sliders[corner] = slider
            rows += [w.HTML(f"<b>{t('corner.' + corner, lang)}</b><br><small>{t('corner.help.' + corner, lang)}</small>"),
                     slider]
        place = w.Button(description=t("driehoek.place", lang), button_style="primary",
                         layout=w.Layout(width="100%", height="44px"))
        place.add_class("kit-tri-place")
        place.on_click(lambda _: self.save_placement())
        self.placement = w.HTML()
        self.placement.add_class("kit-tri-position")
        self.message = Message()
        rows += [place, self.message, self.placement]
        rows += self._tension_widgets(mine) + self._route_widgets(mine)
        self.revealed = w.HTML()
        self.revealed.add_class("kit-tri-revealed")
        rows.append(self.revealed)
        super().__init__(rows)
        self.add_class("kit-activity-driehoek")
        if placed:
            self.show_placement(placed)
        self.refresh(session)

    def _tension_widgets(self, mine) -> list:
        rows = [w.HTML(f"<h4>{t('driehoek.tensions', self.lang)}</h4><p>{t('driehoek.tensions_intro', self.lang)}</p>")]
        self.severity, self.notes = {}, {}
        for axis, items in questions(self.lang).items():
            stored = mine.get(f"spanning.{axis}", {})
            self.severity[axis] = w.ToggleButtons(options=[(str(s), s) for s in SEVERITIES],
                                                  value=stored.get("severity"), style={"button_width": "44px"})
            self.severity[axis].add_class(f"kit-tri-severity-{axis}")
            self.notes[axis] = w.Textarea(value=stored.get("note", ""), rows=2, layout=w.Layout(width="100%"),
                                          placeholder=t("beoordelen.note", self.lang))
            self.notes[axis].add_class(f"kit-tri-note-{axis}")
            listed = "".join(f"<li>{escape(q)}</li>" for q in items)
            rows += [w.HTML(f"<b>{t('axis.' + axis, self.lang)}</b><ul>{listed}</ul>"
                            f"<small>{t('driehoek.severity', self.lang)}</small>"),
                     self.severity[axis], self.notes[axis]]
        save = w.Button(description=t("driehoek.save_tensions", self.lang), layout=w.Layout(width="100%"))
        save.add_class("kit-tri-save-tensions")
        save.on_click(lambda _: self.save_tensions())
        self.tension_message = Message()
        return rows + [save, self.tension_message]

    def _route_widgets(self, mine) -> list:
        rows = [w.HTML(f"<h4>{t('driehoek.routes', self.lang)}</h4>")]
        self.routes = {}
        for axis, options in routes(self.lang).items():
            stored = mine.get(f"route.{axis}", {}).get("route")
            choice = w.RadioButtons(options=[(f"{r}) {label}", r) for r, (label, _) in sorted(options.items())],
                                    value=stored, layout=w.Layout(width="auto"))
            choice.add_class(f"kit-tri-route-{axis}")
            self.routes[axis] = choice
            examples = "".join(f"<li>{r}) {escape(example)}</li>" for r, (_, example) in sorted(options.items()))
            rows += [w.HTML(f"<b>{t('axis.' + axis, self.lang)}</b>"), choice,
                     w.HTML(f"<small>{t('driehoek.example', self.lang)}:<ul>{examples}</ul></small>")]
        save = w.Button(description=t("driehoek.save_routes", self.lang), layout=w.Layout(width="100%"))
        save.add_class("kit-tri-save-routes")
        save.on_click(lambda _: self.save_routes())
        self.route_message = Message()
        return rows + [save, self.route_message]

    def _submit(self, answers: dict, message: Message) -> bool:
        try:
            self.store.submit(self.participant.token, ACTIVITY, answers)
        except InputError as error:
            message.show(error_message(error, self.lang), "error")
            return False
        message.show(t("driehoek.saved", self.lang), "ok")
        return True

    def save_placement(self) -> None:
        try:
            scores = check_scores({c: s.value for c, s in self.sliders.items()})
        except InputError as error:
            self.message.show(error_message(error, self.lang), "error")
            return
        if self._submit({"plaats": scores}, self.message):
            self.show_placement(scores)

    def show_placement(self, scores) -> None:
        x, y = position(scores)
        reading = t(meaning_key(scores), self.lang)
        overall = t(level_key(scores), self.lang, level=f"{level(scores):.1f}")
        self.placement.value = (triangle_svg([(x, y, "#d62728", t("driehoek.you", self.lang))])
                                + f'<p class="kit-tri-meaning"><b>{reading}</b> {overall}</p>')

    def save_tensions(self) -> None:
        answers = {}
        try:
            for axis in AXES:
                if self.severity[axis].value is not None or self.notes[axis].value.strip():
                    answers[f"spanning.{axis}"] = check_tension(self.severity[axis].value, self.notes[axis].value)
        except InputError as error:
            self.tension_message.show(error_message(error, self.lang), "error")
            return
        self._submit(answers, self.tension_message)

    def save_routes(self) -> None:
        answers = {f"route.{axis}": check_route(c.value) for axis, c in self.routes.items() if c.value}
        self._submit(answers, self.route_message)

    def refresh(self, session) -> None:
        self.session = session
        if not self.store.state(session.id, ACTIVITY).get("reveal"):
            self.revealed.value = ""
            return
        order = [g.key for g in session.groups]
        placed = placements(self.store.answers(session.id, ACTIVITY))
        points = [(*position(s), COLORS[order.index(g) % 8] if g in order else "#777", session.group_label(g))
                  for _, g, s in placed]
        self.revealed.value = f"<h4>{t('driehoek.everyone', self.lang)}</h4>" + triangle_svg(points)


class TriangleDashboard(w.VBox):
    def __init__(self, store, session, lang):
        from ..charts import widget
        from ..charts.triangle import ternary_figure

        self.store, self.session, self.lang = store, session, lang
        plot, self.points, self.centroids = ternary_figure(
            {c: t("corner.short." + c, lang) for c in CORNERS}, t("driehoek.dash.plot", lang))
        self.levels = w.HTML()
        self.levels.add_class("kit-tri-levels")
        self.tensions = w.HTML()
        self.tensions.add_class("kit-tri-tensions")
        self.route_counts = w.HTML()
        self.route_counts.add_class("kit-tri-routes")
        self.reveal = RevealSwitch(store, session, ACTIVITY, t("driehoek.dash.reveal", lang), "kit-tri-reveal")
        self.update_chart(store.answers(session.id, ACTIVITY))  # before it is drawn (see rating.py)
        super().__init__([w.HTML(f"<h3>{t('driehoek.title', lang)}</h3>"), self.reveal,
                          w.HBox([widget(plot), self.levels], layout=w.Layout(flex_flow="row wrap")),
                          self.tensions, self.route_counts])
        self.add_class("kit-dashboard-driehoek")

    def update_chart(self, answers) -> None:
        from ..charts.triangle import centroid_data, points_data

        order = [g.key for g in self.session.groups]
        placed = [(g, position(s)) for _, g, s in placements(answers)]
        by_group = {g: centroid([p for pg, p in placed if pg == g]) for g in order}
        self.points.data = points_data(placed, order)
        self.centroids.data = centroid_data(by_group, order, centroid([p for _, p in placed]))

    def refresh(self, session) -> None:
        self.session = session
        answers = self.store.answers(session.id, ACTIVITY)
        self.reveal.sync()
        self.update_chart(answers)
        self.levels.value = levels_html(placements(answers), session, self.lang)
        self.tensions.value = tensions_html(answers, session, self.lang)
        self.route_counts.value = routes_html(answers, self.lang)


def levels_html(placed, session, lang: str) -> str:
    if not placed:
        return f"<p>{t('driehoek.dash.nobody', lang)}</p>"
    head = "".join(f"<th>{t('corner.short.' + c, lang)}</th>" for c in CORNERS)
    rows = []
    for index, group in enumerate(session.groups):
        scores = [s for _, g, s in placed if g == group.key]
        if not scores:
            continue
        cells = "".join(f'<td data-kit-corner="{c}">{sum(s[c] for s in scores) / len(scores):.1f}</td>'
                        for c in CORNERS)
        rows.append(f'<tr data-kit-group="{escape(group.key, quote=True)}"><td>'
                    f'<span style="color:{COLORS[index % 8]}">●</span> {escape(group.label)}</td>{cells}</tr>')
    everyone = [s for _, _, s in placed]
    cells = "".join(f"<th>{sum(s[c] for s in everyone) / len(everyone):.1f}</th>" for c in CORNERS)
    rows.append(f"<tr><th>{t('driehoek.dash.all', lang)}</th>{cells}</tr>")
    weakest = t("corner.short." + weakest_corner(everyone), lang)
    return (f"<h4>{t('driehoek.dash.levels', lang)}</h4><table class='kit-count-table'><tr><th></th>{head}"
            f"</tr>{''.join(rows)}</table><p class='kit-tri-weakest'>"
            f"{t('driehoek.dash.weakest', lang, corner=weakest)}</p>")


def tensions_html(answers, session, lang: str) -> str:
    parts = [f"<h4>{t('driehoek.dash.tensions', lang)}</h4>"]
    for axis in AXES:
        given = [a for a in answers if a["item"] == f"spanning.{axis}"]
        severities = [a["value"]["severity"] for a in given]
        mean = sum(severities) / len(severities) if severities else None
        counts = [severities.count(s) for s in SEVERITIES]
        notes = "".join(f'<li class="kit-note"><b>{escape(session.group_label(a["group"]))}:</b> '
                        f'{escape(a["value"]["note"])}</li>' for a in given if a["value"].get("note"))
        summary = (t("driehoek.dash.mean_severity", lang, mean=f"{mean:.1f}", n=len(severities))
                   if mean is not None else "–")
        parts.append(f'<div data-kit-axis="{axis}" data-kit-mean="{"" if mean is None else f"{mean:.2f}"}">'
                     f"<b>{t('axis.' + axis, lang)}</b>: {summary} · "
                     f"{t('driehoek.dash.distribution', lang)}: "
                     f'<span class="kit-tri-distribution">{" ".join(str(c) for c in counts)}</span>'
                     f"<ul>{notes}</ul></div>")
    return "".join(parts)


def routes_html(answers, lang: str) -> str:
    rows = []
    for axis in AXES:
        chosen = [a["value"]["route"] for a in answers if a["item"] == f"route.{axis}"]
        rows.append(f'<tr data-kit-axis="{axis}"><td>{t("axis." + axis, lang)}</td>'
                    f'<td>a: {chosen.count("a")}</td><td>b: {chosen.count("b")}</td></tr>')
    return f"<h4>{t('driehoek.dash.routes', lang)}</h4><table class='kit-count-table'>{''.join(rows)}</table>"


register(ACTIVITY, TriangleParticipant, TriangleDashboard)
