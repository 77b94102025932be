"""Small groups give nothing away: the one disclosure rule for every surface participants see.

A group's figures (a mean, points, shares, how many chose what) appear on the phones, the presentation
screen, the results page and in the report only when at least ``k`` participants make them up
(``min_group()``: the kit-wide setting ``KIT_MIN_GROUP``, default 5). Below it a surface shows the group
without figures ("te weinig deelnemers om te tonen"), or the report folds it into "overige groepen".
The count is of the answers that make up the figure itself: a group of six of which two scored a
statement (four said "weet ik niet") shows no mean for it.

The room's figure is everyone's. Next to the groups' figures it would give away the groups left out
when together they are fewer than ``k`` (the room less the groups shown is their sum). So when the
groups left out hold 1 to k-1 people, the smallest group shown is left out too (secondary
suppression, as statistics offices do): then the groups left out are none or at least ``k`` people,
and the room's figure is shown whenever at least ``k`` make it up. A room of fewer than ``k`` shows
nothing. Every surface asks ``disclose`` with the same counts, so the phone, the screen, the results
page and the report leave out the same groups and no two of them can be set against each other.

What it protects: the answer of a member of a small group, also against a participant who knows
their own answer and up to ``k - 2`` others' (with ``k`` = 5: a group of four shows nothing, so two
extra participants with known grades no longer give the one real member's grade away); a difference
or an extreme between groups (every group in it has ``k`` or more).

What it does not protect: ``k - 1`` answers known to someone (accomplices, or participants added
to pad a group to ``k``: the join limits slow that down and the facilitator's dashboard shows each
group's count, but a group of one real member and four made-up ones shows the real member's answer
to whoever made them up); figures compared over time (a group of five before and of six after a
sixth person answered gives the sixth's answer away to someone who saw both); free texts (a note,
a palette value) that say who wrote them.

The facilitator's dashboard shows every figure, and marks the ones participants do not see.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from ..i18n import t
from ..settings import min_group
from .answers import Answer, ByActivity
from .sessions import Group, Session

ROOM = "*"  # the room's line of a block, among the groups' keys
OTHER = "_overige"  # the groups folded together (group keys are a-z, 0-9 and '-', so never this)

__all__ = [
    "OTHER",
    "ROOM",
    "Disclosure",
    "disclose",
    "fold",
    "fold_answers",
    "folded_session",
    "min_group",
    "other_group",
    "shown",
]


def shown(n: int, k: int | None = None) -> bool:
    """The room's figure of ``n`` people on its own: none (a dash: nobody took part), or at least ``k``.

    A group's figure needs ``k`` (``disclose``): a dash for an empty group would tell it apart from a small one.
    """
    return n == 0 or n >= (min_group() if k is None else k)


Counts = int | tuple[int, ...]  # how many make up a figure, or several counts that must each hold (see ``disclose``)


def _counts(n: Counts) -> tuple[int, ...]:
    return (n,) if isinstance(n, int) else tuple(n)


@dataclass(frozen=True)
class Disclosure:
    """Which groups' figures are withheld from participants, and whether the room's figure is shown."""

    hidden: frozenset = frozenset()
    room: bool = True
    k: int = 0
    counted: frozenset = frozenset()  # the groups the rule was asked about (a group with no answers is in none)

    def shows(self, group: str) -> bool:
        return group not in self.hidden

    def key(self, group: str) -> str:
        """The group a figure counts in once the hidden groups are folded together: itself or ``OTHER``."""
        return OTHER if group in self.hidden else group


def disclose(counts: Mapping[str, Counts], room: Counts | None = None, k: int | None = None) -> Disclosure:
    """The rule: ``counts`` is how many make up each group's figure, ``room`` the room's (default: their sum).

    A group of fewer than k is hidden, an empty one too where others took part (its dash would set it apart
    from a small group's "te weinig deelnemers"); then, while the hidden groups and those in no group (the
    room less the groups shown) are 1 to k-1 people, the smallest group shown (on a tie: the first key) is
    hidden too; the room is shown when it is empty or at least ``k``.

    A count may be a tuple: the scores a mean is made of and everyone who took part (scores plus "weet ik
    niet"). A group is shown when at least k took part and each count is none or at least k (five who all
    said "weet ik niet" show a dash; five of whom two scored show no mean), and each must hold for the room
    less the groups shown, so neither a mean nor a count of "weet ik niet" gives a small group away.
    """
    k = min_group() if k is None else k
    figures = {group: _counts(n) for group, n in counts.items()}
    width = max((len(n) for n in figures.values()), default=1 if room is None else len(_counts(room)))
    whole = tuple(sum(n[i] for n in figures.values()) for i in range(width)) if room is None else _counts(room)
    if not any(whole):  # nobody took part: a dash for every group gives no one away
        return Disclosure(frozenset(), True, k, frozenset(figures))
    kept = {group: n for group, n in figures.items() if max(n) >= k and all(c == 0 or c >= k for c in n)}
    hidden = set(figures) - set(kept)

    def gives_away() -> bool:
        return any(0 < whole[i] - sum(n[i] for n in kept.values()) < k for i in range(len(whole)))

    if kept and gives_away():
        smallest = min(kept, key=lambda group: (kept[group][0], group))
        hidden.add(smallest)
    return Disclosure(frozenset(hidden), all(n == 0 or n >= k for n in whole), k, frozenset(figures))


def fold_answers(answers: Iterable[Answer], k: int | None = None) -> tuple[list[Answer], Disclosure]:
    """An activity's answers with the groups under the rule (counted in participants) in ``OTHER``.

    What is computed from them (a table per group, the farthest groups, dissent between groups, a note's
    group) then knows no group of fewer than ``k``; ``Disclosure.room`` is False when the whole room is.
    """
    answers = list(answers)
    people: dict[str, set] = {}
    for a in answers:
        people.setdefault(a.group, set()).add(a.participant)
    everyone = {a.participant for a in answers}
    found = disclose({group: len(refs) for group, refs in people.items()}, len(everyone), k)
    return [replace(a, group=OTHER) if a.group in found.hidden else a for a in answers], found


def other_group(lang: str) -> Group:
    """The groups folded together, as a session lists a group: "Overige groepen"."""
    return Group(OTHER, t("disclosure.other", lang))


def folded_session(session: Session, found: Disclosure, lang: str) -> Session:
    """``session`` without the hidden groups, and with "overige groepen" last where any were folded."""
    groups = tuple(g for g in session.groups if g.key in found.counted and found.shows(g.key))
    if found.hidden:
        groups += (other_group(lang),)
    return replace(session, groups=groups)


def fold(answers: ByActivity, key: str, session: Session, lang: str) -> tuple[ByActivity, Disclosure, Session]:
    """What a summary or a report section of activity ``key`` may be made from.

    The answers with that activity's folded (``fold_answers``), the rule's outcome (``room`` False: show
    none of its figures) and the session to match.
    """
    mine, found = fold_answers(answers.get(key, []))
    return answers | {key: mine}, found, folded_session(session, found, lang)
