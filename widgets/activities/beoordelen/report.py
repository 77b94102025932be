"""Beoordelen in the session report: the radar and block charts with their figures, the summary, the notes."""

from dataclasses import replace

from ...colors import group_color
from ...datasets import read_dataset
from ...i18n import t
from ...model.answers import Answer, ByActivity, States
from ...model.disclosure import ROOM, other_group
from ...model.sessions import Session
from ...model.tables import localized
from ...render.blocks import ROOM_COLOR
from ...render.report import CHART_WIDTH, figure_html, report_render, section_html
from ...texts import STATEMENTS_FILE, national_reference, statements, topic_label
from .model import (
    ACTIVITY,
    AGREEMENT_FLOOR,
    AGREEMENT_THRESHOLD,
    OVERALL,
    STATEMENTS,
    agenda,
    common_ground,
    disclosed,
    summarize,
)
from .render import agenda_html, grade_rows, grades_html
from .tables import SCORES, rating_blocks_rows, rating_means_rows

# The section and the summary apply the disclosure rule figure by figure (result blocks, and the rule where a
# figure is no block): the report gives them the answers as they are (widgets.render.report.seen).
DISCLOSES = True

SUMMARY_ITEMS = 3  # statements with most dissent, and with broadest agreement


def section(answers: ByActivity, state: States, session: Session, lang: str, plots: dict) -> str:
    """The radar and the block diagram, each with its figures as a table; the grades and the agenda."""
    from .charts import block_data, block_figure, radar_figure, radar_points  # Bokeh: only when a report is built

    texts = statements(session, lang)
    summaries = disclosed(summarize(answers.get(ACTIVITY, [])))  # the report is for participants too
    labels = {k: v["short"] for k, v in texts.items()}
    order = [*session.groups, other_group(lang)]  # the groups under the rule together, as on the first page
    colors = {g.key: group_color(i) for i, g in enumerate(order)} | {ROOM: ROOM_COLOR}
    drawn = [(g.key, g.label) for g in order if any(summaries[s].group_means.get(g.key) for s in STATEMENTS)]
    drawn.append((ROOM, t("beoordelen.dash.all", lang)))  # everyone's (dashed), also where no group may be shown
    shades = [colors[k] for k, _ in drawn]
    radar, sources = radar_figure([labels[k] for k in STATEMENTS], drawn, colors=shades, dashed=ROOM)
    for key, source in sources.items():
        means = [summaries[s].overall_mean if key == ROOM else summaries[s].group_means.get(key) for s in STATEMENTS]
        source.data = radar_points(means)
    listed = replace(session, groups=tuple(g for g in order if g.key in dict(drawn)))  # the radar's table
    blocks, block_source = block_figure(list(STATEMENTS), labels)
    block_source.data = block_data(summaries, list(STATEMENTS), labels, [g.key for g in order])
    radar.width, radar.height, blocks.width = CHART_WIDTH, 540, CHART_WIDTH
    plots["radar"], plots["blocks"] = radar, blocks
    return section_html(
        ACTIVITY,
        lang,
        figure_html(
            "radar",
            t("beoordelen.dash.radar", lang),
            means_table(summaries, texts, listed, lang),
            t("report.figure.radar_note", lang),
            lang,
        ),
        figure_html(
            "blocks",
            t("beoordelen.dash.blocks", lang),
            blocks_table(summaries, texts, lang),
            t("report.figure.blocks_note", lang),
            lang,
        ),
        grades_html(summaries, session, lang),
        agenda_html(summaries, texts, session, lang),
    )


def summary(answers: ByActivity, state: States, session: Session, lang: str) -> str:
    """The grade against the book's national reference; the statements with most dissent and broadest agreement.

    Broadest agreement is the model's measure across groups (``common_ground``), as in the agenda,
    so a statement every group merely scores 6 on is not read as common ground. Participants read it (the
    report, the results page), so it is made of the ``disclosed`` summaries.
    """
    summaries = disclosed(summarize(answers.get(ACTIVITY, [])))
    grade = summaries[OVERALL]
    reference = national_reference(session.topic)
    room = grade.overall_mean
    comparison = None
    if room is not None and reference is not None:
        difference = round(room, 1) - reference
        comparison = {
            "key": "report.summary.reference_"
            + ("above" if difference > 0.04 else "below" if difference < -0.04 else "equal"),
            "difference": abs(difference),
            "reference": reference,
        }
    groups = grade_rows(grade, session, lang)
    texts = statements(session, lang)
    answered = [key for key in agenda(summaries) if summaries[key].count]
    dissent = answered[:SUMMARY_ITEMS]
    agreement = common_ground(summaries, SUMMARY_ITEMS)

    def item(key):
        s = summaries[key]
        return {
            "key": key,
            "label": texts[key]["label"],
            "dissent": s.dissent,
            "agreement": s.agreement,
            "mean": s.overall_mean,
            "n": s.count,
        }

    return report_render(
        "beoordelen_summary.html",
        lang,
        grade=grade,
        room=room,
        groups=groups,
        comparison=comparison,
        opgave=topic_label(session.topic, lang),
        dissent=[item(k) for k in dissent],
        agreement=[item(k) for k in agreement],
        answered=bool(answered),
        across_groups=any(summaries[k].agreement is not None for k in answered),
        threshold=AGREEMENT_THRESHOLD,
        floor=AGREEMENT_FLOOR,
    )


def notes(answers: list[Answer], lang: str) -> list:
    """``[(what, group, note)]``: the toelichtingen of beoordelen, the grade's first, each statement by its name."""
    names = {row["key"]: localized(row, "value", lang) for row in read_dataset(STATEMENTS_FILE).rows}
    noted = [a for a in answers if a.value.get("note")]
    noted.sort(key=lambda a: a.item != OVERALL)
    return [
        (
            t("report.summary.grade", lang) if a.item == OVERALL else names.get(a.item, a.item),
            a.group,
            a.value["note"],
        )
        for a in noted
    ]


def means_table(summaries, texts, session, lang) -> str:
    """The radar's figures: the mean score of each group per statement, and everyone's."""
    rows = rating_means_rows(summaries, texts, session)
    return report_render("beoordelen_report_means.html", lang, groups=[g.label for g in session.groups], rows=rows)


def blocks_table(summaries, texts, lang) -> str:
    """The block diagram's figures: how many gave each score, per statement."""
    rows = rating_blocks_rows(summaries, texts)
    return report_render("beoordelen_report_blocks.html", lang, scores=list(SCORES), rows=rows)


def statements_summary(key: str, title: str, summaries, texts: dict, lang: str) -> str:
    """The first page of an activity whose statements are scored as Box 5.2's: most dissent, broadest agreement.

    ``texts``: ``{statement key: (label, text)}`` in the activity's order (eigen stellingen, Tabel 4.2).
    Made of the ``disclosed`` summaries: participants read it.
    """
    keys = tuple(texts)
    summaries = disclosed(summaries)

    def item(statement):
        s = summaries[statement]
        label, text = texts[statement]
        return {
            "key": statement,
            "label": label,
            "text": text,
            "dissent": s.dissent,
            "agreement": s.agreement,
            "mean": s.overall_mean,
            "n": s.count,
        }

    answered = [k for k in agenda(summaries, keys) if summaries[k].count]
    return report_render(
        "beoordelen_summary_statements.html",
        lang,
        key=key,
        title=title,
        dissent=[item(k) for k in answered[:SUMMARY_ITEMS]],
        agreement=[item(k) for k in common_ground(summaries, SUMMARY_ITEMS, keys)],
        across_groups=any(summaries[k].agreement is not None for k in answered),
        floor=AGREEMENT_FLOOR,
    )
