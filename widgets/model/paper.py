"""The paper fallback: per activity the fields a printed sheet asks, and how one typed-in row becomes answers.

When the wifi fails, people write on an answer sheet and the facilitator types each sheet in as one
row (the palette: one row per value). Every cell goes through the activity's own checks, so a cell a
phone could not have sent is refused, and what is stored has exactly a phone's shape. Which words
head a column is for the layers above (catalogs, the book's texts); here fields have names only.
"""

import math
from dataclasses import dataclass

from ..activities.beoordelen import model as rating
from ..activities.driehoek import model as triangle
from ..activities.palet import model as palette
from ..activities.prioriteren import model as priorities
from .validation import InputError

GROUP, SHEET = "groep", "blad"  # the two columns every typed-in table starts with
REF_PREFIX = "papier-"  # a sheet's participant ref: the same number across activities is the same person
NOTE = "toelichting"  # beoordelen: the explanation of the grade
CELL, VALUE = "vak", "waarde"  # palet
# What people write for "weet ik niet" (the sheet has a box for it; an empty box is no answer).
DONT_KNOW = {"?", "-", "weet ik niet", "weet niet", "wn", "don't know", "dont know"}


@dataclass(frozen=True)
class Field:
    name: str  # stable: an item ('cijfer', 'eerlijk'), a part of one ('willen', 'spanning.<axis>'), a value key
    kind: str  # grade | score | note | corner | severity | route | points | cell | text
    label: str = ""  # own words (a palette value for prioriteren); other labels come from the catalogs


@dataclass(frozen=True)
class PaperForm:
    activity: str
    fields: tuple
    read: object = None  # (cells, allowed value keys) -> {item: value} of one typed-in row
    per_value: bool = False  # palet: one row per value, so a sheet may take several rows (see palette_value)


class CellError(InputError):
    """An InputError of one field of a typed-in row; ``field`` names the column to point at (or '')."""

    def __init__(self, field: str, error: InputError):
        super().__init__(error.key, **error.params)
        self.field = field


RATING_FIELDS = (
    Field(rating.OVERALL, "grade"),
    *(Field(key, "score") for key in rating.STATEMENTS),
    Field(NOTE, "note"),
)


def rating_form(values=()) -> PaperForm:
    """Rapportcijfer, the nine statements (1-10 or "weet ik niet"), the grade's explanation."""
    return PaperForm(rating.ACTIVITY, RATING_FIELDS, _rating)


def triangle_form(values=()) -> PaperForm:
    """Willen, mogen, kunnen (0-10); per axis a tension (1-5) with its note; per axis a route (a/b)."""
    tensions = (
        f for axis in triangle.AXES for f in (Field(f"spanning.{axis}", "severity"), Field(f"note.{axis}", "note"))
    )
    return PaperForm(
        triangle.ACTIVITY,
        (
            *(Field(c, "corner") for c in triangle.CORNERS),
            *tensions,
            *(Field(f"route.{axis}", "route") for axis in triangle.AXES),
        ),
        _triangle,
    )


def priorities_form(values=()) -> PaperForm:
    """Points per value of the session's selection, ``values`` as spreadable_values gives them."""
    return PaperForm(priorities.ACTIVITY, tuple(Field(v[0], "points", v[1]) for v in values), _priorities)


def palette_form(values=()) -> PaperForm:
    """One row per value: the cell it was written in and the value's words."""
    return PaperForm("palet", (Field(CELL, "cell"), Field(VALUE, "text")), per_value=True)


def sheet_ref(number) -> str:
    return f"{REF_PREFIX}{number}"


def sheet_number(cell) -> int:
    """The sheet number written on a sheet (a whole number from 1), or InputError."""
    number = to_number(cell)
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise InputError("paper.error.sheet")
    return number


def to_number(cell):
    """A typed number as int where whole, float otherwise ('6,5' too); other text unchanged; None for empty."""
    if cell is None or isinstance(cell, bool):
        return cell
    if isinstance(cell, str):
        text = cell.strip().replace(",", ".")
        if not text:
            return None
        try:
            cell = float(text)
        except ValueError:
            return cell.strip()
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    return cell


def is_dont_know(cell) -> bool:
    return isinstance(cell, str) and " ".join(cell.lower().split()) in DONT_KNOW


def _text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()


def _checked(field: str, check, *args):
    try:
        return check(*args)
    except CellError:
        raise
    except InputError as error:
        raise CellError(field, error) from None


def row_answers(form: PaperForm, cells: dict, allowed=()) -> dict:
    """``{item: value}`` of one sheet's row (``cells``: field name -> typed cell, None for empty).

    An empty row gives ``{}``. ``allowed`` are the value keys prioriteren may spread over.
    Raises CellError naming the field. The palet's rows go through ``palette_value`` instead.
    """
    return form.read(cells, allowed)


def _rating(cells: dict, allowed=()) -> dict:
    if all(_text(cells.get(f.name)) == "" for f in RATING_FIELDS):
        return {}
    answers = {}
    grade, note = cells.get(rating.OVERALL), _text(cells.get(NOTE))
    if _text(grade) or note:
        answers[rating.OVERALL] = _checked(
            rating.OVERALL, rating.check_stored, rating.OVERALL, {"score": _text(grade), "note": note}
        )
    for key in rating.STATEMENTS:  # an empty box is not answered, as on a phone; '?' is "weet ik niet"
        score = cells.get(key)
        if _text(score) == "":
            continue
        answers[key] = _checked(
            key, rating.check_stored, key, {"score": None if is_dont_know(score) else _text(score), "note": ""}
        )
    return answers


def _triangle(cells: dict, allowed=()) -> dict:
    answers = {}
    scores = {c: to_number(cells.get(c)) for c in triangle.CORNERS}
    if any(v is not None for v in scores.values()):
        for corner in triangle.CORNERS:  # point at the first box a phone would refuse (the others as fine)
            _checked(corner, triangle.check_scores, {c: scores[c] if c == corner else 1 for c in triangle.CORNERS})
        answers["plaats"] = _checked(triangle.CORNERS[0], triangle.check_stored, "plaats", scores)
    for axis in triangle.AXES:
        severity, note = to_number(cells.get(f"spanning.{axis}")), _text(cells.get(f"note.{axis}"))
        if severity is not None or note:
            answers[f"spanning.{axis}"] = _checked(
                f"spanning.{axis}", triangle.check_stored, f"spanning.{axis}", {"severity": severity, "note": note}
            )
    for axis in triangle.AXES:
        route = _text(cells.get(f"route.{axis}")).lower()
        route = route.removeprefix("route").strip()
        if route:
            answers[f"route.{axis}"] = _checked(
                f"route.{axis}", triangle.check_stored, f"route.{axis}", {"route": route}
            )
    return answers


def _priorities(cells: dict, allowed) -> dict:
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
    spread = _checked("", priorities.check_stored, priorities.ITEM, allocation)
    return {priorities.ITEM: _checked("", priorities.check_allocation, spread, allowed)}


def palette_value(cells: dict, own_texts) -> dict:
    """One value of a sheet as a phone stores it (``{"text", "cell"}``), or None for an empty row.

    ``cells[CELL]`` is a cell key (the caller reads the printed words); ``own_texts`` are the
    sheet's earlier values, so a value written twice or a 31st value is refused as on a phone.
    """
    cell, text = cells.get(CELL), _text(cells.get(VALUE))
    if cell is None and not text:
        return None
    if cell not in palette.VALID_CELLS:
        raise CellError(CELL, InputError("palet.error.cell"))
    text = _checked(VALUE, palette.check_new_value, text, cell, list(own_texts))
    return _checked(VALUE, palette.check_stored, "", {"text": text, "cell": cell})


def palette_item(position: int) -> str:
    """The item of a sheet's n-th value: retyping a corrected row replaces that value."""
    return f"papier-{position}"
