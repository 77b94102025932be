"""Driehoek's readable export rows: a place per corner, the tensions and the routes in words."""

from ...i18n import t
from ...model.answers import ByActivity, States
from ...model.sessions import Session
from ...report.exports import export_row, order_index
from ...texts import routes
from .model import ACTIVITY, AXES, CORNERS


def rows(answers: ByActivity, state: States, session: Session, lang: str) -> list:
    """A place as three rows (one per corner), then the tensions (severity, note) and routes in words."""
    words = routes(lang)
    order = ("plaats", *(f"spanning.{axis}" for axis in AXES), *(f"route.{axis}" for axis in AXES))
    rows = []
    for a in sorted(answers.get(ACTIVITY, []), key=lambda a: order_index(a.item, order)):
        kind, _, axis = a.item.partition(".")
        corners = dict(zip("ab", (t(f"corner.short.{c}", lang) for c in axis.split("-")), strict=False)) if axis else {}
        if kind == "plaats":
            rows += [
                export_row(
                    a,
                    session,
                    lang,
                    item=t("export.item.place", lang, corner=t(f"corner.short.{c}", lang)),
                    score=a.value.get(c),
                )
                for c in CORNERS
            ]
        elif kind == "spanning" and len(corners) == 2:
            rows.append(
                export_row(
                    a,
                    session,
                    lang,
                    item=t("export.item.tension", lang, **corners),
                    score=a.value.get("severity"),
                    note=a.value.get("note", ""),
                )
            )
        elif kind == "route" and len(corners) == 2:
            route = a.value.get("route", "")
            label = words.get(axis, {}).get(route, ("",))[0]
            rows.append(
                export_row(
                    a,
                    session,
                    lang,
                    item=t("export.item.route", lang, **corners),
                    value=t("export.value.route", lang, route=route, label=label),
                )
            )
    return rows
