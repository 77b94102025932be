"""Beoordelen's fragments: the grades and the conversation agenda (dashboard, report).

The means per group are the activity's result block (``results.blocks``), drawn by ``widgets.render.blocks``.
"""

from ...i18n import decimal, t
from ...model.disclosure import OTHER, other_group
from ...model.followup import ROOM
from ...render import render
from ...render.followup import fragment
from ...texts import national_reference, statements, topic_label
from .model import (
    AGREEMENT_FLOOR,
    AGREEMENT_THRESHOLD,
    COMMON_GROUND,
    OVERALL,
    STATEMENTS,
    agenda,
    common_ground,
    consensus_order,
)


def score_text(value, lang: str) -> str:
    """A grade or score as a participant writes it: 6,5 and 7 in Dutch, 6.5 and 7 in English."""
    return decimal(value, lang, digits=None)


def grade_rows(grade, session, lang: str) -> list:
    """The grade's rows per group: the session's groups, less those ``disclosed`` hid, and "overige groepen"
    (``OTHER``) where it holds them."""
    listed = [(g.key, g.label) for g in session.groups if g.key not in grade.hidden and g.key != OTHER]
    if OTHER in grade.scores:
        listed.append((OTHER, group_name(session, OTHER, lang)))
    return [
        {"key": key, "label": label, "mean": grade.group_means.get(key), "n": len(grade.scores.get(key, []))}
        for key, label in listed
    ]


def grades_html(summaries, session, lang: str) -> str:
    """The mean grade per group and overall, with the book's national reference for the opgave."""
    overall = summaries[OVERALL]
    groups = grade_rows(overall, session, lang)
    reference = national_reference(session.topic)
    return render(
        "beoordelen_grades.html",
        lang,
        groups=groups,
        overall=overall,
        reference=None if reference is None else score_text(reference, lang),
        opgave=topic_label(session.topic, lang),
    )


def group_name(session, key: str, lang: str) -> str:
    """A group's label, and "overige groepen" for the groups the disclosure rule folded together."""
    return other_group(lang).label if key == OTHER else session.group_label(key)


def agreement_text(value, lang: str) -> str:
    """An agreement value (0-1) with two decimals: 0,38 in Dutch, 0.38 in English."""
    return decimal(value, lang, digits=2)


def common_ground_items(summaries, texts, session, lang: str, keys=STATEMENTS) -> list:
    """The statements all groups endorse most broadly, each with its value and per group how many scored high."""
    items = []
    for key in common_ground(summaries, keys=keys):
        s = summaries[key]
        groups = " · ".join(
            t(
                "beoordelen.dash.agreement_group",
                lang,
                group=group_name(session, g, lang),
                endorsing=high,
                n=len(s.scores[g]),
            )
            for g, high in s.endorsing.items()
        )
        items.append(
            {
                "key": key,
                "text": texts[key],
                "agreement": f"{s.agreement:.3f}",
                "agreement_text": t(
                    "beoordelen.dash.agreement",
                    lang,
                    agreement=agreement_text(s.agreement, lang),
                    threshold=AGREEMENT_THRESHOLD,
                    groups=groups,
                ),
            }
        )
    return items


def agenda_html(summaries, texts, session, lang: str, keys=STATEMENTS) -> str:
    """Where all groups agree (broadest agreement first), then the statements (``keys``) for the
    conversation, most dissent first, with means, questions (where the texts have them) and notes."""
    items = []
    for key in agenda(summaries, keys):
        s = summaries[key]
        items.append(
            {
                "key": key,
                "summary": s,
                "text": texts[key],
                "dissent": f"{s.dissent:.3f}",
                "dissent_text": {
                    "total": decimal(s.dissent, lang),
                    "within": decimal(s.within, lang),
                    "between": decimal(s.between, lang),
                },
                "means": [(group_name(session, g, lang), m) for g, m in s.group_means.items()],
                "notes": [(group_name(session, g, lang), note) for g, note in s.notes],
            }
        )
    return render(
        "beoordelen_agenda.html",
        lang,
        items=items,
        agreed=common_ground_items(summaries, texts, session, lang, keys),
        across_groups=bool(consensus_order(summaries, keys)),
        threshold=AGREEMENT_THRESHOLD,
        floor=agreement_text(AGREEMENT_FLOOR, lang),
        limit=COMMON_GROUND,
    )


def followup_html(change, frame, chart="") -> str:
    """The grade (with who answered) and every statement then and now, the dissent's move last."""
    return fragment("beoordelen_followup.html", change, frame, chart, texts=statements(frame.session, frame.lang))


def followup_summary(change, lang: str) -> str:
    """The follow-up report's first page: the room's grade then and now."""
    return render("beoordelen_followup_summary.html", lang, grade=change.grade[ROOM])
