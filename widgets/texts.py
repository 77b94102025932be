"""The book's texts an activity shows (statements, questions, routes, reference grades), in the page's language.

Read from the datasets, so participant pages, the dashboard and the report word them alike. Shared by the
activities and the lessons, so it imports no activity (each keeps its own constants; the datasets' rows are in
the book's order).
"""

from dataclasses import dataclass

from .datasets import read_dataset
from .i18n import t
from .model.sessions import TOPICS
from .model.tables import SOURCE_LANGUAGE, localize, localized
from .model.typology import PaletteValue

STATEMENTS_FILE = "stellingen_box_5_2.csv"
REFERENCE_FILE = "landelijke_referentie.csv"
QUESTIONS_FILE = "spanningen_box_5_3.csv"
ROUTES_FILE = "routes_box_5_4.csv"
PALETTES_FILE = "waardenpaletten.csv"


def topic_label(topic: str, lang: str) -> str:
    """A known opgave in the page's language; a facilitator's own wording as typed."""
    return t(f"topic.{topic}", lang) if topic in TOPICS else topic


def fill_placeholders(text: str, municipality: str, topic: str) -> str:
    """A Box 5.2 statement about the session's municipality and opgave."""
    return text.replace("[gemeente]", municipality or "de gemeente").replace("[lokale opgave]", topic)


def statements(session, lang: str) -> dict:
    """``{key: {"label", "short", "text", "questions", "category"}}`` in the session's words (Box 5.2)."""
    topic = topic_label(session.topic, lang)
    out = {}
    for row in read_dataset(STATEMENTS_FILE).rows:
        out[row["key"]] = {
            "label": localized(row, "value", lang),
            "short": localized(row, "short", lang),
            "text": fill_placeholders(localized(row, "statement", lang), session.municipality, topic.lower()),
            "questions": localized(row, "questions", lang).split(" | "),
            "category": row["category"],
        }
    return out


def national_reference(topic: str):
    """The national mean grade for the opgave (Box 2.3 / 3.3), or None where the book gives none."""
    for row in read_dataset(REFERENCE_FILE).rows:
        if row["topic"] == topic:
            return float(row["mean_grade"])
    return None


def tension_questions(lang: str) -> dict:
    """``{axis: [question, ...]}`` of Box 5.3."""
    out: dict = {}
    for row in read_dataset(QUESTIONS_FILE).rows:
        out.setdefault(row["axis"], []).append(localized(row, "question", lang))
    return out


def routes(lang: str) -> dict:
    """``{axis: {route: (label, example)}}`` of Box 5.4."""
    out: dict = {}
    for row in read_dataset(ROUTES_FILE).rows:
        out.setdefault(row["axis"], {})[row["route"]] = (localized(row, "label", lang), localized(row, "example", lang))
    return out


@dataclass(frozen=True)
class BookValue(PaletteValue):
    """A value of the book's example palettes as a reader sees it.

    ``value`` is in the reader's language; where that is a translation, ``original`` holds the
    book's Dutch wording (shown with it, marked ``lang="nl"``) and ``lang`` says which language
    ``value`` is in.
    """

    original: str = ""
    lang: str = "nl"


def book_palette(table: str, lang: str = "nl") -> list:
    """The values of one of the book's tables (1.1, 2.1, 3.1, 4.1), translated where ``lang`` has them."""
    out = []
    for row in read_dataset(PALETTES_FILE).rows:
        if row["table"] == table:
            text, text_lang = localize(row, "value", lang)
            original = localized(row, "value", SOURCE_LANGUAGE) if text_lang != SOURCE_LANGUAGE else ""
            out.append(
                BookValue(row["table"], row["topic"], row["perspective"], row["kind"], text, original, text_lang)
            )
    return out
