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

from ..model.blocks import (
    Block,
    Facts,
    Figure,
    Group,
    Placements,
    Ranking,
    Row,
    Scores,
    Shares,
    Split,
    Texts,
    WordCloud,
)
from ..model.disclosure import OTHER, ROOM, disclose, other_group, shown


def _figure(figure: Figure, hide: bool, participants: bool) -> Figure:
    if not hide:
        return figure
    return Figure(hidden=True) if participants else replace(figure, hidden=True)


def scores(block: Scores, participants: bool, lang: str = "nl") -> Scores:
    """Per item: each group's mean by its count, the room's by everyone's (whether or not the block shows it)."""
    items = []
    for item in block.items:
        found = disclose({g.key: f.count for g, f in zip(block.groups, item.groups, strict=True)}, item.room.count)
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
    if not hide:
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
        groups = {line.key: line.n for line in item.lines if line.key != ROOM and not line.printed}
        room = next((line.n for line in item.lines if line.key == ROOM), None)
        if room is None:
            alone = (line if line.printed else _split(line, not shown(line.n), participants) for line in item.lines)
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
    """Texts are no figures: drawn as they are (an entry's count is the room's; SECURITY.md says what a mark naming
    the one group that gave a text does not protect)."""
    return block


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
