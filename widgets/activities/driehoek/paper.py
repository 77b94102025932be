"""driehoek on paper: willen, mogen, kunnen (0-10); per axis a tension (1-5) with its note and a route (a/b)."""

from ...i18n import t
from ...model.paper import Field, PaperForm, cell_text, checked, to_number
from ...texts import routes
from .model import ACTIVITY, AXES, CORNERS, check_scores, check_stored

FIELDS = (
    *(Field(c, "corner") for c in CORNERS),
    *(f for axis in AXES for f in (Field(f"spanning.{axis}", "severity"), Field(f"note.{axis}", "note"))),
    *(Field(f"route.{axis}", "route") for axis in AXES),
)
BODY = "driehoek_paper.html"


def form(data: dict) -> PaperForm:
    return PaperForm(ACTIVITY, FIELDS, read)


def read(cells: dict, earlier=()) -> dict:
    answers = {}
    scores = {c: to_number(cells.get(c)) for c in CORNERS}
    if any(v is not None for v in scores.values()):
        for corner in CORNERS:  # point at the first box a phone would refuse (the others as fine)
            checked(corner, check_scores, {c: scores[c] if c == corner else 1 for c in CORNERS})
        answers["plaats"] = checked(CORNERS[0], check_stored, "plaats", scores)
    for axis in AXES:
        severity, note = to_number(cells.get(f"spanning.{axis}")), cell_text(cells.get(f"note.{axis}"))
        if severity is not None or note:
            answers[f"spanning.{axis}"] = checked(
                f"spanning.{axis}", check_stored, f"spanning.{axis}", {"severity": severity, "note": note}
            )
    for axis in AXES:
        route = cell_text(cells.get(f"route.{axis}")).lower()
        route = route.removeprefix("route").strip()
        if route:
            answers[f"route.{axis}"] = checked(f"route.{axis}", check_stored, f"route.{axis}", {"route": route})
    return answers


def label(field: Field, data: dict, lang: str) -> str:
    if field.kind == "corner":
        return t(f"corner.short.{field.name}", lang).capitalize()
    axis = t(f"axis.{field.name.partition('.')[2]}", lang).lower()
    return t(f"paper.col.{field.kind}", lang, axis=axis)


def sheet(data: dict, form: PaperForm, labels: dict, lang: str) -> dict:
    """The corners with their words, and per axis its tension, note and the book's routes (Box 5.4)."""
    book_routes = routes(lang)
    return {
        "corners": [{"short": labels[c], "label": t(f"corner.{c}", lang)} for c in CORNERS],
        "axes": [
            {
                "tension": labels[f"spanning.{a}"],
                "note": labels[f"note.{a}"],
                "route": labels[f"route.{a}"],
                "routes": [(key, label) for key, (label, _) in sorted(book_routes[a].items())],
            }
            for a in AXES
        ],
    }
