"""Raadsenquête Village Deals: the council survey's five statements and a bestuursstijl self-placement.

Source: Den Hoed et al. (2018), *Village Deals* (Movisie/VNG), Afbeelding 4 (the statements with
the printed percentages and N) and Afbeelding 2 (the four bestuursstijlen). A room answers the
same statements and sees itself next to the eleven Village Deal councils. "Weet niet" is counted
apart and left out of the percentages, as Afbeelding 4 prints eens/neutraal/oneens; a printed
cell the report leaves empty stays None here, never estimated.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from ...datasets import read_dataset
from ...model.answers import Answer
from ...model.tables import localized
from ...model.validation import InputError

ACTIVITY = "raadsenquete"
SURVEY = "village_deals_raadsenquete.csv"
STYLE_FILE = "bestuursstijlen.csv"
# One key per row of the survey dataset, in its (and Afbeelding 4's) order.
STATEMENTS = ("nieuwe_rol", "toegerust", "kennis", "instrumenten", "dilemma")
CHOICES = ("eens", "neutraal", "oneens")  # the printed columns, in their order
DONT_KNOW = "weet_niet"
ANSWERS = (*CHOICES, DONT_KNOW)
STYLE = "stijl"  # the item of the self-placement
STYLES = ("bewaker", "strateeg", "idealist", "manager")  # Afbeelding 2's order
ITEMS = (*STATEMENTS, STYLE)


@dataclass(frozen=True)
class Printed:
    """One statement as Afbeelding 4 prints it: whole percentages (None where not printed) and N."""

    key: str
    row: dict
    shares: dict  # choice -> int percentage or None
    n: int

    def text(self, lang: str) -> str:
        return localized(self.row, "statement", lang)


def printed() -> tuple:
    """The five statements of the dataset, keyed; an empty printed cell is None."""
    rows = read_dataset(SURVEY).rows
    if len(rows) != len(STATEMENTS):
        raise ValueError(f"{SURVEY} has {len(rows)} statements, the activity knows {len(STATEMENTS)}")
    return tuple(
        Printed(key, row, {c: int(row[c]) if row[c].strip() else None for c in CHOICES}, int(row["n"]))
        for key, row in zip(STATEMENTS, rows, strict=True)
    )


def statement_texts(lang: str) -> dict:
    return {p.key: p.text(lang) for p in printed()}


def styles(lang: str) -> list:
    """``[(style, Label, [traits])]`` in Afbeelding 2's order, the traits as the dataset lists them."""
    rows = read_dataset(STYLE_FILE).rows
    out = []
    for style in STYLES:
        mine = [r for r in rows if r["style_nl"] == style]
        label = localized(mine[0], "style", lang)
        out.append((style, label[:1].upper() + label[1:], [localized(r, "trait", lang) for r in mine]))
    return out


def check_answer(item: str, value) -> str:
    """A statement's eens/neutraal/oneens/weet_niet, or the style's key; anything else refused."""
    if item in STATEMENTS:
        if value not in ANSWERS:
            raise InputError("raadsenquete.error.choice")
        return value
    if item == STYLE:
        if value not in STYLES:
            raise InputError("raadsenquete.error.style")
        return value
    raise InputError("error.import_value")


def check_stored(item: str, value) -> str:
    """An answer from a file, checked as a phone's is."""
    return check_answer(item, value)


@dataclass
class Tally:
    """Answers to one statement: counts per choice and the "weet niet" apart."""

    counts: dict = field(default_factory=lambda: dict.fromkeys(CHOICES, 0))
    dont_know: int = 0

    @property
    def answered(self) -> int:
        """Who chose eens, neutraal or oneens: the N the percentages are of."""
        return sum(self.counts.values())

    def share(self, choice: str):
        """Share (0-1) of ``choice`` among eens/neutraal/oneens; None when nobody chose one."""
        return self.counts[choice] / self.answered if self.answered else None


@dataclass
class StatementResult:
    key: str
    room: Tally
    by_group: dict  # group key -> Tally


def _count(tally: Tally, value) -> None:
    if value == DONT_KNOW:
        tally.dont_know += 1
    elif value in CHOICES:
        tally.counts[value] += 1


def statement_results(answers: Iterable[Answer], groups) -> list:
    """Per statement the room's and each group's tally; ``groups`` are the session's group keys."""
    results = {key: StatementResult(key, Tally(), {g: Tally() for g in groups}) for key in STATEMENTS}
    for answer in answers:
        result = results.get(answer.item)
        if result is None:
            continue
        _count(result.room, answer.value)
        if answer.group in result.by_group:
            _count(result.by_group[answer.group], answer.value)
    return [results[key] for key in STATEMENTS]


@dataclass
class Mix:
    """How many chose each bestuursstijl."""

    counts: dict = field(default_factory=lambda: dict.fromkeys(STYLES, 0))

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, style: str):
        return self.counts[style] / self.total if self.total else None


@dataclass
class StyleMix:
    room: Mix
    by_group: dict  # group key -> Mix


def style_mix(answers: Iterable[Answer], groups) -> StyleMix:
    """The room's mix of bestuursstijlen and each group's."""
    mix = StyleMix(Mix(), {g: Mix() for g in groups})
    for answer in answers:
        if answer.item != STYLE or answer.value not in STYLES:
            continue
        mix.room.counts[answer.value] += 1
        if answer.group in mix.by_group:
            mix.by_group[answer.group].counts[answer.value] += 1
    return mix
