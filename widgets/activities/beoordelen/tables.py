"""Box 5.2's charts as tables: the radar's and the block diagram's figures, on the dashboard and in the report.

A chart is a picture; its table is what a screen reader reads and what stays legible on paper.
The rows here feed both the report's figure tables and the ``<details class="kit-chart-table">``
under each chart (the shared ``chart_table`` macro of ``_tables.html``), so the two never disagree.
"""

from ...i18n import t
from ...render import render
from .model import STATEMENTS

SCORES = range(1, 11)
# Element ids of the folded tables: a chart points at its table's summary (aria-describedby).
RADAR_TABLE = "kit-table-radar"
BLOCKS_TABLE = "kit-table-blocks"


def rating_means_rows(summaries, texts, session) -> list:
    """The radar's figures: per statement each group's mean score and everyone's (None: no score)."""
    return [
        {
            "key": key,
            "label": texts[key]["short"],
            "overall": summaries[key].overall_mean,
            "means": [summaries[key].group_means.get(g.key) for g in session.groups],
        }
        for key in STATEMENTS
    ]


def rating_blocks_rows(summaries, texts) -> list:
    """The block diagram's figures: per statement how many gave each score 1-10 ('weet ik niet' is no block)."""
    rows = []
    for key in STATEMENTS:
        given = [x for s in summaries[key].scores.values() for x in s]
        rows.append(
            {
                "key": key,
                "label": texts[key]["short"],
                "n": len(given),
                "counts": [sum(1 for x in given if x == score) for score in SCORES],
            }
        )
    return rows


def radar_table_html(summaries, texts, session, lang: str, folded: bool = True) -> str:
    """The radar as a table (folded in a ``<details>`` unless ``folded`` is false): statements by groups, means."""
    groups = [g.label for g in session.groups]
    rows = rating_means_rows(summaries, texts, session)
    return render(
        "beoordelen_chart_table.html",
        lang,
        folded=folded,
        kind="radar",
        id=RADAR_TABLE,
        caption=t("chart_table.radar", lang),
        groups=groups,
        rows=rows,
    )


def blocks_table_html(summaries, texts, lang: str, folded: bool = True) -> str:
    """The block diagram as a table: statements by scores 1-10, each cell how many gave it."""
    rows = rating_blocks_rows(summaries, texts)
    return render(
        "beoordelen_chart_table.html",
        lang,
        folded=folded,
        kind="blocks",
        id=BLOCKS_TABLE,
        caption=t("chart_table.blocks", lang),
        scores=list(SCORES),
        rows=rows,
    )
