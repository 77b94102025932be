"""What a surface may draw of a result block: ``widgets.model.disclosure`` applied to the block's own counts.

``withhold(block, participants)`` gives the block back with every figure the rule keeps from participants
marked ``hidden``: per item, the groups' counts (``Figure.count``, ``Split.n``, ``Row.n``) and the room's
go through ``disclose``, so a group of fewer than ``k`` and the group that would let the room's figure
give it away are hidden, and the room's figure when fewer than ``k`` make it up. For a surface
participants see (the phones, the presentation screen, the report) the hidden figures' numbers are taken
out as well, so no template can show them; the facilitator's dashboard keeps them, marked.

One function per block kind (``WITHHOLD``); a kind without one is drawn as it is, so a new kind that
holds figures of groups adds its function here (``tests/test_disclosure.py`` checks every kind has one).
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from ..i18n import t
from ..model.blocks import (
    Block,
    Facts,
    Figure,
    Group,
    Placements,
    Ranking,
    Row,
    ScoredItem,
    Scores,
    Shares,
    Split,
    Texts,
    WordCloud,
)
from ..model.disclosure import OTHER, ROOM, disclose, other_group, shown


def _figure(figure: Figure, hide: bool, participants: bool) -> Figure:
    if not hide or not (participants or figure.count or figure.dont_know):  # the dashboard: an empty group's dash
        return figure
    return Figure(hidden=True) if participants else replace(figure, hidden=True)


def _took_part(figure: Figure) -> tuple[int, int]:
    """What the rule counts of a mean: the scores it is made of, and everyone who took part ("weet ik niet" too)."""
    return figure.count, figure.count + figure.dont_know


def _line_took_part(line: Split) -> tuple[int, int]:
    """What the rule counts of a line of shares: whom they are of, and everyone who took part ("weet niet" too)."""
    return line.n, line.n + (line.dont_know or 0)


def scores(block: Scores, participants: bool, lang: str = "nl") -> Scores:
    """Per item: each group's mean by its count and by who took part, the room's by everyone's (whether or not the
    block shows it)."""
    items = []
    for item in block.items:
        counts = {g.key: _took_part(f) for g, f in zip(block.groups, item.groups, strict=True)}
        found = disclose(counts, _took_part(item.room))
        figures = tuple(
            _figure(f, not found.shows(g.key), participants) for g, f in zip(block.groups, item.groups, strict=True)
        )
        items.append(replace(item, groups=figures, room=_figure(item.room, not found.room, participants)))
    return replace(block, items=tuple(items))


def ranking(block: Ranking, participants: bool, lang: str = "nl") -> Ranking:
    """Each group's points by how many of it spread points; the totals by everyone who did.

    Where the totals are withheld from participants, so is their order: the items come alphabetically.
    """
    items = []
    for item in block.items:
        counts = {g.key: f.count for g, f in zip(block.groups, item.groups, strict=True)}
        found = disclose(counts)
        figures = tuple(
            _figure(f, not found.shows(g.key), participants) for g, f in zip(block.groups, item.groups, strict=True)
        )
        hide = not found.room
        items.append(replace(item, groups=figures, hidden=hide, total=0 if hide and participants else item.total))
    if participants and any(item.hidden for item in items):
        items.sort(key=lambda item: item.label.casefold())
    return replace(block, items=tuple(items))


def _split(line: Split, hide: bool, participants: bool) -> Split:
    if not hide or not (participants or line.n or line.dont_know):  # the dashboard: an empty group's dash
        return line
    if not participants:
        return replace(line, hidden=True)
    return replace(line, shares=(None,) * len(line.shares), n=0, dont_know=None, hidden=True, full="")


def shares(block: Shares, participants: bool, lang: str = "nl") -> Shares:
    """Per item: each group's line by its N, the room's line (key ``*``) by its N; a source's line as it is.

    An item without a room's line has no groups in it (a line per question, each the room's): each line
    on its own.
    """
    items = []
    for item in block.items:
        groups = {line.key: _line_took_part(line) for line in item.lines if line.key != ROOM and not line.printed}
        room = next((_line_took_part(line) for line in item.lines if line.key == ROOM), None)
        if room is None:
            alone = (
                line if line.printed else _split(line, not all(map(shown, _line_took_part(line))), participants)
                for line in item.lines
            )
            items.append(replace(item, lines=tuple(alone)))
            continue
        found = disclose(groups, room)
        lines = tuple(
            line
            if line.printed
            else _split(line, not (found.room if line.key == ROOM else found.shows(line.key)), participants)
            for line in item.lines
        )
        items.append(replace(item, lines=lines))
    return replace(block, items=tuple(items))


def _row(row: Row, hide: bool, participants: bool) -> Row:
    if not hide:
        return row
    return replace(row, cells=(None,) * len(row.cells), hidden=True) if participants else replace(row, hidden=True)


def facts(block: Facts, participants: bool, lang: str = "nl") -> Facts:
    """Rows with ``n``: next to a room's row (key ``*``) as groups and their room; without one, each on its own."""
    counted = [row for row in block.rows if row.n is not None]
    room = next((row.n for row in counted if row.key == ROOM), None)
    if room is None:
        rows = tuple(row if row.n is None else _row(row, not shown(row.n), participants) for row in block.rows)
        return replace(block, rows=rows)
    found = disclose({row.key: row.n for row in counted if row.key != ROOM}, room)
    rows = tuple(
        row if row.n is None else _row(row, not (found.room if row.key == ROOM else found.shows(row.key)), participants)
        for row in block.rows
    )
    return replace(block, rows=rows)


def placements(block: Placements, participants: bool, lang: str = "nl") -> Placements:
    """Places in the triangle: each group's mean place by how many placed themselves in it, the room's by everyone.

    For participants a hidden group's mean goes, and its members' places are drawn as "overige groepen" (every
    hidden group's together, which are then at least k people, or none); in a room of fewer than k only the
    viewer's own place is drawn, without the finding above it. The dashboard draws every place and mean.
    """
    counts = Counter(point.group for point in block.points)
    found = disclose(counts, len(block.points))
    if not participants:
        return block
    if not found.room:
        own = tuple(replace(point, group=OTHER) for point in block.points if point.you)
        return replace(block, points=own, means=(), intro="", groups=(*block.groups, _other(lang)))
    points = tuple(replace(point, group=found.key(point.group)) for point in block.points)
    means = tuple(mean for mean in block.means if mean.key == ROOM or found.shows(mean.key))
    groups = block.groups + ((_other(lang),) if found.hidden else ())
    return replace(block, points=points, means=means, groups=groups)


def _other(lang: str) -> Group:
    other = other_group(lang)
    return Group(other.key, other.label, "")  # no group's colour


def texts(block: Texts, participants: bool, lang: str = "nl") -> Texts:
    """Texts are no figures: drawn as they are (an entry's count is the room's), but where an entry says which
    groups gave it, participants read it as ``Entry.seen`` has it: the groups of fewer than k folded into "overige
    groepen", so a mark names no one-person group and "gedeeld" means the same as in the report."""
    if not participants:
        return block
    sections = tuple(
        replace(section, entries=tuple(entry.seen or entry for entry in section.entries)) for section in block.sections
    )
    return replace(block, sections=sections)


def cloud(block: WordCloud, participants: bool, lang: str = "nl") -> WordCloud:
    """A group's cloud by how many of it answered, as a group's figure: one person's words are still theirs. The
    room's cloud is everyone's answers put together, which participants read in the list of answers anyway."""
    room = next((c.n for c in block.clouds if c.key == ROOM), None)
    found = disclose({c.key: c.n for c in block.clouds if c.key != ROOM}, room)
    clouds = []
    for c in block.clouds:
        if c.key == ROOM or found.shows(c.key):
            clouds.append(c)
        else:
            clouds.append(replace(c, words=(), hidden=True) if participants else replace(c, hidden=True))
    return replace(block, clouds=tuple(clouds))


WITHHOLD: dict[str, Callable] = {
    "scores": scores,
    "ranking": ranking,
    "shares": shares,
    "facts": facts,
    "placements": placements,
    "texts": texts,
    "cloud": cloud,
}


def withhold(block: Block, participants: bool, lang: str = "nl") -> Block:
    """``block`` with what the rule keeps from participants marked (and, for their surfaces, taken out)."""
    apply = WITHHOLD.get(block.kind)
    return block if apply is None else apply(block, participants, lang)


def _noted(intro: str, labels, lang: str, said: set[str] | None) -> str:
    """The block's line above with the groups left out named once: "Te weinig deelnemers om per groep te tonen: ...".

    A group in ``said`` was named above a block drawn before this one, with it: not named again (and ``said`` gets
    the ones named here), so a screen or card of two blocks says it once."""
    if said is not None:
        labels = [label for label in labels if label not in said]
        said.update(labels)
    if not labels:
        return intro
    note = t("blocks.withheld_groups", lang, groups=", ".join(labels))
    if not intro:
        return note
    return f"{intro} {note}" if intro.endswith((".", "!", "?")) else f"{intro}. {note}"  # two sentences, not one


def _gone(hidden_per_item) -> list[int]:
    """The places of the groups withheld in every item that anyone answered (``None`` for an item nobody did)."""
    rows = [tuple(row) for row in hidden_per_item if row is not None]
    return [i for i in range(len(rows[0]) if rows else 0) if all(row[i] for row in rows)]


def _answered(item: ScoredItem) -> bool:
    return any(f.hidden or sum(_took_part(f)) for f in (item.room, *item.groups))


def collapse(block: Block, lang: str = "nl", said: set[str] | None = None) -> Block:
    """For participants, after ``withhold``: a group whose figures are all withheld leaves the block, named once in
    its line above, instead of "te weinig deelnemers om te tonen" in every row (a room of small groups read as
    pages of it); once for the blocks drawn together too, where ``said`` holds the groups named above them. The
    room's figure stays (a ``Scores`` block shows it where groups are withheld). A word cloud names its withheld
    groups on one line of its own already."""
    if isinstance(block, Scores | Ranking):
        gone = _gone(
            [f.hidden for f in item.groups] if not isinstance(item, ScoredItem) or _answered(item) else None
            for item in block.items
        )
        if not gone:
            return block
        keep = [i for i in range(len(block.groups)) if i not in gone]
        items = tuple(replace(item, groups=tuple(item.groups[i] for i in keep)) for item in block.items)
        groups = tuple(block.groups[i] for i in keep)
        intro = _noted(block.intro, [block.groups[i].label for i in gone], lang, said)
        return replace(block, groups=groups, items=items, intro=intro)
    if isinstance(block, Shares):
        if not any(line.key == ROOM for item in block.items for line in item.lines):
            return block  # a line per question, each the room's: no groups to leave out
        people = [[x for x in item.lines if not x.printed] for item in block.items]
        answered = [item for item in people if any(x.hidden or _line_took_part(x)[1] for x in item)]
        lines = [x for item in answered for x in item if x.key != ROOM]
        labels = {line.key: line.label for line in lines}
        gone = [key for key in labels if all(line.hidden for line in lines if line.key == key)]
        if not gone:
            return block
        items = tuple(replace(item, lines=tuple(x for x in item.lines if x.key not in gone)) for item in block.items)
        return replace(block, items=items, intro=_noted(block.intro, [labels[key] for key in gone], lang, said))
    if isinstance(block, Facts) and any(row.key == ROOM and row.n is not None for row in block.rows):
        gone = [row for row in block.rows if row.hidden and row.key != ROOM]
        if not gone:
            return block
        rows = tuple(row for row in block.rows if row not in gone)
        return replace(block, rows=rows, intro=_noted(block.intro, [row.label for row in gone], lang, said))
    return block
