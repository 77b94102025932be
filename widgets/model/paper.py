"""The paper fallback's shared parts: what a field and a form are, and how a typed cell reads.

When the wifi fails, people write on an answer sheet and the facilitator types each sheet in as one
row (a form ``per_value``: one row per value). Each activity's ``paper.form`` names its sheet's fields
and reads a row through the activity's own checks, so a cell a phone could not have sent is refused,
and what is stored has exactly a phone's shape. Which words head a column is for the layers above
(catalogs, the book's texts); here fields have names only.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .validation import InputError

GROUP, SHEET = "groep", "blad"  # the two columns every typed-in table starts with
REF_PREFIX = "papier-"  # a sheet's participant ref: the same number across activities is the same person
# What people write for "weet ik niet" (the sheet has a box for it; an empty box is no answer).
DONT_KNOW = {"?", "-", "weet ik niet", "weet niet", "wn", "don't know", "dont know"}


@dataclass(frozen=True)
class Field:
    name: str  # stable: an item ('cijfer', 'eerlijk'), a part of one ('willen', 'spanning.<axis>'), a value key
    kind: str  # grade | score | note | corner | severity | route | points | cell | text: the template's check
    label: str = ""  # the participants' own words (a value to spread points over); others come from the catalogs


@dataclass(frozen=True)
class PaperForm:
    activity: str
    fields: tuple
    # (cells, earlier) -> {item: value} of one typed-in row: ``cells`` maps field name -> typed cell (None
    # for empty), ``earlier`` holds the values already read from the same sheet. An empty row gives {};
    # a bad cell raises CellError naming its field.
    read: Callable[[dict, list], dict]
    per_value: bool = False  # one row per value, so a sheet may take several rows
    whole: str = ""  # catalog key naming a row as a whole, for a CellError that names no one field
    # (typed heading) -> field name or None: headings known besides the fields' own
    heading: Callable[[str], str | None] | None = None


class CellError(InputError):
    """An InputError of one field of a typed-in row; ``field`` names the column to point at (or '')."""

    def __init__(self, field: str, error: InputError):
        super().__init__(error.key, **error.params)
        self.field = field


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


def cell_text(cell) -> str:
    """A typed cell as text ('' for empty; a whole number without '.0')."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()


def checked(field: str, check, *args):
    """``check(*args)``, its InputError as a CellError of ``field``."""
    try:
        return check(*args)
    except CellError:
        raise
    except InputError as error:
        raise CellError(field, error) from None
