"""Participatietrap nu en straks as HTML: the rungs' texts, both distributions per group and the gap.

One fragment for the dashboard, the phones once revealed, the presentation screen and the report,
so the figures read the same everywhere.
"""

from collections.abc import Iterable

from ...datasets import read_dataset
from ...i18n import decimal, t
from ...model.answers import Answer
from ...model.sessions import Session
from ...model.tables import localized
from ...render import render
from .model import ITEM, RUNGS, summarize

DATASET = "overheidsparticipatietrap.csv"


def rungs(lang: str) -> list:
    """``[{"n", "key", "name", "role", "description"}]`` from the dataset, top rung (reguleren) first."""
    rows = read_dataset(DATASET).rows
    return [
        {
            "n": n,
            "key": key,
            "name": localized(row, "rung", lang),
            "role": localized(row, "role", lang),
            "description": localized(row, "description", lang),
        }
        for n, (key, row) in enumerate(zip(RUNGS, rows, strict=True), start=1)
    ]


def rung_name(n: int, lang: str) -> str:
    """``"2. Regisseren"``: a rung as a participant picked it."""
    return t("trap.rung", lang, n=n, name=rungs(lang)[n - 1]["name"])


def signed(value, lang: str) -> str:
    """A difference with its sign: +1,5 / -0,5 / 0,0 ('–' without answers)."""
    if value is None:
        return "–"
    text = decimal(abs(value), lang)
    return text if round(value, 1) == 0 else ("+" if value > 0 else "-") + text


def ladder_html(answers: Iterable[Answer], session: Session, lang: str, heading: int = 4) -> str:
    """Both distributions (a column pair per group and for everyone) and the gap table.

    ``answers`` are the store's answers to the trap (``item``, ``group``, ``value``).
    """
    answers = [a for a in answers if a.item == ITEM]
    by_group, room = summarize(answers, [g.key for g in session.groups])
    columns = [(key, session.group_label(key), summary) for key, summary in by_group.items()]
    columns.append(("", t("trap.dash.all", lang), room))
    texts = rungs(lang)
    rows = [
        {
            "key": rung["key"],
            "name": t("trap.rung", lang, n=rung["n"], name=rung["name"]),
            "cells": [(key, s.now_counts[i], s.should_counts[i]) for key, _, s in columns],
        }
        for i, rung in enumerate(texts)
    ]
    gaps = [
        {
            "key": key,
            "label": label,
            "n": s.count,
            "now": s.now_mean,
            "should": s.should_mean,
            "gap": signed(s.gap, lang),
            "looser": s.looser,
            "same": s.same,
            "tighter": s.tighter,
            "room": not key,
        }
        for key, label, s in columns
        if s.count or not key
    ]
    return render(
        "trap_results.html",
        lang,
        heading=heading,
        participants=room.count,
        groups=[(key, label) for key, label, _ in columns],
        rows=rows,
        gaps=gaps,
    )
