"""The beoordelen activity (file 000, Box 5.2): a grade and nine statements, one screen at a time."""

from html import escape

import ipywidgets as w

from ..datasets import read_dataset
from ..i18n import t
from ..model.rating import ACTIVITY, OVERALL, STATEMENTS, agenda, fill_placeholders, summarize
from .common import RevealSwitch, topic_label

STATEMENTS_FILE = "stellingen_box_5_2.csv"
REFERENCE_FILE = "landelijke_referentie.csv"
GRADES = [x / 2 for x in range(2, 21)]
BAR_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")


def statements(session, lang: str) -> dict:
    """``{key: {"label", "text", "questions", "category"}}`` in the session's words."""
    suffix = "en" if lang == "en" else "nl"
    topic = topic_label(session.topic, lang)
    out = {}
    for row in read_dataset(STATEMENTS_FILE).rows:
        out[row["key"]] = {
            "label": row[f"value_{suffix}"],
            "short": row[f"short_{suffix}"],
            "text": fill_placeholders(row[f"statement_{suffix}"], session.municipality, topic.lower()),
            "questions": row[f"questions_{suffix}"].split(" | "),
            "category": row["category"],
        }
    return out


def national_reference(topic: str):
    for row in read_dataset(REFERENCE_FILE).rows:
        if row["topic"] == topic:
            return float(row["mean_grade"])
    return None


def fmt(value, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def bars_html(summaries, texts, session, lang: str) -> str:
    """Group means as plain HTML bars: what participants see when the facilitator reveals results."""
    groups = [g for g in session.groups]
    legend = " ".join(f'<span style="color:{BAR_COLORS[i % 8]}">■</span> {escape(g.label)}'
                      for i, g in enumerate(groups))
    rows = []
    for key in (OVERALL, *STATEMENTS):
        label = t("beoordelen.grade", lang) if key == OVERALL else texts[key]["label"]
        bars = []
        for i, group in enumerate(groups):
            value = summaries[key].group_means.get(group.key)
            width = 0 if value is None else value * 10
            bars.append(f'<div class="kit-bar" data-kit-group="{escape(group.key, quote=True)}" '
                        f'style="width:{width:.0f}%;background:{BAR_COLORS[i % 8]}">{fmt(value)}</div>')
        rows.append(f'<div class="kit-bar-row" data-kit-statement="{key}"><b>{escape(label)}</b>{"".join(bars)}</div>')
    return f'<h4>{t("beoordelen.results", lang)}</h4><p>{legend}</p>{"".join(rows)}'


class RatingDashboard(w.VBox):
    def __init__(self, store, session, lang):
        from ..charts import widget
        from ..charts.rating import block_figure, radar_figure

        self.store, self.session, self.lang = store, session, lang
        self.texts = statements(session, lang)
        self.labels = {k: v["short"] for k, v in self.texts.items()}
        self.group_keys = [g.key for g in session.groups]
        radar, self.radar_sources = radar_figure([self.labels[k] for k in STATEMENTS],
                                                 [(g.key, g.label) for g in session.groups],
                                                 t("beoordelen.dash.radar", lang))
        blocks, self.block_source = block_figure(list(STATEMENTS), self.labels, t("beoordelen.dash.blocks", lang))
        self.grades = w.HTML()
        self.grades.add_class("kit-rate-grades")
        self.agenda = w.HTML()
        self.agenda.add_class("kit-agenda")
        self.reveal = RevealSwitch(store, session, ACTIVITY, t("beoordelen.dash.reveal", lang), "kit-rate-reveal")
        # Fill the charts before they become widgets: updates sent before the page has drawn
        # a chart are not applied by jupyter_bokeh.
        self.update_charts(summarize(store.answers(session.id, ACTIVITY)))
        charts = w.HBox([widget(radar), widget(blocks)], layout=w.Layout(flex_flow="row wrap"))
        super().__init__([w.HTML(f"<h3>{t('beoordelen.title', lang)}</h3>"), self.reveal, self.grades, charts,
                          self.agenda])
        self.add_class("kit-dashboard-beoordelen")

    def update_charts(self, summaries) -> None:
        from ..charts.rating import block_data, radar_points

        for key, source in self.radar_sources.items():
            source.data = radar_points([summaries[s].group_means.get(key) for s in STATEMENTS])
        self.block_source.data = block_data(summaries, list(STATEMENTS), self.labels, self.group_keys)

    def refresh(self, session) -> None:
        self.session = session
        summaries = summarize(self.store.answers(session.id, ACTIVITY))
        self.reveal.sync()
        self.update_charts(summaries)
        self.grades.value = grades_html(summaries, session, self.lang)
        self.agenda.value = agenda_html(summaries, self.texts, session, self.lang)


def grades_html(summaries, session, lang: str) -> str:
    overall = summaries[OVERALL]
    rows = "".join(
        f'<tr data-kit-group="{escape(g.key, quote=True)}"><td>{escape(g.label)}</td>'
        f'<td class="kit-grade">{fmt(overall.group_means.get(g.key))}</td>'
        f"<td>{len(overall.scores.get(g.key, []))}</td></tr>" for g in session.groups)
    reference = national_reference(session.topic)
    opgave = escape(topic_label(session.topic, lang))
    note = (t("beoordelen.dash.reference", lang, opgave=opgave, grade=f"{reference:g}".replace(".", ",")
              if lang == "nl" else f"{reference:g}")
            if reference is not None else t("beoordelen.dash.no_reference", lang))
    return (f"<h4>{t('beoordelen.dash.grades', lang)}</h4><table class='kit-count-table'>"
            f"<tr><th></th><th>{t('beoordelen.dash.mean', lang)}</th><th>{t('beoordelen.dash.n', lang)}</th></tr>"
            f"{rows}<tr><th>{t('beoordelen.dash.all', lang)}</th><th class='kit-grade-all'>"
            f"{fmt(overall.overall_mean)}</th><th>{overall.count}</th></tr></table><p>{note}</p>")


def agenda_html(summaries, texts, session, lang: str) -> str:
    items = []
    for key in agenda(summaries):
        s, text = summaries[key], texts[key]
        means = " · ".join(f"{escape(session.group_label(g))} {fmt(m)}" for g, m in s.group_means.items())
        dissent = (t("beoordelen.dash.dissent", lang, total=fmt(s.dissent), within=fmt(s.within),
                     between=fmt(s.between)) if s.count else t("beoordelen.dash.no_answers", lang))
        unknown = f" · {t('beoordelen.dash.dont_know', lang, n=s.dont_know)}" if s.dont_know else ""
        questions = "".join(f"<li>{escape(q)}</li>" for q in text["questions"])
        notes = "".join(f'<li class="kit-note"><b>{escape(session.group_label(g))}:</b> {escape(n)}</li>'
                        for g, n in s.notes)
        notes_block = f"<p><i>{t('beoordelen.dash.notes', lang)}</i></p><ul>{notes}</ul>" if notes else ""
        items.append(f'<li data-kit-statement="{key}" data-kit-dissent="{s.dissent:.3f}">'
                     f"<b>{escape(text['label'])}</b>: {escape(text['text'])}<br><small>{dissent}{unknown}"
                     f"<br>{means}</small><p><i>{t('beoordelen.dash.questions', lang)}</i></p>"
                     f"<ul>{questions}</ul>{notes_block}</li>")
    return (f"<h4>{t('beoordelen.dash.agenda', lang)}</h4><p><small>"
            f"{t('beoordelen.dash.agenda_help', lang)}</small></p><ol>{''.join(items)}</ol>")

