"""Result blocks: what an activity's results are, as plain data the kit draws everywhere the same way.

An activity's ``results.blocks(answers, state, session, lang)`` returns a list of blocks; the render
layer (``widgets.render.blocks``) has one component per block type and surface (the phone, the
presentation screen, the dashboard, the report). An activity never writes results HTML of its own,
so a bar, a number and a small group read the same on every surface.

The vocabulary (frozen dataclasses, texts already in the session's language):

- ``Scale``: the fixed scale every bar of a block is drawn on (``low`` to ``high`` in steps of
  ``step``, ``unit`` after each number: "" for scores, "%" for shares). Bars start at zero, so a
  bar's length is proportional to its value and equal values are equal lengths on any surface.
- ``Group``: a stakeholder group as a block shows it: its key, label and colour, in the session's order.
- ``Figure``: one number and what makes it up: the ``mean`` (None: nobody scored), how many scored
  (``count``) and how many said "weet ik niet" (``dont_know``). ``shown`` is the disclosure rule on its
  own (``widgets.model.disclosure``); ``hidden`` is set by the render layer where the rule, with the
  block's other figures, keeps it from participants.
- ``ScoredItem``: one row of a ``Scores`` block: its label (``short`` where room is scarce, ``text``
  in full where there is room), a ``Figure`` per group in the block's group order, and the room's.
- ``Scores``: scores on a fixed scale per item and group (Box 5.2's statements, eigen stellingen,
  Tabel 4.2's values, the triangle's corners): a title, the heading of the item column, the scale, the
  groups, the items; ``room`` names the room's figure where a block shows it after the groups ("Iedereen").

- ``Ranking``: items in order of the points they got (Prioriteren's 100 points): per item the
  total, each group's points and a note ("genoemd door 3"), every bar on one scale from zero to
  the highest total.
- ``Shares``: how answers split over categories (agree / neutral / disagree, the rungs of a
  ladder, the four perspectives): per item a line per group, the room or the book, each with its
  share per category (0-100 %), how many it is of and how many said "weet niet"; drawn as a bar
  of 100 % split in the categories' colours, with the percentages written out.
- ``Facts``: a small table of figures (per row a label and a value per column, each column with its
  unit): what does not fit a bar, as the gap between now and should on a ladder or the room next
  to 49 municipalities. A phone shows a card per row, never the table.
- ``Placements``: places in a triangle of three corners (Moore's willen, mogen, kunnen): per person their
  group and a score per corner (0-10), each group's mean place and the room's (as shares of the corners,
  0-100 %), perhaps the viewer's own place. Drawn as the triangle (each group its own colour *and*
  shape, named in a legend) with its figures as tables: the scores per person, the mean places.

- ``Texts``: texts people gave, in sections (the palette's cells, notes per question): per section a
  heading and its entries, each entry its text, perhaps how many gave it ("3×") and a short mark
  ("gedeeld", the one group that gave it). ``rows`` x ``columns`` lay the sections out as a grid where
  there is room (Tabel 2.1's perspectives x kinds of value); a phone shows a card per section.

- ``WordCloud``: the words people used most in their answers (an open question): the room's cloud, then
  each group's, each word with how many participants used it; drawn as words sized by that count, with
  the same words and counts as a table (what a screen reader and the report read).

Every block type has a ``kind``, by which the render layer finds its components.

Small groups give nothing away: before a surface for participants draws a block, the render layer
(``widgets.render.disclosure``) applies ``widgets.model.disclosure`` to it from the counts the block
holds (``Figure.count``, ``Split.n``, ``Row.n``, ``MeanPlace.n``) and marks what participants may not see
``hidden``.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from ..colors import group_color
from .disclosure import shown


@dataclass(frozen=True)
class Scale:
    low: float
    high: float
    step: float = 1
    unit: str = ""  # written after every number ("%"); "" for scores

    def share(self, value: float) -> float:
        """How much of a bar ``value`` fills: 0 at zero, 1 at ``high`` (bars start at zero)."""
        return min(max(value / self.high, 0.0), 1.0)


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    color: str  # widgets.colors.group_color of the group's place in the session


def groups_of(session) -> tuple[Group, ...]:
    """The session's groups with their colours (the same on the phones, the charts and the report)."""
    return tuple(Group(g.key, g.label, group_color(i)) for i, g in enumerate(session.groups))


@dataclass(frozen=True)
class Figure:
    mean: float | None = None
    count: int = 0  # scores the mean is made of
    dont_know: int = 0  # "weet ik niet": counted here, never in the mean
    hidden: bool = False  # kept from participants by the disclosure rule (set by the render layer)

    @property
    def shown(self) -> bool:
        """The disclosure rule on its own: a mean that is nobody's answer in particular (or a dash: nobody scored)."""
        return shown(self.count)

    @classmethod
    def of(cls, scores: Sequence[float], dont_know: int = 0) -> "Figure":
        return cls(sum(scores) / len(scores) if scores else None, len(scores), dont_know)


@dataclass(frozen=True)
class ScoredItem:
    key: str
    label: str
    groups: tuple[Figure, ...]  # in the order of the block's groups
    room: Figure = Figure()
    short: str = ""  # the label where room is scarce (the presentation screen); the label where ""
    text: str = ""  # the item in full (the statement), shown under the label where there is room

    @property
    def short_label(self) -> str:
        return self.short or self.label


@dataclass(frozen=True)
class Scores:
    kind: ClassVar[str] = "scores"

    key: str  # names the block on the page (``data-kit-block``): the activity's key where it has one block
    title: str
    heading: str  # of the item column ("Stelling")
    scale: Scale
    groups: tuple[Group, ...]
    items: tuple[ScoredItem, ...]
    room: str = ""  # the label of the room's line/column after the groups; "": the room's figure is not shown
    intro: str = ""  # one line above (the groups too small to show, named once)


@dataclass(frozen=True)
class RankedItem:
    key: str
    label: str
    total: float
    groups: tuple[Figure, ...]  # each group's points (``mean``: its sum here) in the block's group order
    note: str = ""  # under the item: what else the room should know ("genoemd door 3")
    hidden: bool = False  # its total kept from participants (the room's figure; set by the render layer)


@dataclass(frozen=True)
class Ranking:
    kind: ClassVar[str] = "ranking"

    key: str
    title: str
    heading: str  # of the item column ("Waarde")
    total: str  # the heading of the totals ("Punten")
    scale: Scale  # zero to the highest total, so every bar on the screen is on one scale
    groups: tuple[Group, ...]
    items: tuple[RankedItem, ...]  # highest first
    intro: str = ""  # one line above ("12 deelnemers verdeelden hun punten")
    note: str = ""  # the heading of the items' notes in a table ("Genoemd door"); "": no notes column


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    color: str
    short: str = ""  # beside each share on a phone, where the legend gives the label ("PA"); "": the label


@dataclass(frozen=True)
class Split:
    """One line of a ``Shares`` item: who (a group, the room, the book) and how their answers split."""

    key: str  # a group's key, "*" for the room, or another name ("boek")
    label: str
    shares: tuple[float | None, ...]  # per category, percent (0-100) of ``n``; None: not known (not printed)
    n: int  # how many the shares are of
    dont_know: int | None = None  # "weet niet", counted apart; None where the question has no such answer
    color: str = ""  # the group's colour for its swatch; "" for none
    strong: bool = False  # the line the room reads first (the room's own)
    printed: bool = False  # a source's figures (the book's), not the session's people: no disclosure rule
    full: str = ""  # the label with what its figures come to ("Raadsleden (vooral PA)"), drawn where they are shown
    hidden: bool = False  # kept from participants by the disclosure rule (set by the render layer)

    @property
    def shown(self) -> bool:
        """The disclosure rule on its own: shares that are nobody's answer in particular (or none at all)."""
        return self.printed or shown(self.n)


def percents(counts, n: int) -> tuple[float | None, ...]:
    """Each count in percent (0-100) of ``n``, as a ``Split`` holds its shares; not known (None) where n is 0."""
    return tuple(100 * c / n if n else None for c in counts)


@dataclass(frozen=True)
class SharedItem:
    key: str
    label: str
    lines: tuple[Split, ...]


@dataclass(frozen=True)
class Shares:
    kind: ClassVar[str] = "shares"

    key: str
    title: str
    heading: str  # of the who column ("Wie")
    categories: tuple[Category, ...]
    items: tuple[SharedItem, ...]
    n_label: str = "N"  # the heading of how many the shares are of
    dont_know: str = ""  # the heading of "weet niet"; "": the question has none
    intro: str = ""  # one line above the items
    digits: int = 0  # decimals of the percentages (0: 45%; 1: 17,1%)
    scale: Scale = Scale(0, 100, 10, "%")


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    unit: str = ""  # after every number of the column ("%")
    signed: bool = False  # a difference: +1,5 / -0,5


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    cells: tuple[float | int | str | None, ...]  # per column: a number (written with Babel), a text, or None (–)
    strong: bool = False
    n: int | None = None  # how many participants its figures rest on (a group's, the room's: key "*"); None: not people
    hidden: bool = False  # kept from participants by the disclosure rule (set by the render layer)


@dataclass(frozen=True)
class Facts:
    kind: ClassVar[str] = "facts"

    key: str
    title: str
    heading: str  # of the row labels' column
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    intro: str = ""  # one line above (the finding: "Het verst uit elkaar: ...")


@dataclass(frozen=True)
class Entry:
    key: str
    text: str
    count: int | None = None  # how many gave it, written "3×"; None: not counted (a note)
    mark: str = ""  # a short word after it: "gedeeld", or the one group that gave it
    strong: bool = False  # what the room reads first (a value groups share): bold, a star before its mark
    groups: tuple[str, ...] = ()  # the keys of the groups that gave it (for the page's scripts and tests)
    seen: "Entry | None" = None  # the entry as participants see it: its groups under the disclosure rule (folded)


@dataclass(frozen=True)
class Section:
    key: str
    heading: str  # in full, as a card's or a row's heading ("individueel, materieel")
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Texts:
    kind: ClassVar[str] = "texts"

    key: str
    title: str
    sections: tuple[Section, ...]
    rows: tuple[str, ...] = ()  # a grid's row headings (the perspectives); (): a row per section
    columns: tuple[str, ...] = ()  # a grid's column headings (the kinds of value); the sections fill it row by row
    intro: str = ""  # one line above
    empty: str = ""  # said instead where no section has an entry ("Nog geen waarden genoemd.")

    def __post_init__(self):
        if (self.rows or self.columns) and len(self.rows) * len(self.columns) != len(self.sections):
            raise ValueError(f"{len(self.sections)} sections do not fill {len(self.rows)} x {len(self.columns)}")

    @property
    def grid(self) -> tuple[tuple[Section, ...], ...]:
        """The sections row by row (one row per section where the block has no grid)."""
        width = len(self.columns) or 1
        return tuple(self.sections[i : i + width] for i in range(0, len(self.sections), width))

    @property
    def given(self) -> bool:
        """Whether any section has an entry."""
        return any(section.entries for section in self.sections)


@dataclass(frozen=True)
class Corner:
    key: str
    label: str


@dataclass(frozen=True)
class Placement:
    """One person's place: their group's key and a score per corner (in the block's corner order)."""

    group: str
    scores: tuple[float, ...]
    you: bool = False  # the viewer's own place (marked on their phone only)


@dataclass(frozen=True)
class MeanPlace:
    """A group's mean place (the centroid of its members' places) or the room's: each corner's share of it."""

    key: str  # a group's key, "*" for the room
    label: str
    shares: tuple[float, ...]  # per corner, percent (0-100) of the place; they add up to 100
    n: int  # how many places it is the mean of


@dataclass(frozen=True)
class Placements:
    kind: ClassVar[str] = "placements"

    key: str
    title: str  # of the drawing ("Iedereen in de driehoek")
    heading: str  # of the group column ("Groep")
    corners: tuple[Corner, ...]  # three: on top, bottom left, bottom right
    groups: tuple[Group, ...]  # the session's, in its order (a group's colour and shape keep to its place there)
    points: tuple[Placement, ...]  # in the order of the table: by group, then as they came
    means: tuple[MeanPlace, ...] = ()  # per group of ``groups``, then the room's (key "*")
    intro: str = ""  # one line above (the finding: "Zwakste hoek voor de hele groep: mogen.")
    scale: Scale = Scale(0, 10)  # of the scores

    def group(self, key: str) -> Group:
        """The group of a point or a mean (the room: no group's colour)."""
        return next((g for g in self.groups if g.key == key), Group(key, key, ""))


@dataclass(frozen=True)
class CloudWord:
    key: str
    text: str  # as most participants typed it
    count: int  # how many participants used it (each once, however often they typed it)


@dataclass(frozen=True)
class Cloud:
    """One word cloud: the room's (key ``*``) or a group's, of the answers of ``n`` participants."""

    key: str
    label: str
    words: tuple[CloudWord, ...]  # most used first
    n: int  # the participants whose answers it is made of: what the disclosure rule counts
    hidden: bool = False  # kept from participants by the disclosure rule (set by the render layer)


@dataclass(frozen=True)
class WordCloud:
    kind: ClassVar[str] = "cloud"

    key: str
    title: str
    heading: str  # of the word column ("Woord")
    count: str  # of the count column ("Aantal deelnemers")
    clouds: tuple[Cloud, ...]  # the room's first, then each group's in the session's order
    intro: str = ""  # one line above (how the words were counted)
    empty: str = ""  # said instead where no cloud has a word ("Nog geen antwoorden.")

    @property
    def given(self) -> bool:
        return any(cloud.words for cloud in self.clouds)


Block = Scores | Ranking | Shares | Facts | Texts | Placements | WordCloud  # the union of the block types
