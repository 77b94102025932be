"""Sturingsscan: a team scores its own municipality on the indicator statements of *Sturing in 3D*.

Source: Nijdam (2020), Bijlage E: per element (beleid, organisatie, bekostiging, aansturing) two
indicator statements for each sturingsperspectief (PA, NPM, NPG, SR), 32 in all. The thesis
prints no answer scale (it asks "in welke mate" a perspective is present); the kit uses 1-5,
1 = helemaal niet, 5 = in sterke mate, and "weet ik niet" (stored as ``weet_niet``, never a score).

Shares follow lesson 09 and Bijlage G: a perspective's share is its part of the whole, in
percent (``signal_words.shares``). What counts is a score above "helemaal niet" (score - 1),
so a perspective nobody recognises adds nothing, as a perspective without signal words does.
Per participant: the mean of those points per perspective (over the statements answered), as
shares; a group's and the room's shares are the plain mean of their participants' shares, as
Figure 6.1 averages the municipalities' shares. The distance to a municipality, and between
two groups on an element, is the lesson's: the straight-line distance over the four shares
(``math.dist``, percentage points), as ``signal_words.placement`` ranks municipalities.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from ...datasets import read_dataset
from ...model.answers import Answer
from ...model.disclosure import disclose
from ...model.signal_words import PERSPECTIVES, placement, shares
from ...model.tables import localized, number
from ...model.validation import InputError

ACTIVITY = "sturingsscan"
DATASET = "sturing_indicatoren_bijlage_e.csv"
MUNICIPALITIES = "sturing_bijlage_g.csv"
ELEMENTS = ("beleid", "organisatie", "bekostiging", "aansturing")  # Bijlage E's (and §5.3.1's) order
SCORES = (1, 2, 3, 4, 5)
DONT_KNOW = "weet_niet"
PER_CELL = 2  # statements per element and perspective
# One key per statement: element, perspective and its number within the cell, in the dataset's order.
ITEMS = tuple(f"{e}_{p}_{n}" for e in ELEMENTS for p in PERSPECTIVES for n in range(1, PER_CELL + 1))


@dataclass(frozen=True)
class Indicator:
    key: str
    element: str
    perspective: str
    row: dict

    def text(self, lang: str) -> str:
        return localized(self.row, "statement", lang)

    def element_label(self, lang: str) -> str:
        return localized(self.row, "element", lang)


def indicators() -> tuple:
    """The 32 statements keyed as ``ITEMS``; ValueError when the dataset's grid is not 4 x 4 x 2."""
    rows = read_dataset(DATASET).rows
    keys = []
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        cell = (row["element_nl"], row["code"])
        seen[cell] = seen.get(cell, 0) + 1
        keys.append(f"{cell[0]}_{cell[1]}_{seen[cell]}")
    if tuple(keys) != ITEMS:
        raise ValueError(f"{DATASET} is not the grid of {len(ITEMS)} statements the sturingsscan knows")
    return tuple(Indicator(key, row["element_nl"], row["code"], row) for key, row in zip(ITEMS, rows, strict=True))


def element_items(element: str) -> tuple:
    """An element's eight statements for the phone: each perspective's first, then each one's second."""
    return tuple(f"{element}_{p}_{n}" for n in range(1, PER_CELL + 1) for p in PERSPECTIVES)


def element_of(item: str) -> str:
    return item.split("_", 1)[0]


def perspective_of(item: str) -> str:
    return item.split("_")[1]


def check_answer(item: str, value):
    """A score 1-5 (from a form's text or a file's number) or ``weet_niet``; anything else refused."""
    if item not in ITEMS:
        raise InputError("error.import_value")
    if value == DONT_KNOW:
        return DONT_KNOW
    if isinstance(value, bool):
        raise InputError("sturingsscan.error.score")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int) or value not in SCORES:
        raise InputError("sturingsscan.error.score")
    return value


def check_stored(item: str, value):
    """An answer from a file, checked as a phone's is."""
    return check_answer(item, value)


def participant_shares(values: dict, element: str | None = None):
    """One participant's shares (percent per perspective), over all statements or one element's.

    ``values`` are item -> score or ``weet_niet``. None when a perspective has no score there
    or every score is "helemaal niet" (then there is no whole to take a part of).
    """
    points: dict[str, list[int]] = {p: [] for p in PERSPECTIVES}
    for item, value in values.items():
        if item in ITEMS and value in SCORES and (element is None or element_of(item) == element):
            points[perspective_of(item)].append(value - 1)
    if not all(points.values()):
        return None
    means = {p: sum(v) / len(v) for p, v in points.items()}
    if sum(means.values()) == 0:
        return None
    return shares(means)


def mean_shares(profiles: list):
    """The plain mean of several participants' shares (each sums to 100, so the mean does); None without any."""
    if not profiles:
        return None
    return {p: sum(s[p] for s in profiles) / len(profiles) for p in PERSPECTIVES}


def distance(a: dict, b: dict) -> float:
    """The lesson's distance between two sets of shares: straight-line, in percentage points."""
    return math.dist([a[p] for p in PERSPECTIVES], [b[p] for p in PERSPECTIVES])


@dataclass
class Profile:
    """A group's or the room's shares and how many participants make them up."""

    shares: dict | None = None
    n: int = 0

    @property
    def dominant(self) -> tuple:
        """The perspective(s) with the highest share (ties all named); () without shares."""
        if not self.shares:
            return ()
        top = max(self.shares.values())
        return tuple(p for p in PERSPECTIVES if math.isclose(self.shares[p], top))


@dataclass
class ElementGap:
    """How far the groups lie apart on one element: the two farthest groups and their distance."""

    element: str
    by_group: dict  # group key -> Profile on this element
    distance: float | None = None  # None with fewer than two groups with shares here
    pair: tuple = ()


@dataclass
class ScanResult:
    answered: int  # participants with at least one answer
    room: Profile
    by_group: dict  # group key -> Profile
    elements: list = field(default_factory=list)  # ElementGap per element, in ELEMENTS order
    widest: ElementGap | None = None  # the element where groups differ most (None without two groups)


def _profile(values_list: list, element: str | None = None) -> Profile:
    found = [s for s in (participant_shares(v, element) for v in values_list) if s is not None]
    return Profile(mean_shares(found), len(found))


def by_participant(answers: Iterable[Answer]) -> dict[str, tuple[str, dict[str, Any]]]:
    """``{participant ref: (group, {item: value})}`` from the store's rows, in the order they come."""
    people: dict[str, tuple[str, dict[str, Any]]] = {}
    for a in answers:
        if a.item in ITEMS:
            people.setdefault(a.participant, (a.group, {}))[1][a.item] = a.value
    return people


def summarize(answers: Iterable[Answer], groups, least: int | None = None) -> ScanResult:
    """Shares per group and for the room, per element the farthest two groups, and the widest element.

    ``answers`` are the store's rows (``participant``, ``group``, ``item``, ``value``); ``groups``
    the session's group keys, in order. A participant of a group since removed counts in the room only.
    A group is one of an element's pair only where the disclosure rule (``widgets.model.disclosure``, ``k`` =
    ``least``) shows its shares there, counted against the room's on the element: a distance to a group of one
    is that one person's answer.
    """
    people = by_participant(answers)
    in_group = {g: [values for group, values in people.values() if group == g] for g in groups}
    everyone = [values for _, values in people.values()]
    result = ScanResult(len(people), _profile(everyone), {g: _profile(in_group[g]) for g in groups})
    for element in ELEMENTS:
        by_group = {g: _profile(in_group[g], element) for g in groups}
        gap = ElementGap(element, by_group)
        rule = disclose({g: by_group[g].n for g in groups}, _profile(everyone, element).n, least)
        shown = {g: found for g in groups if (found := by_group[g].shares) and rule.shows(g)}
        for a, b in combinations(shown, 2):
            d = distance(shown[a], shown[b])
            if gap.distance is None or d > gap.distance:
                gap.distance, gap.pair = d, (a, b)
        result.elements.append(gap)
    measured = [gap for gap in result.elements if gap.distance is not None]
    result.widest = max(measured, key=lambda gap: gap.distance or 0) if measured else None  # first on a tie
    return result


def municipalities() -> list:
    """Bijlage G's 49 as ``[(gemeente, {perspective: share})]``, in its (alphabetical) order."""
    return [(row["gemeente"], {p: number(row[p]) for p in PERSPECTIVES}) for row in read_dataset(MUNICIPALITIES).rows]


@dataclass
class Benchmark:
    """The room next to Bijlage G: per perspective the 49's mean, lowest and highest, and the nearest one."""

    total: int
    mean: dict
    low: dict  # perspective -> (share, gemeente)
    high: dict
    below: dict  # perspective -> how many of the 49 have a lower share than the room
    nearest: str
    nearest_shares: dict
    nearest_distance: float


def benchmark(room: dict, others=None) -> Benchmark:
    """``room`` shares among the municipalities (Bijlage G by default), by the lesson's measures."""
    others = municipalities() if others is None else list(others)
    place = placement(room, others, nearest=1)
    nearest = dict(others)[place["nearest"][0]]
    return Benchmark(
        total=place["total"],
        mean={p: sum(s[p] for _, s in others) / len(others) for p in PERSPECTIVES},
        low={p: min(((s[p], name) for name, s in others), key=lambda x: x[0]) for p in PERSPECTIVES},
        high={p: max(((s[p], name) for name, s in others), key=lambda x: x[0]) for p in PERSPECTIVES},
        below=place["below"],
        nearest=place["nearest"][0],
        nearest_shares=nearest,
        nearest_distance=distance(room, nearest),
    )
