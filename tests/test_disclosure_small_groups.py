"""A room of small groups on every surface participants see (the review of a real session on main).

Six phones in groups of 1, 1, 3 and 1 answer every activity as the looking tests' room does (every seventh
score "weet ik niet"). No group reaches k = 5, so no group may be told apart on the phone, the presentation
screen or in the report: not by a figure, not by a dash where a lone member said "weet ik niet" or nobody
answered, not by a mark naming the one group that gave a value. What stays is the room's figure, once, with
one line that names the groups too small to show instead of "te weinig deelnemers om te tonen" in every cell.
"""

import re

import pytest
from bs4 import BeautifulSoup

from widgets.activities import ACTIVITIES, BY_KEY
from widgets.model.answers import answers_by_activity
from widgets.render.blocks import PARTICIPANTS, block_html
from widgets.report.transfer import export_session

from .test_looking_browser import make_room

# the reviewer's room: the wethouder alone, one partner, three officials, one resident
PEOPLE = ("bestuurlijk-politiek", "maatschappelijke-partner", "ambtelijk", "ambtelijk", "ambtelijk", "inwoner")
SMALL = set(PEOPLE)
HIDDEN = "te weinig deelnemers om te tonen"
LEFT_OUT = "Te weinig deelnemers om per groep te tonen: "
LEFT_OUT += "Bestuurlijk-politiek, Ambtelijk, Maatschappelijke partner, Inwoner."


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    from widgets.store import open_store

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('small') / 'kit.sqlite3'}")
    made = make_room(store, tuple(a.key for a in ACTIVITIES), people=PEOPLE)
    session = store.session_by_code(made.code)
    data = export_session(store, session.id)
    yield session, data
    store.backend.close()


def drawn(room, key: str, surface: str) -> list[BeautifulSoup]:
    session, data = room
    answers, state = answers_by_activity(data["answers"]), data.get("state", {})
    found = BY_KEY[key].part("results", "blocks")
    blocks = found(answers, state, session, "nl") if found else []
    return [BeautifulSoup(str(block_html(block, surface, "nl")), "html.parser") for block in blocks]


@pytest.mark.parametrize("key", [a.key for a in ACTIVITIES if a.has("results", "blocks")])
def test_no_group_of_a_small_room_is_told_apart_on_any_surface(room, key):
    for surface in PARTICIPANTS:
        for block in drawn(room, key, surface):
            # no line, cell, cloud, mark or script's data of a group: not a figure, a dash or a "weet niet" of one
            marked = {e.get("data-kit-group") for e in block.select("[data-kit-group]")}
            marked |= {g for e in block.select("[data-kit-groups]") for g in e["data-kit-groups"].split(",")}
            assert not SMALL & marked, (surface, marked)
            for line in block.select("[data-kit-hidden]"):  # a word cloud's one line of groups withheld
                line.decompose()
            others = block.get_text().replace(LEFT_OUT, "")
            for group in ("Bestuurlijk-politiek", "Ambtelijk", "Maatschappelijke partner", "Inwoner"):  # no figure's
                assert not re.search(rf"\b{group}\b", others), (surface, group)
            # the groups too small to show are named once, not "te weinig ..." in each of their cells
            assert block.get_text().count(LEFT_OUT) <= 1, surface
            assert block.get_text().count(HIDDEN) <= max(len(block.select("[data-kit-item]")), 1), surface


def test_a_lone_weet_niet_reads_as_the_other_lone_members(room):
    """Raadsenquête: Maatschappelijke partner (one person, "weet niet") showed "– – – 0 | Weet niet 1" where the
    other one-person groups said "te weinig deelnemers"; now no group has a line, and the room's stays."""
    for surface in PARTICIPANTS:
        (statements, *_) = drawn(room, "raadsenquete", surface)
        assert LEFT_OUT in statements.get_text(), surface
        rooms = [line.get_text(" ", strip=True) for line in statements.select('[data-kit-group="*"]')]
        assert rooms and all("%" in line or HIDDEN in line for line in rooms), surface


def test_shared_means_the_same_on_the_projector_as_in_the_report(room):
    """The projector said "Betaalbaarheid 3× ★ gedeeld" and "Rechtvaardigheid 1× Bestuurlijk-politiek" while the
    report's first page said no value was named by two or more groups: every surface now reads the groups as the
    report does, so nothing is "gedeeld" between one-person groups and no such group is named beside a value."""
    from widgets.report.document import build_report

    _, data = room
    summary = BeautifulSoup(build_report(data), "html.parser").get_text(" ")
    assert "Geen waarde is door twee of meer groepen genoemd." in summary
    for surface in PARTICIPANTS:
        (palette,) = drawn(room, "palet", surface)
        marks = {m.get_text(" ", strip=True) for m in palette.select(".kit-text-mark")}
        assert marks == {"Overige groepen"}, surface


def test_the_report_s_beoordelen_draws_overige_groepen_and_everyone(room):
    """Its spider chart had no line (a legend of four groups) and its table only dashes, though six people scored;
    page 1 merged them into "Overige groepen". Now the radar and its table hold that line and everyone's."""
    from widgets.report.document import build_report

    _, data = room
    html = build_report(data)
    section = BeautifulSoup(html, "html.parser").select_one("section#beoordelen")
    head = [th.get_text() for th in section.select("#figuur-radar tr")[0].select("th")]
    assert head == ["Stelling", "Overige groepen", "Alle deelnemers"]
    for row in section.select("#figuur-radar tr[data-kit-statement]"):
        assert all(re.fullmatch(r"\d,\d", td.get_text()) for td in row.select("td")), row.get_text(" ")
    assert '"radar-_overige"' in html and '"radar-*"' in html  # the chart's two lines, with their points
    assert '"radar-bestuurlijk-politiek"' not in html  # no group's empty line in the legend


def test_the_results_page_names_no_one_person_group_beside_an_own_value(room):
    """The lone resident's own values: who else named each is said as the report says it, "Overige groepen",
    never "Bestuurlijk-politiek" (the wethouder) nor "only your own group" (a group of one: nobody)."""
    from widgets.activities.palet.results import own
    from widgets.model.sessions import Participant

    session, data = room
    answers = answers_by_activity(data["answers"])
    resident = next(a.participant for a in answers["palet"] if a.group == "inwoner")
    me = Participant("t", resident, session.id, "inwoner")
    said = [v["said"] for v in own(answers, {}, session, me, "nl")["named"]]
    assert said and all("Overige groepen" in s or s == "Alleen u noemde deze waarde." for s in said), said
    assert not any("eigen groep" in s or "Bestuurlijk" in s or "Ambtelijk" in s for s in said), said


def test_the_agenda_and_the_blocks_leave_out_the_same_groups_when_a_lone_member_says_weet_niet():
    """Six officials (five scores, one "weet ik niet") and the wethouder alone, "weet ik niet": the room less the
    officials would be the wethouder's "weet ik niet", so the blocks withhold both; the report's agenda and summary
    (``disclosed``) fold the same two into "overige groepen" rather than show the officials' mean beside them."""
    from widgets.activities.beoordelen.model import disclosed, summarize
    from widgets.model.answers import Answer
    from widgets.model.disclosure import OTHER

    from .sessions import a_session

    def fair(who, group, score):
        return Answer("beoordelen", who, group, "eerlijk", {"score": score, "note": ""})

    given = [fair(f"a{n}", "ambtelijk", 6) for n in range(5)] + [fair("a5", "ambtelijk", None)]
    given.append(fair("w", "bestuurlijk-politiek", None))
    item = disclosed(summarize(given))["eerlijk"]
    assert item.hidden == {"ambtelijk", "bestuurlijk-politiek"} and set(item.group_means) == {OTHER}
    session = a_session(("beoordelen",), (("bestuurlijk-politiek", "Bestuurlijk-politiek"), ("ambtelijk", "Ambtelijk")))
    (block,) = BY_KEY["beoordelen"].part("results", "blocks")({"beoordelen": given}, {}, session, "nl")
    phone = BeautifulSoup(str(block_html(block, "phone", "nl")), "html.parser")
    assert "Bestuurlijk-politiek, Ambtelijk." in phone.get_text() and not phone.select('[data-kit-group="ambtelijk"]')
