"""Sturingsscan in the session report and the readable exports (named in its descriptor)."""

from markupsafe import Markup

from ...i18n import decimal, label, normalize_language, t
from ...render.report import report_render
from .model import (
    ACTIVITY,
    DONT_KNOW,
    ITEMS,
    benchmark,
    by_participant,
    indicators,
    participant_shares,
    summarize,
)
from .render import element_label, results_html


def sturingsscan_section(answers, state, session, lang, plots) -> str:
    """The three tables, as on the dashboard (or that nobody answered)."""
    mine = answers.get(ACTIVITY, [])
    body = results_html(mine, session, lang, heading=3) if mine else Markup("<p>%s</p>") % t("report.no_answers", lang)
    return report_render(
        "report_section.html", lang, key=ACTIVITY, title=t(f"{ACTIVITY}.title", lang), parts=(body,), legend=""
    )


def sturingsscan_export_rows(answers, state, session, lang) -> list:
    """One row per statement answered: element, perspective and statement as the item, the score (or 'weet ik niet')."""
    from ...exports import export_row

    texts = {
        i.key: t(
            "sturingsscan.export.item",
            lang,
            element=element_label(i.element, lang),
            perspective=label(i.perspective, lang),
            statement=i.text(lang),
        )
        for i in indicators()
    }
    given = [a for a in answers.get(ACTIVITY, []) if a["item"] in texts]
    rows = []
    for a in sorted(given, key=lambda a: (a["participant"], ITEMS.index(a["item"]))):
        dont_know = a["value"] == DONT_KNOW
        value = t("sturingsscan.dont_know", lang) if dont_know else str(a["value"])
        rows.append(
            export_row(a, session, lang, item=texts[a["item"]], score=None if dont_know else a["value"], value=value)
        )
    return rows


def sturingsscan_summary(answers, state, session, lang) -> str:
    """The first page: the room's largest share, the element where groups differ most, the nearest municipality."""
    result = summarize(answers.get(ACTIVITY, []), [g.key for g in session.groups])
    lines = []
    if result.room.shares:
        top = result.room.dominant
        lines.append(
            t(
                "sturingsscan.summary.room",
                lang,
                perspective=", ".join(label(p, lang) for p in top),
                share=decimal(result.room.shares[top[0]], lang),
                n=result.room.n,
            )
        )
        if result.widest:
            gap = result.widest
            lines.append(
                t(
                    "sturingsscan.dash.widest",
                    lang,
                    element=element_label(gap.element, lang).lower(),
                    distance=decimal(gap.distance, lang),
                    a=session.group_label(gap.pair[0]),
                    b=session.group_label(gap.pair[1]),
                )
            )
        mark = benchmark(result.room.shares)
        lines.append(
            t(
                "sturingsscan.summary.nearest",
                lang,
                gemeente=mark.nearest,
                distance=decimal(mark.nearest_distance, lang),
            )
        )
    return report_render("report_summary_sturingsscan.html", lang, lines=lines)


SHARE_COLUMNS = ("participant", "group", "sturing_pa", "sturing_npm", "sturing_npg", "sturing_sr")


def sturingsscan_derived(data, lang=None) -> tuple:
    """The workbook's extra sheet: each participant's shares per perspective (one decimal), as the room averages."""
    from ...store.transfer import session_from_export

    lang = normalize_language(lang or data["session"].get("language"))
    session = session_from_export(data)
    people = by_participant(a for a in data.get("answers", []) if a["activity"] == ACTIVITY)
    rows = []
    for ref, (group, values) in people.items():
        found = participant_shares(values)
        if found:
            row = {"participant": ref, "group": session.group_label(group)}
            rows.append(row | {f"sturing_{p}": round(share, 1) for p, share in found.items()})
    return t("sturingsscan.export.sheet", lang), SHARE_COLUMNS, rows


# The registry's names for this activity's parts.
section = sturingsscan_section
summary = sturingsscan_summary
