"""The participants' results page over HTTP: nothing before the release, then the own answers next to the means.

"me" (Inwoner) and five more Inwoners, five Ambtelijken, two Bestuurlijk-politiek. The disclosure rule
(k = 5) hides the two; the room less Inwoner would then be them, so Ambtelijk's figures are left out too.
Another participant's notes, name and single answers must never reach "me"; the download holds "me"'s
rows only, and only with "me"'s cookie.
"""

import csv
import io

import pytest

from widgets.model.disclosure import OTHER
from widgets.model.results import RELEASED, RESULTS

EVIL = "=1+2<script>window.__pwned=1</script>Groen"  # a formula and markup, both kept as text
CELL = "collectief.materieel"


GROUPS = (
    {f"i{n}": "inwoner" for n in range(2, 7)}
    | {f"a{n}": "ambtelijk" for n in range(1, 6)}
    | {"b1": "bestuurlijk-politiek", "b2": "bestuurlijk-politiek", "me": "inwoner"}
)
# Inwoner 6,5 + 8 + 7 + 7 + 6 + 7,5 = 42 (7,0); Ambtelijk 25 (5,0); Bestuurlijk-politiek 11: the room 78 / 13 = 6,0
GRADES = {"me": 6.5, "i2": 8, "i3": 7, "i4": 7, "i5": 6, "i6": 7.5, "a1": 4, "a2": 5, "a3": 5, "a4": 6, "a5": 5}
GRADES |= {"b1": 5, "b2": 6}
# Inwoner: willen 36 (6,0), mogen 24 (4,0), kunnen 42 (7,0); the seven others (5, 5, 5)
PLACES = {"me": (8, 4, 6), "i2": (6, 6, 6), "i3": (4, 2, 9), "i4": (6, 4, 6), "i5": (6, 4, 6), "i6": (6, 4, 9)}


@pytest.fixture
def room(kit, phone, new_session, kit_store):
    session = new_session(activities=("palet", "prioriteren", "beoordelen", "driehoek"))
    phones = {}
    for ref, group, name in (("me", "Inwoner", ""), ("i2", "Inwoner", "Pietje Geheim"), ("a1", "Ambtelijk", "")):
        phones[ref] = phone()
        phones[ref].join(session.code, group, name)
    token = {ref: p.token(session.code) for ref, p in phones.items()}
    for ref, group in GROUPS.items():
        if ref not in token:
            token[ref] = kit_store.join(session.code, group).token
    notes = {"me": "Mijn eigen toelichting", "i2": "NOTITIE-VAN-I2"}
    for ref in GROUPS:
        kit_store.submit(token[ref], "beoordelen", {"cijfer": {"score": GRADES[ref], "note": notes.get(ref, "")}})
        scores = dict(zip(("willen", "mogen", "kunnen"), PLACES.get(ref, (5, 5, 5)), strict=True))
        kit_store.submit(token[ref], "driehoek", {"plaats": scores})
    kit_store.submit(
        token["me"], "palet", {"v1": {"text": "Betaalbaarheid", "cell": CELL}, "v2": {"text": EVIL, "cell": CELL}}
    )
    kit_store.submit(token["i2"], "palet", {"v3": {"text": "Geheime waarde van i2", "cell": CELL}})
    kit_store.submit(token["a1"], "palet", {"v4": {"text": "betaalbaarheid", "cell": CELL}})
    kit_store.submit(token["a2"], "palet", {"v5": {"text": "Inspraak", "cell": "collectief.proces"}})
    kit_store.submit(token["me"], "prioriteren", {"verdeling": {"betaalbaarheid": 100}})
    for ref in ("i2", "i3", "i4", "i5", "i6", "a1"):
        kit_store.submit(token[ref], "prioriteren", {"verdeling": {"betaalbaarheid": 40, "inspraak": 60}})
    for ref in ("a2", "a3", "a4", "a5", "b1", "b2"):
        kit_store.submit(token[ref], "prioriteren", {"verdeling": {"betaalbaarheid": 20, "inspraak": 80}})
    for activity in session.activities:
        kit_store.set_activity_open(session.id, activity, False)
    return session, phones


def release(kit_store, session, on=True):
    kit_store.set_state(session.id, RESULTS, RELEASED, on)


def results(me, session, lang=""):
    return me.get(f"kit/{session.code}/resultaten" + (f"?lang={lang}" if lang else ""))


def download(device, session):
    return device.http.get(f"{device.base_url}kit/{session.code}/resultaten/mijn-antwoorden.csv", timeout=30)


def row(page, activity, item):
    return [
        " ".join(cell.get_text(" ").split())
        for cell in page.soup.select(f'[data-kit-activity="{activity}"] tr[data-kit-item="{item}"] > *')
    ]


def test_before_the_release_a_friendly_not_yet_and_no_download(room, kit_store):
    session, phones = room
    page = results(phones["me"], session)
    assert page.status == 200
    assert "De resultaten zijn nog niet vrijgegeven" in page.text()
    assert "6,5" not in page.text() and page.soup.select("[data-kit-activity]") == []
    assert phones["me"].get(f"kit/{session.code}").soup.select("[data-kit-results-link]") == []
    reply = download(phones["me"], session)
    assert reply.status_code == 403 and "nog niet vrijgegeven" in reply.text
    assert "attachment" not in reply.headers.get("Content-Disposition", "")


def test_released_the_own_answers_stand_next_to_the_group_and_the_room(room, kit_store):
    session, phones = room
    release(kit_store, session)
    home = phones["me"].get(f"kit/{session.code}")
    link = home.soup.select_one("[data-kit-results-link] a")
    assert link.get_text(strip=True) == "Bekijk de resultaten"
    page = phones["me"].get(link["href"])
    assert page.status == 200 and page.url.endswith(f"/kit/{session.code}/resultaten")
    assert page.text("h1") == "Resultaten: Woonvisie 2030"
    # the report's summary: who took part (13), the grade of the room
    assert page.soup.select_one('#sessie [data-kit-group="*"]')["data-kit-count"] == "13"
    assert page.soup.select_one(".kit-summary-grade")["data-kit-grade"] == "6.00"  # 78 / 13
    # own 6,5; Inwoner 42/6 = 7,0; everyone 78/13 = 6,0
    assert row(page, "beoordelen", "cijfer") == ["Rapportcijfer", "6,5", "7,0", "6,0"]
    assert row(page, "beoordelen", "eerlijk") == []  # nobody scored it: no row of dashes
    # willen 36/6 = 6,0 and 71/13 = 5,5; kunnen 42/6 = 7,0 and 77/13 = 5,9
    assert row(page, "driehoek", "willen") == ["Willen", "8", "6,0", "5,5"]
    assert row(page, "driehoek", "kunnen") == ["Kunnen", "6", "7,0", "5,9"]
    # betaalbaarheid: own 100; Inwoner (100+5x40)/6 = 50,0; everyone (300+40+6x20)/13 = 35,4
    assert row(page, "prioriteren", "betaalbaarheid") == ["Betaalbaarheid", "100", "50,0", "35,4"]
    assert row(page, "prioriteren", "inspraak") == ["Inspraak", "0", "50,0", "64,6"]  # 300/6, 840/13
    values = page.all('[data-kit-activity="palet"] li')
    assert (
        values[0].startswith("Betaalbaarheid")
        and "Ook genoemd door 1 andere deelnemer (ook uit: Overige groepen)" in values[0]  # one official: no name
    )
    assert "Alleen u noemde deze waarde." in values[1]
    assert "minstens 5 deelnemers" in page.text(".kit-results-how")


def test_nothing_of_another_participant_but_aggregates(room, kit_store):
    session, phones = room
    release(kit_store, session)
    page = results(phones["me"], session)
    html = page.reply.text
    assert "Mijn eigen toelichting" not in html  # not even one's own notes: the page compares numbers
    for secret in ("NOTITIE-VAN-I2", "Pietje Geheim", "Geheime waarde van i2", "geheime waarde"):
        assert secret.lower() not in html.lower(), secret
    me = kit_store.participant(phones["me"].token(session.code)).ref
    others = {a.participant for a in kit_store.answers(session.id)} - {me}
    assert len(others) == 12
    for ref in others:  # no other participant's public reference either
        assert ref not in html
    # the summary's grade per group: Inwoner (6 grades) yes; Bestuurlijk-politiek (2) no, and Ambtelijk neither:
    # with the room's grade it would give the two away; together they are "overige groepen" (7 grades)
    grades = page.soup.select_one("#samenvatting-cijfer")
    listed = [tr["data-kit-group"] for tr in grades.select("tr[data-kit-group]")]
    assert "inwoner" in listed and OTHER in listed
    assert "ambtelijk" not in listed and "bestuurlijk-politiek" not in listed
    assert " ".join(grades.select_one(f'[data-kit-group="{OTHER}"]').get_text(" ").split()) == "Overige groepen 5,1 7"


def test_an_evil_palette_value_is_text(room, kit_store):
    session, phones = room
    release(kit_store, session)
    page = results(phones["me"], session)
    assert "<script>window.__pwned" not in page.reply.text
    assert page.soup.select("main script") == []
    assert EVIL in page.text('[data-kit-activity="palet"]')


def test_the_download_is_the_own_answers_only_and_only_with_the_own_cookie(room, kit_store, phone):
    session, phones = room
    release(kit_store, session)
    me = kit_store.participant(phones["me"].token(session.code))
    reply = download(phones["me"], session)
    assert reply.status_code == 200
    assert reply.headers["Content-Type"].startswith("text/csv")
    assert f"mijn-antwoorden-{session.code}.csv" in reply.headers["Content-Disposition"]
    assert reply.content.startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as UTF-8
    rows = list(csv.reader(io.StringIO(reply.content.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    column = header.index("Deelnemer")
    assert {r[column] for r in body} == {me.ref}
    assert len(body) == 1 + 1 + 2 + 3  # prioriteren, beoordelen, palette values, the triangle's three corners
    text = reply.content.decode("utf-8-sig")
    assert "6,5" in text and "Mijn eigen toelichting" in text and "'" + EVIL in text  # formula neutralised
    assert "NOTITIE-VAN-I2" not in text and "Geheime waarde" not in text
    # without a cookie, or with another session's participant: refused in Dutch
    stranger = phone()
    refused = download(stranger, session)
    assert refused.status_code == 403 and "op het apparaat waarmee u meedeed" in refused.text
    assert "6,5" not in refused.text
    joining = results(stranger, session)  # the page: to the join form, nothing of the results
    assert joining.url.rstrip("/").endswith(f"/kit/{session.code}") and joining.soup.select("input[name=group]")


def test_english_reads_english_with_a_decimal_point(room, kit_store):
    session, phones = room
    release(kit_store, session)
    page = results(phones["a1"], session, lang="en")
    assert page.text("h1") == "Results: Woonvisie 2030"
    # a1: own 4; Ambtelijk's mean would give Bestuurlijk-politiek's two away through the room's: none; everyone 6.0
    assert row(page, "beoordelen", "cijfer") == ["Overall grade", "4", "–", "6.0"]
    reply = download(phones["a1"], session)
    assert "my-answers-" in reply.headers["Content-Disposition"]
    body = list(csv.reader(io.StringIO(reply.content.decode("utf-8-sig"))))
    assert body[0][0] == "Group" and any(r[4] == "4" for r in body[1:])


def test_a_closed_session_still_shows_its_results_and_the_release_can_be_taken_back(room, kit_store):
    session, phones = room
    kit_store.set_status(session.id, "closed")
    release(kit_store, session)
    assert row(results(phones["me"], session), "beoordelen", "cijfer")[1] == "6,5"
    release(kit_store, session, False)
    assert "nog niet vrijgegeven" in results(phones["me"], session).text()
    assert download(phones["me"], session).status_code == 403


def test_the_done_page_of_an_activity_links_to_the_results_once_released(kit, phone, new_session, kit_store):
    session = new_session(activities=("beoordelen",))
    me = phone()
    me.join(session.code, "Inwoner")
    me.submit(score="7")
    done = me.get(f"kit/{session.code}/beoordelen/klaar")
    assert done.soup.select("[data-kit-results-link]") == []
    release(kit_store, session)
    link = me.get(f"kit/{session.code}/beoordelen/klaar").soup.select_one("[data-kit-results-link] a")
    assert link.get_text(strip=True) == "Bekijk de resultaten" and link["href"].endswith(
        f"kit/{session.code}/resultaten"
    )
