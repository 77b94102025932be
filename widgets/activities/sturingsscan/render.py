"""Sturingsscan as HTML: shares per perspective per group and for the room, where groups differ most,
and the room next to Bijlage G's 49 municipalities.

One fragment for the dashboard, the phones and the screen once revealed, and the report, so the
figures read the same everywhere.
"""

from collections.abc import Iterable

from ...i18n import decimal, label, t
from ...model.answers import Answer
from ...model.sessions import Session
from ...model.signal_words import PERSPECTIVES
from ...render import render
from .model import benchmark, participant_shares, summarize


def element_label(element: str, lang: str) -> str:
    return t(f"sturingsscan.element.{element}", lang)


def mine_html(own: dict, lang: str) -> str:
    """A participant's own shares per perspective (their answers as ``store.my_answers`` gives them)."""
    mine = participant_shares(own)
    shares = [(label(p, lang), decimal(mine[p], lang)) for p in PERSPECTIVES] if mine else []
    return render("sturingsscan_mine.html", lang, shares=shares)


def results_html(answers: Iterable[Answer], session: Session, lang: str, heading: int = 4) -> str:
    """The three tables; ``answers`` are the store's answers to the sturingsscan."""
    groups = [g.key for g in session.groups]
    result = summarize(answers, groups)
    columns = [(g, session.group_label(g), result.by_group[g]) for g in groups if result.by_group[g].shares]
    columns.append(("", t("sturingsscan.dash.room", lang), result.room))
    shares = [
        {
            "key": p,
            "label": label(p, lang),
            "cells": [
                (key, profile.shares[p] if profile.shares else None, p in profile.dominant)
                for key, _, profile in columns
            ],
        }
        for p in PERSPECTIVES
    ]
    elements = [
        {
            "key": gap.element,
            "label": element_label(gap.element, lang),
            "distance": gap.distance,
            "pair": t(
                "sturingsscan.dash.pair", lang, a=session.group_label(gap.pair[0]), b=session.group_label(gap.pair[1])
            )
            if gap.pair
            else "",
            "widest": gap is result.widest,
        }
        for gap in result.elements
    ]
    widest = result.widest
    widest_text = (
        t(
            "sturingsscan.dash.widest",
            lang,
            element=element_label(widest.element, lang).lower(),
            distance=decimal(widest.distance or 0, lang),  # measured: never None
            a=session.group_label(widest.pair[0]),
            b=session.group_label(widest.pair[1]),
        )
        if widest
        else ""
    )
    compared = None
    if result.room.shares:
        mark = benchmark(result.room.shares)
        compared = {
            "nearest": mark.nearest,
            "nearest_text": t(
                "sturingsscan.dash.nearest", lang, gemeente=mark.nearest, distance=decimal(mark.nearest_distance, lang)
            ),
            "rows": [
                {
                    "key": p,
                    "label": label(p, lang),
                    "room": result.room.shares[p],
                    "mean": mark.mean[p],
                    "low": t(
                        "sturingsscan.dash.at", lang, share=decimal(mark.low[p][0], lang), gemeente=mark.low[p][1]
                    ),
                    "high": t(
                        "sturingsscan.dash.at", lang, share=decimal(mark.high[p][0], lang), gemeente=mark.high[p][1]
                    ),
                    "rank": t("sturingsscan.dash.rank_value", lang, below=mark.below[p], total=mark.total),
                    "nearest": mark.nearest_shares[p],
                }
                for p in PERSPECTIVES
            ],
        }
    return render(
        "sturingsscan_results.html",
        lang,
        heading=heading,
        answered=result.answered,
        counted=result.room.n,
        columns=[(key, name, profile.n) for key, name, profile in columns],
        shares=shares,
        elements=elements,
        widest=widest_text,
        compared=compared,
    )
