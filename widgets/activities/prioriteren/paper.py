"""prioriteren on paper: points per value of the session's selection of its merged palette."""

import math
from functools import partial

from ...model.answers import answers_by_activity
from ...model.paper import CellError, Field, PaperForm, checked, to_number
from ...model.validation import InputError
from ..palet.model import ACTIVITY as PALET
from ..palet.model import normalize_value, resolve
from .model import ACTIVITY, ITEM, check_allocation, check_stored, spreadable_values

BODY = "prioriteren_paper.html"


def values(data: dict) -> list:
    """``[(key, label, mentions)]``: the session's selection of its merged palette."""
    state = data.get("state", {})
    palette_answers = answers_by_activity(data.get("answers", [])).get(PALET, [])
    return spreadable_values(
        palette_answers, state.get(PALET, {}).get("merges"), state.get(ACTIVITY, {}).get("selection") or []
    )


def form(data: dict) -> PaperForm:
    """A box per value; a heading may also be a value's other spelling, or a value merged since."""
    spread = values(data)
    keys = [key for key, *_ in spread]
    merges = data.get("state", {}).get(PALET, {}).get("merges", {})
    return PaperForm(
        ACTIVITY,
        tuple(Field(key, "points", words) for key, words, _ in spread),
        partial(read, allowed=keys),
        whole="prioriteren.dash.points",
        heading=partial(_heading, merges=merges, keys=set(keys)),
    )


def read(cells: dict, earlier=(), allowed=()) -> dict:
    allocation = {}
    for key, cell in cells.items():
        number = to_number(cell)
        if number is None:
            continue
        if not isinstance(number, (int, float)) or not math.isfinite(number) or number < 0 or number != int(number):
            raise CellError(key, InputError("prioriteren.error.number"))
        allocation[key] = number
    if not allocation:
        return {}
    spread = checked("", check_stored, ITEM, allocation)
    return {ITEM: checked("", check_allocation, spread, allowed)}


def label(field: Field, data: dict, lang: str) -> str:
    return field.label  # the participants' own words


def sheet(data: dict, form: PaperForm, labels: dict, lang: str) -> dict:
    return {"values": [f.label for f in form.fields]}


def _heading(heading, merges, keys) -> str | None:
    key = resolve(normalize_value(heading), merges)
    return key if key in keys else None
