"""Wat leren we nu? drawn in a follow-up: then and now per group (the dashboard and the report), a first-page line."""

from ...i18n import t
from ...model.disclosure import OTHER
from ...render import render
from ...render.followup import fragment


def followup_html(change, frame, chart="") -> str:
    """Per group: what it would try differently last time, the success it builds on now, what it tries next."""
    return fragment("leren_followup.html", change, frame, chart, group_name=namer(change, frame.lang))


def followup_summary(change, lang: str) -> str:
    """The follow-up report's first page: per group last time's "anders proberen" next to this time's success."""
    rows = [(key, then, now) for key, then, now in change.rows if then is not None and now is not None]
    return render("leren_followup_summary.html", lang, rows=rows, group_name=namer(change, lang))


def namer(change, lang: str):
    """A group's name in the change: the sessions' own, or "overige groepen" for the groups folded together."""
    return lambda key: t("disclosure.other", lang) if key == OTHER else change.labels.get(key, key)
