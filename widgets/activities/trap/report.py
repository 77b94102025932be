"""The participatietrap's readable export rows (beside the report: they build on ``widgets.exports``)."""

from ...i18n import t
from .model import ACTIVITY, ITEM
from .render import rung_name


def ladder_export_rows(answers, state, session, lang) -> list:
    """Two rows per participant: the rung now and the rung it should be (number and name), the note on the second."""
    from ...exports import export_row

    rows = []
    for a in answers.get(ACTIVITY, []):
        if a["item"] != ITEM:
            continue
        value = a["value"]
        for which, label in (("now", "export.item.trap_now"), ("should", "export.item.trap_should")):
            rows.append(
                export_row(
                    a,
                    session,
                    lang,
                    item=t(label, lang),
                    score=value[which],
                    value=rung_name(value[which], lang),
                    note=value.get("note", "") if which == "should" else "",
                )
            )
    return rows


from widgets.activities.trap.render import ladder_notes as notes  # noqa: E402, F401 (moves here)
from widgets.activities.trap.render import ladder_section as section  # noqa: E402, F401 (moves here)
from widgets.activities.trap.render import ladder_summary as summary  # noqa: E402, F401 (moves here)
