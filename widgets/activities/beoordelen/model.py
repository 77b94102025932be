"""Beoordelen (*Werken aan publieke waarde*, Box 5.2): a rapportcijfer and nine statements,
summarised per group.

Answers of the activity ``beoordelen`` are stored per item: ``cijfer`` (the
overall grade, 1-10 in halves) and one item per statement key (1-10 whole
numbers), each ``{"score": number or None, "note": text}``; ``None`` is
"weet ik niet" and counts for nothing in the means.

Dissent, which orders the conversation agenda, is the sum of two parts:
- *within*: how far scores lie from their own group's mean (root mean square,
  pooled over groups): disagreement inside groups;
- *between*: the gap between the highest and the lowest group mean:
  disagreement between groups.
Both are in grade points, so a statement scored 4 by one group and 8 by
another (gap 4) ranks above one where every group is split 5/7 (within 1).

Broad agreement, shown next to dissent, follows Pol.is's group-informed
consensus (the product over groups of (agree + 1) / (seen + 2)) with
"agree" read as a score of at least ``AGREEMENT_THRESHOLD``: per statement,
the product over the groups that scored it of (that group's scores at or
above the threshold + 1) / (that group's scores + 2). The +1/+2 pulls a small
group towards one half, so a group of one can neither make nor break a
statement; the product is high only if *every* group leans the same way.
It needs scores from at least two groups: one group cannot agree *across*
groups. Low dissent is not the same: a room that scores 6 everywhere has no
dissent and no broad agreement (a bare pass is no endorsement).
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from ...model.answers import Answer
from ...model.blocks import Figure, Group, Scale, ScoredItem, Scores
from ...model.disclosure import OTHER, disclose
from ...model.results import compare
from ...model.validation import InputError, clean_text

ACTIVITY = "beoordelen"
OVERALL = "cijfer"
STATEMENTS = (
    "eerlijk",
    "toegankelijk",
    "rechtvaardig",
    "gelijkheid",
    "proportionaliteit",
    "consequenties",
    "financieel",
    "maatschappelijk",
    "outcomes",
)

# A 7 is a "voldoende plus": a 6 is the bare pass people give when nothing is wrong but nothing
# convinces either, so only 7 and higher counts as endorsing the statement (Pol.is's "agree").
AGREEMENT_THRESHOLD = 7
# Broad agreement only above this: two groups each split half-and-half above and below the
# threshold give 1/2 x 1/2 = 0.25, so above it the groups lean towards endorsing together.
AGREEMENT_FLOOR = 0.25
COMMON_GROUND = 3  # statements listed as broad agreement
SCALE = Scale(low=1, high=10, step=1)  # the statements' scores (the grade also takes halves)


def check_score(value, item: str):
    """A valid score for ``item`` (halves for the overall grade), None for "weet ik niet"; else InputError."""
    if value is None or value == "":
        if item == OVERALL:
            raise InputError("beoordelen.error.grade_required")
        return None
    try:
        score = float(str(value).replace(",", "."))
    except ValueError:
        raise InputError("beoordelen.error.score") from None
    step = 0.5 if item == OVERALL else 1
    if not (1 <= score <= 10) or math.isnan(score) or (score / step) != int(score / step):
        raise InputError("beoordelen.error.grade" if item == OVERALL else "beoordelen.error.score")
    return int(score) if score == int(score) else score


def scored(item: str, score, note: str = "") -> dict:
    """An answer as every activity scored as Box 5.2 stores it: the checked score and the note."""
    return {"score": check_score(score, item), "note": clean_text(note, "note", required=False, multiline=True)}


def check_answer(item: str, score, note: str = "") -> dict:
    if item != OVERALL and item not in STATEMENTS:
        raise InputError("error.unknown_activity", name=item)
    return scored(item, score, note)


def mean(values):
    return sum(values) / len(values) if values else None


@dataclass
class ItemSummary:
    key: str
    scores: dict = field(default_factory=dict)  # group -> [scores]
    unsure: dict = field(default_factory=dict)  # group -> how many said "weet ik niet"
    notes: list = field(default_factory=list)  # (group, text)
    withheld: bool = False  # fewer than k scored it: its figures are kept from participants (``disclosed``)
    hidden: frozenset = frozenset()  # the groups whose scores ``disclosed`` moved into OTHER

    @property
    def dont_know(self) -> int:
        return sum(self.unsure.values())

    def figure(self, group: str) -> Figure:
        return Figure.of(self.scores.get(group, []), self.unsure.get(group, 0))

    @property
    def room(self) -> Figure:
        return Figure.of([x for s in self.scores.values() for x in s], self.dont_know)

    @property
    def group_means(self) -> dict:
        return {g: mean(s) for g, s in self.scores.items() if s}

    @property
    def count(self) -> int:
        return sum(len(s) for s in self.scores.values())

    @property
    def overall_mean(self):
        return mean([x for s in self.scores.values() for x in s])

    @property
    def within(self) -> float:
        deviations = [(x - mean(s)) ** 2 for s in self.scores.values() for x in s]
        return math.sqrt(sum(deviations) / len(deviations)) if deviations else 0.0

    @property
    def between(self) -> float:
        means = list(self.group_means.values())
        return max(means) - min(means) if len(means) >= 2 else 0.0

    @property
    def dissent(self) -> float:
        return self.within + self.between

    @property
    def endorsing(self) -> dict:
        """Per group: how many of its scores are at or above the agreement threshold."""
        return {g: sum(x >= AGREEMENT_THRESHOLD for x in s) for g, s in self.scores.items() if s}

    @property
    def agreement(self):
        """Broad agreement across groups (see the module docstring), 0-1; None when fewer than two groups scored."""
        scored = {g: s for g, s in self.scores.items() if s}
        if len(scored) < 2:
            return None
        endorsing = self.endorsing
        return math.prod((endorsing[g] + 1) / (len(s) + 2) for g, s in scored.items())


def summarize(answers: Iterable[Answer], keys=None) -> dict:
    """``{item: ItemSummary}`` for ``keys`` (the overall grade and the book's statements), from store answers."""
    summaries = {key: ItemSummary(key) for key in ((OVERALL, *STATEMENTS) if keys is None else keys)}
    for answer in answers:
        summary = summaries.get(answer.item)
        if summary is None:
            continue
        value = answer.value
        if value.get("score") is None:
            summary.unsure[answer.group] = summary.unsure.get(answer.group, 0) + 1
        else:
            summary.scores.setdefault(answer.group, []).append(value["score"])
        if value.get("note"):
            summary.notes.append((answer.group, value["note"]))
    return summaries


def _folded(by_group: dict, hidden, merge) -> dict:
    folded: dict = {}
    for group, value in by_group.items():
        key = OTHER if group in hidden else group
        folded[key] = merge(folded[key], value) if key in folded else value
    return folded


def _taking_part(summary: ItemSummary) -> dict:
    """Per group that took part in an item: how many scored it, and how many scored it or said "weet ik niet"."""
    groups = dict.fromkeys([*summary.scores, *summary.unsure])
    return {
        g: (len(summary.scores.get(g, [])), len(summary.scores.get(g, [])) + summary.unsure.get(g, 0)) for g in groups
    }


def disclosed(summaries: dict) -> dict:
    """The summaries as participants may see them: per item the disclosure rule (``widgets.model.disclosure``)
    on the groups' score counts and who took part (as the result blocks ask it). A hidden group's scores,
    "weet ik niet"s and notes count in ``OTHER`` ("overige groepen"), so the room's mean, the dissent and the
    agreement stay what they are without a group of fewer than ``k`` in them; an item fewer than ``k`` scored
    keeps none (``withheld``).
    """
    shown = {}
    for key, s in summaries.items():
        found = disclose(_taking_part(s), (s.count, s.count + s.dont_know))  # the counts the blocks ask with
        if not found.room:
            hidden = frozenset(s.scores)
            shown[key] = ItemSummary(key, notes=[(OTHER, note) for _, note in s.notes], withheld=True, hidden=hidden)
            continue
        shown[key] = ItemSummary(
            key,
            _folded(s.scores, found.hidden, lambda a, b: a + b),
            _folded(s.unsure, found.hidden, lambda a, b: a + b),
            [(found.key(g), note) for g, note in s.notes],
            hidden=found.hidden,
        )
    return shown


def scores(key: str, summaries: dict, labels: dict, groups: tuple[Group, ...], title: str, heading: str) -> Scores:
    """The block ``key`` of the means per group: ``labels`` is ``{item: (label, short, text)}`` in the order shown."""
    items = tuple(
        ScoredItem(
            item,
            label,
            tuple(summaries[item].figure(g.key) for g in groups),
            summaries[item].room,
            short=short,
            text=text,
        )
        for item, (label, short, text) in labels.items()
    )
    return Scores(key, title, heading, SCALE, groups, items)


def agenda(summaries, keys=STATEMENTS) -> list:
    """Statement keys for the conversation: most dissent first; unanswered statements last."""
    keys = tuple(keys)
    answered = [k for k in keys if summaries[k].count]
    rest = [k for k in keys if not summaries[k].count]
    return sorted(answered, key=lambda k: (-round(summaries[k].dissent, 9), -summaries[k].count, keys.index(k))) + rest


def consensus_order(summaries, keys=STATEMENTS) -> list:
    """Statement keys with an agreement value, broadest agreement first; ties in the order of ``keys``."""
    keys = tuple(keys)
    valued = [k for k in keys if summaries[k].agreement is not None]
    return sorted(valued, key=lambda k: (-round(summaries[k].agreement, 9), keys.index(k)))


def common_ground(summaries, limit: int = COMMON_GROUND, keys=STATEMENTS) -> list:
    """The statements to show as broad agreement: above ``AGREEMENT_FLOOR``, at most ``limit``."""
    return [k for k in consensus_order(summaries, keys) if round(summaries[k].agreement, 9) > AGREEMENT_FLOOR][:limit]


def stored_score(check, item: str, value) -> dict:
    """A score from a file, checked by ``check`` (an activity's ``check_answer``) as a phone's is.

    A bare number (a score typed in from a paper form) counts as that score without a note; shared
    by every activity whose statements are scored as Box 5.2's.
    """
    if value is None or isinstance(value, (int, float, str)) and not isinstance(value, bool):
        value = {"score": value, "note": ""}
    if not isinstance(value, dict):
        raise InputError("error.import_value")
    return check(item, value.get("score"), value.get("note") or "")


def check_stored(item: str, value) -> dict:
    """A grade or a statement's score from a file, checked as a phone's is and stored in a phone's shape."""
    return stored_score(check_answer, item, value)


def rating_comparison(answers: list[Answer], me: str, my_group: str, items=None) -> list:
    """The grade and each statement (or ``items``): the own score ("weet ik niet" is kept as ``"?"``) vs the means."""
    group_of = {a.participant: a.group for a in answers}
    rows = []
    for item in (OVERALL, *STATEMENTS) if items is None else items:
        given = [a for a in answers if a.item == item]
        scores = {a.participant: a.value["score"] for a in given if a.value.get("score") is not None}
        dont_know = any(a.participant == me and a.value.get("score") is None for a in given)
        rows.append(compare(item, scores, me, group_of, my_group, "?" if dont_know else None))
    return rows
