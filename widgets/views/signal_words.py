"""The signal-word analyser of lesson 09: paste a policy text, see its four sturingsperspectieven
among the 49 municipalities of the thesis (*Sturing in 3D*, Bijlage C and G). Nothing is stored."""

from html import escape
from statistics import fmean

import ipywidgets as w

from ..datasets import read_dataset
from ..i18n import decimal, error_message, label, t
from ..model.signal_words import MIN_HITS, PERSPECTIVES, Lexicon, count, placement, shares
from ..model.tables import number
from ..model.validation import InputError
from .common import Message

WORDS = "signaalwoorden_bijlage_c.csv"
MUNICIPALITIES = "sturing_bijlage_g.csv"


def municipalities() -> list:
    return [(row["gemeente"], {p: number(row[p]) for p in PERSPECTIVES}) for row in read_dataset(MUNICIPALITIES).rows]


def result_html(found: dict, lang: str) -> str:
    """Shares, the 49's means, rank and nearest municipalities, the words found, and the caveat."""
    own = shares(found["hits"])
    others = municipalities()
    place = placement(own, others)
    total = sum(found["hits"].values())
    rows = []
    for p in PERSPECTIVES:
        mean = fmean(s[p] for _, s in others)
        top = sorted(found["words"][p].items(), key=lambda item: (-item[1], item[0]))[:6]
        listed = ", ".join(f"{escape(word)} ({n})" for word, n in top) or "–"
        rows.append(
            f"<tr><th>{escape(label(p, lang))}</th><td>{found['hits'][p]}</td>"
            f"<td><b>{decimal(own[p], lang)}%</b></td><td>{decimal(mean, lang)}%</td>"
            f"<td>{escape(t('signal.rank', lang, below=place['below'][p], total=place['total']))}</td>"
            f"<td><small>{listed}</small></td></tr>"
        )
    head = "".join(
        f"<th>{escape(t('signal.col.' + c, lang))}</th>"
        for c in ("perspective", "hits", "share", "mean", "rank", "words")
    )
    warning = (
        f'<div class="kit-message kit-message-error">{escape(t("signal.few_hits", lang, n=total, min=MIN_HITS))}</div>'
        if total < MIN_HITS
        else ""
    )
    nearest = escape(", ".join(place["nearest"]))
    return (
        f"{warning}<p>{escape(t('signal.summary', lang, words=found['tokens'], n=total))}</p>"
        f'<table class="kit-palette kit-signal"><tr>{head}</tr>{"".join(rows)}</table>'
        f"<p>{escape(t('signal.nearest', lang))} <b>{nearest}</b></p>"
        f'<div class="kit-message kit-message-info">{escape(t("signal.caveat", lang))}</div>'
    )


class SignalWords(w.VBox):
    def __init__(self, example: str = "", lang: str = "nl"):
        self.lang = lang
        self.lexicon = Lexicon.from_rows(read_dataset(WORDS).rows)
        self.text = w.Textarea(
            value=example or "",
            placeholder=t("signal.placeholder", lang),
            layout=w.Layout(width="100%", height="160px"),
        )
        self.button = w.Button(description=t("signal.analyse", lang), button_style="primary")
        self.message, self.result = Message(), w.HTML()
        self.button.on_click(lambda _: self.analyse())
        super().__init__([self.text, self.button, self.message, self.result])
        self.add_class("kit-signal-words")

    def analyse(self) -> None:
        try:
            found = count(self.text.value, self.lexicon)
            html = result_html(found, self.lang)
        except InputError as error:
            self.message.show(error_message(error, self.lang), "error")
            self.result.value = ""
            return
        self.message.clear()
        self.result.value = html
