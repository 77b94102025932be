"""Succesfactoren: how far the book's success factors of one domain hold in the room's own municipality.

Source: *Werken aan publieke waarde* (2018), the national survey's success factors per domain, each with
how often gemeentesecretarissen and griffiers named it out of n: Box 2.4 (wonen, n=56), Box 3.4
(arbeidsintegratie, n=55) and Box 4.5 (lokale democratie, n=57); and each chapter's closing suggestions
(§2.5, §3.5, §4.5). The facilitator picks the domain (the activity's state ``domein``); until then the
session's topic picks it, and wonen where the topic names none.

A participant marks each factor on a short scale (geldt niet / deels / grotendeels / volledig) or
"weet ik niet". Answers are stored per factor under a key that carries its domain (``d3`` is Box 4.5's
third factor), so a changed domain never mixes one box's answers with another's.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from ...datasets import read_dataset
from ...model.answers import Answer
from ...model.tables import localized
from ...model.validation import InputError

ACTIVITY = "succesfactoren"
DOMAIN = "domein"  # the facilitator's setting
LEVELS = ("niet", "deels", "grotendeels", "volledig")  # the printed order, from "geldt niet" up
DONT_KNOW = "weet_niet"
ANSWERS = (*LEVELS, DONT_KNOW)
HOLDS = ("grotendeels", "volledig")  # what a summary counts as "holds"
SUGGESTIONS = "succesfactoren_suggesties.csv"


@dataclass(frozen=True)
class Domain:
    key: str
    prefix: str  # of its factors' item keys
    dataset: str
    count_column: str  # the printed "(13x)"
    box: str  # where the book prints the counts
    section: str  # where it gives the suggestions


DOMAINS = (
    Domain("wonen", "w", "succesfactoren_box_2_4.csv", "count", "2.4", "2.5"),
    Domain("arbeidsintegratie", "a", "arbeidsintegratie_succesfactoren_box_3_4.csv", "mentions", "3.4", "3.5"),
    Domain("lokale_democratie", "d", "lokale_democratie_succesfactoren_box_4_5.csv", "mentions", "4.5", "4.5"),
)
BY_DOMAIN = {d.key: d for d in DOMAINS}
DEFAULT = DOMAINS[0].key
# Words in a session's topic that pick a domain, tried in this order ("participatiewet" is work, not democracy).
TOPIC_WORDS = (
    ("arbeidsintegratie", ("arbeid", "participatiewet", "re-integratie", "reintegratie", "beperking", "werkgever")),
    ("wonen", ("woon", "wonen", "woning", "huur", "bouw", "huisvesting")),
    ("lokale_democratie", ("democrat", "participatie", "inspraak", "bewoners", "inwoners", "raad", "burger")),
)
_ITEM = re.compile(r"([wad])([1-9][0-9]?)")
_N = re.compile(r"\bn=(\d+)")


@dataclass(frozen=True)
class Factor:
    key: str  # the stored item: the domain's prefix and the factor's place in its box ("d3")
    domain: str
    number: int  # its place in the box
    row: dict
    count: int  # how many respondents named it, as printed

    def text(self, lang: str) -> str:
        return localized(self.row, "factor", lang)


@cache
def factors(domain: str) -> tuple[Factor, ...]:
    """The domain's factors in the box's order, with their printed counts."""
    found = BY_DOMAIN[domain]
    rows = read_dataset(found.dataset).rows
    return tuple(
        Factor(f"{found.prefix}{number}", domain, number, row, int(row[found.count_column]))
        for number, row in enumerate(rows, start=1)
    )


@cache
def printed_n(domain: str) -> int:
    """The n under the box: the dataset's ``n`` column where it has one, else the n its provenance quotes."""
    data = read_dataset(BY_DOMAIN[domain].dataset)
    if data.rows and "n" in data.rows[0]:
        return int(data.rows[0]["n"])
    return int(next(m.group(1) for line in data.provenance if (m := _N.search(line))))


def suggestions(domain: str, lang: str) -> list[str]:
    """The chapter's suggestions in the book's order, in the kit's short wording."""
    rows = [r for r in read_dataset(SUGGESTIONS).rows if r["domain"] == domain]
    return [localized(r, "suggestion", lang) for r in sorted(rows, key=lambda r: int(r["number"]))]


def all_factors() -> dict[str, Factor]:
    """Every domain's factors by item key, for answers of any domain (an export, a changed domain)."""
    return {f.key: f for d in DOMAINS for f in factors(d.key)}


def domain_of_topic(topic: str) -> str:
    """The domain a session's topic names ("Woonvisie 2030" is wonen), else the default."""
    folded = (topic or "").casefold()
    for domain, words in TOPIC_WORDS:
        if any(word in folded for word in words):
            return domain
    return DEFAULT


def current_domain(state: dict, topic: str = "") -> str:
    """The facilitator's choice where there is a valid one, else the topic's."""
    chosen = (state or {}).get(DOMAIN)
    return chosen if chosen in BY_DOMAIN else domain_of_topic(topic)


def check_state(name: str, value) -> str:
    """The domain from a file, as the dashboard stores it; else InputError."""
    if name != DOMAIN:
        raise InputError("error.import_setting_unknown")
    if value not in BY_DOMAIN:
        raise InputError("error.import_setting_value")
    return value


def check_answer(item: str, value, domain: str | None = None) -> str:
    """One of the scale's answers for a factor (of ``domain``, where given); anything else refused."""
    known = all_factors() if domain is None else {f.key: f for f in factors(domain)}
    if item not in known:
        raise InputError("succesfactoren.error.factor")
    if value not in ANSWERS:
        raise InputError("succesfactoren.error.choice")
    return value


def check_stored(item: str, value) -> str:
    """An answer from a file or a typed-in sheet, checked as a phone's is (any domain's factor)."""
    if not _ITEM.fullmatch(str(item)):
        raise InputError("error.import_value")
    return check_answer(item, value)


@dataclass
class Tally:
    """Answers to one factor: counts per level and "weet ik niet" apart."""

    counts: dict = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))
    dont_know: int = 0

    @property
    def answered(self) -> int:
        """Who chose a level: the n the shares are of."""
        return sum(self.counts.values())

    @property
    def holds(self) -> int:
        """Who said the factor holds largely or fully."""
        return sum(self.counts[level] for level in HOLDS)

    def share(self, level: str) -> float | None:
        """Share (0-1) of ``level`` among those who chose a level; None when nobody did."""
        return self.counts[level] / self.answered if self.answered else None

    def add(self, value) -> None:
        if value == DONT_KNOW:
            self.dont_know += 1
        elif value in LEVELS:
            self.counts[value] += 1


@dataclass
class FactorResult:
    factor: Factor
    room: Tally
    by_group: dict  # group key -> Tally


def tally(answers: Iterable[Answer], domain: str, groups) -> list[FactorResult]:
    """Per factor of ``domain`` the room's tally and each group's; ``groups`` are the session's group keys."""
    results = {f.key: FactorResult(f, Tally(), {g: Tally() for g in groups}) for f in factors(domain)}
    for answer in answers:
        result = results.get(answer.item)
        if result is None:
            continue
        result.room.add(answer.value)
        if answer.group in result.by_group:
            result.by_group[answer.group].add(answer.value)
    return list(results.values())


def holds_share(result: Tally) -> float | None:
    """Percent (0-100) of those who chose a level that said largely or fully; None of none."""
    return 100 * result.holds / result.answered if result.answered else None
