"""Beoordelen's revealed results for phones: group means per statement as a table with bars."""

from ..model.rating import OVERALL, STATEMENTS
from . import render
from .triangle import group_color


def rating_results_html(summaries, texts, session, lang: str) -> str:
    """Rows: the grade and each statement; columns: groups. Each cell is the mean and a bar (10 = full)."""
    groups = [(g.key, g.label, group_color(i)) for i, g in enumerate(session.groups)]
    rows = []
    for key in (OVERALL, *STATEMENTS):
        label = None if key == OVERALL else texts[key]["label"]
        means = summaries[key].group_means
        rows.append({"key": key, "label": label,
                     "cells": [(color, means.get(group_key)) for group_key, _, color in groups]})
    return render("rating_results.html", lang, groups=groups, rows=rows)
