"""Raadsenquête Village Deals as HTML: the room next to Afbeelding 4, and the room's mix of bestuursstijlen.

One fragment for the dashboard, the phones and screen once revealed, and the report.
"""

from ...model.answers import Answer
from ...model.sessions import Session
from ...render import render
from .model import CHOICES, printed, statement_results, style_mix, styles


def _tally_cells(tally) -> dict:
    return {"shares": [tally.share(c) for c in CHOICES], "n": tally.answered, "dont_know": tally.dont_know}


def results_html(answers: list[Answer], session: Session, lang: str, heading: int = 4) -> str:
    """Per statement: printed percentages with N, the room's and each group's; then the styles' mix.

    ``answers`` are the store's answers to raadsenquete (each with ``group``, ``item``, ``value``).
    """
    groups = [g.key for g in session.groups]
    labels = {g.key: g.label for g in session.groups}
    results = {r.key: r for r in statement_results(answers, groups)}
    statements = []
    for p in printed():
        result = results[p.key]
        rows = [{"kind": "room", "label": None, **_tally_cells(result.room)}]
        rows += [
            {"kind": f"group-{g}", "label": labels[g], **_tally_cells(result.by_group[g])}
            for g in groups
            if result.by_group[g].answered or result.by_group[g].dont_know
        ]
        statements.append(
            {"key": p.key, "text": p.text(lang), "printed": [p.shares[c] for c in CHOICES], "n": p.n, "rows": rows}
        )
    mix = style_mix(answers, groups)
    style_rows = [
        {
            "key": key,
            "label": label,
            "count": mix.room.counts[key],
            "share": mix.room.share(key),
            "groups": [(mix.by_group[g].counts[key], mix.by_group[g].share(key)) for g in groups],
        }
        for key, label, _ in styles(lang)
    ]
    return render(
        "raadsenquete_results.html",
        lang,
        statements=statements,
        choices=CHOICES,
        styles=style_rows,
        style_total=mix.room.total,
        group_totals=[mix.by_group[g].total for g in groups],
        groups=[labels[g] for g in groups],
        heading=heading,
    )
