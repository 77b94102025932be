"""Participatietrap nu en straks in words: the rungs' texts, a rung as a participant picked it, a signed difference.

The phone's form, the exports, the report's summary and notes and the result blocks (``results.blocks``)
read them here; the results themselves are blocks the kit draws, not HTML of this folder.
"""

from ...datasets import read_dataset
from ...i18n import decimal, t
from ...model.tables import localized
from .model import RUNGS

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
