"""The book's texts an activity shows (statements, questions, routes, reference grades), in the page's language.

Read from the datasets, so participant pages, the dashboard and the report word them alike.
"""

from .datasets import read_dataset
from .i18n import t
from .model.rating import fill_placeholders
from .model.sessions import TOPICS
from .model.triangle import AXES

STATEMENTS_FILE = "stellingen_box_5_2.csv"
REFERENCE_FILE = "landelijke_referentie.csv"
QUESTIONS_FILE = "spanningen_box_5_3.csv"
ROUTES_FILE = "routes_box_5_4.csv"
PALETTES_FILE = "waardenpaletten.csv"


def _suffix(lang: str) -> str:
    return "en" if lang == "en" else "nl"


def topic_label(topic: str, lang: str) -> str:
    """A known opgave in the page's language; a facilitator's own wording as typed."""
    return t(f"topic.{topic}", lang) if topic in TOPICS else topic


def statements(session, lang: str) -> dict:
    """``{key: {"label", "short", "text", "questions", "category"}}`` in the session's words (Box 5.2)."""
    suffix = _suffix(lang)
    topic = topic_label(session.topic, lang)
    out = {}
    for row in read_dataset(STATEMENTS_FILE).rows:
        out[row["key"]] = {
            "label": row[f"value_{suffix}"],
            "short": row[f"short_{suffix}"],
            "text": fill_placeholders(row[f"statement_{suffix}"], session.municipality, topic.lower()),
            "questions": row[f"questions_{suffix}"].split(" | "),
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
    column = f"question_{_suffix(lang)}"
    out = {axis: [] for axis in AXES}
    for row in read_dataset(QUESTIONS_FILE).rows:
        out[row["axis"]].append(row[column])
    return out


def routes(lang: str) -> dict:
    """``{axis: {route: (label, example)}}`` of Box 5.4."""
    suffix = _suffix(lang)
    out = {axis: {} for axis in AXES}
    for row in read_dataset(ROUTES_FILE).rows:
        out[row["axis"]][row["route"]] = (row[f"label_{suffix}"], row[f"example_{suffix}"])
    return out


def book_palette(table: str) -> list:
    """The PaletteValues of one of the book's tables (1.1, 2.1, 3.1, 4.1)."""
    from .model.typology import palette_values

    return [v for v in palette_values(read_dataset(PALETTES_FILE).rows) if v.table == table]
