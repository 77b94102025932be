"""Open vraag's results: the word cloud (the room's, then each group's) and the list of answers, as blocks; on the
participant's results page the own answers."""

from ...i18n import t
from ...model.answers import Answer, ByActivity, States
from ...model.blocks import Block, Cloud, CloudWord, Entry, Section, Texts, WordCloud
from ...model.disclosure import ROOM
from ...model.matching import normalize
from ...model.sessions import Participant, Session
from .model import ACTIVITY, Word, cloud, text_of


def _cloud(key: str, label: str, words: list[Word], n: int, group: str | None = None) -> Cloud:
    counted = [(w, w.in_group(group) if group else w.count) for w in words]
    ordered = sorted((p for p in counted if p[1]), key=lambda p: (-p[1], p[0].label))
    return Cloud(key, label, tuple(CloudWord(w.key, w.label, used) for w, used in ordered), n)


def word_cloud(answers: list[Answer], session: Session, lang: str) -> WordCloud:
    """The room's cloud first, then one per group that answered (the render layer applies the disclosure rule)."""
    words = cloud(answers)
    people: dict[str, set] = {}
    for a in answers:
        people.setdefault(a.group, set()).add(a.participant)
    clouds = [_cloud(ROOM, t("blocks.room", lang), words, len({a.participant for a in answers}))]
    clouds += [_cloud(g.key, g.label, words, len(people[g.key]), g.key) for g in session.groups if g.key in people]
    return WordCloud(
        ACTIVITY,
        t("openvraag.results.title", lang),
        t("openvraag.word", lang),
        t("openvraag.people", lang),
        tuple(clouds),
        intro=t("openvraag.results.intro", lang),
        empty=t("openvraag.results.empty", lang),
    )


def answer_list(answers: list[Answer], lang: str) -> Texts:
    """Every answer once, in the order given; the same words from several participants once, with how many gave them.
    No group is named: an answer's words may say who wrote it, its group would say more."""
    first: dict[str, Answer] = {}
    given: dict[str, set] = {}
    for a in answers:
        k = normalize(text_of(a))
        first.setdefault(k, a)
        given.setdefault(k, set()).add(a.participant)
    entries = tuple(Entry(a.item, text_of(a), len(given[k]) if len(given[k]) > 1 else None) for k, a in first.items())
    section = Section("antwoorden", t("count.answers", lang, n=len(answers)), entries)
    return Texts(
        f"{ACTIVITY}-antwoorden", t("openvraag.answers", lang), (section,), empty=t("openvraag.results.empty", lang)
    )


def blocks(answers: ByActivity, state: States, session: Session, lang: str) -> list[Block]:
    mine = answers.get(ACTIVITY, [])
    return [word_cloud(mine, session, lang), answer_list(mine, lang)]


def own(answers: ByActivity, state: States, session: Session, participant: Participant, lang: str) -> dict:
    """The participant's own answers as a list (the room's words are in the summary and on the screen)."""
    mine = [a for a in answers.get(ACTIVITY, []) if a.participant == participant.ref]
    section = Section("mine", t("count.answers", lang, n=len(mine)), tuple(Entry(a.item, text_of(a)) for a in mine))
    return {
        "blocks": [
            Texts(f"{ACTIVITY}-mine", t("openvraag.mine", lang), (section,), empty=t("openvraag.none_yet", lang))
        ]
    }
