"""The strategische driehoek on the dashboard: everyone in the triangle, tensions per axis (Box 5.3), routes (Box 5.4)."""

from html import escape

import ipywidgets as w

from ..i18n import t
from ..model.triangle import ACTIVITY, AXES, CORNERS, SEVERITIES, centroid, position, weakest_corner
from .common import RevealSwitch

COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")


def placements(answers) -> list:
    """[(participant ref, group, scores)] of everyone who placed themselves."""
    return [(a["participant"], a["group"], a["value"]) for a in answers if a["item"] == "plaats"]


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

