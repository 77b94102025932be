"""Raadsenquête Village Deals' results as blocks: the statements next to Afbeelding 4, and the mix of bestuursstijlen.

Two ``Shares`` blocks. The statements: per statement a line for the book (the printed percentages with their
N, None where Afbeelding 4 prints none), the room's (read first) and each group's that answered it, split in
eens / neutraal / oneens with "weet niet" counted apart. The styles: one item, the room's and each group's
mix of the four bestuursstijlen, of the N that chose one (a count is its share of that N).
"""

from ...colors import category_colors
from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.blocks import Block, Category, SharedItem, Shares, Split, groups_of, percents
from ...model.sessions import Session
from ...render.blocks import count
from .model import ACTIVITY, CHOICES, STYLE, STYLES, Mix, Tally, printed, statement_results, style_mix, styles

STATEMENTS_BLOCK = ACTIVITY  # data-kit-block of the statements
STYLES_BLOCK = f"{ACTIVITY}-{STYLE}"  # and of the styles' mix
BOOK = "boek"  # the book's line
ROOM = "*"  # the room's line


def _statement(tally: Tally, key: str, label: str, color: str = "", strong: bool = False) -> Split:
    shares = percents((tally.counts[c] for c in CHOICES), tally.answered)
    return Split(key, label, shares, tally.answered, tally.dont_know, color, strong)


def _styles(mix: Mix, key: str, label: str, color: str = "", strong: bool = False) -> Split:
    return Split(key, label, percents((mix.counts[s] for s in STYLES), mix.total), mix.total, None, color, strong)


def blocks(answers: ByActivity, state: States, session: Session, lang: str) -> list[Block]:
    """The statements (the book, the room, each group that answered) and the mix of bestuursstijlen."""
    given = answers.get(ACTIVITY, [])
    groups = groups_of(session)
    keys = [g.key for g in groups]
    room = t("raadsenquete.dash.room", lang)
    results = {r.key: r for r in statement_results(given, keys)}
    items = []
    for number, p in enumerate(printed(), start=1):
        result = results[p.key]
        book = Split(BOOK, t("raadsenquete.dash.printed", lang), tuple(p.shares[c] for c in CHOICES), p.n, printed=True)
        lines = [book, _statement(result.room, ROOM, room, strong=True)]
        lines += [
            _statement(result.by_group[g.key], g.key, g.label, g.color)
            for g in groups
            if result.by_group[g.key].answered or result.by_group[g.key].dont_know
        ]
        items.append(SharedItem(p.key, f"{number}. {p.text(lang)}", tuple(lines)))
    choices = tuple(
        Category(c, t(f"raadsenquete.choice.{c}", lang), color)
        for c, color in zip(CHOICES, category_colors(len(CHOICES), ordered=True), strict=True)
    )
    statements = Shares(
        STATEMENTS_BLOCK,
        t("raadsenquete.dash.statements", lang),
        t("raadsenquete.dash.who", lang),
        choices,
        tuple(items),
        n_label=t("raadsenquete.dash.n", lang),
        dont_know=t("raadsenquete.choice.weet_niet", lang),
        intro=t("raadsenquete.dash.intro", lang),
    )

    mix = style_mix(given, keys)
    lines = [_styles(mix.room, ROOM, room, strong=True)]
    lines += [_styles(mix.by_group[g.key], g.key, g.label, g.color) for g in groups if mix.by_group[g.key].total]
    kinds = tuple(
        Category(key, label, color)
        for (key, label, _), color in zip(styles(lang), category_colors(len(STYLES), ordered=False), strict=True)
    )
    chose = t("raadsenquete.dash.style_n", lang, count=mix.room.total, n=count(mix.room.total, lang))
    mixed = Shares(
        STYLES_BLOCK,
        t("raadsenquete.dash.styles", lang),
        t("raadsenquete.dash.who", lang),
        kinds,
        (SharedItem(STYLE, t("raadsenquete.style", lang), tuple(lines)),),
        n_label=t("raadsenquete.dash.n", lang),
        intro=chose,
    )
    return [statements, mixed]
