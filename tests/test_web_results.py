"""The participants' results page over HTTP: nothing before the release, then the own answers next to the means.

"me" (Inwoner) and two more Inwoners, two Ambtelijken. Another participant's notes, name and
single answers must never reach "me"; the download holds "me"'s rows only, and only with "me"'s cookie.
"""

import csv
import io

import pytest

from widgets.model.results import RELEASED, RESULTS

EVIL = "=1+2<script>window.__pwned=1</script>Groen"  # a formula and markup, both kept as text
CELL = "collectief.materieel"


@pytest.fixture
def room(kit, phone, new_session, kit_store):
    session = new_session(activities=("palet", "prioriteren", "beoordelen", "driehoek"))
    phones = {}
    for ref, group, name in (
        ("me", "Inwoner", ""),
        ("i2", "Inwoner", "Pietje Geheim"),
        ("i3", "Inwoner", ""),
        ("a1", "Ambtelijk", ""),
        ("a2", "Ambtelijk", ""),
    ):
        phones[ref] = phone()
        phones[ref].join(session.code, group, name)
    token = {ref: p.token(session.code) for ref, p in phones.items()}
    grades = {"me": 6.5, "i2": 8, "i3": 7, "a1": 4, "a2": 5}
    notes = {"me": "Mijn eigen toelichting", "i2": "NOTITIE-VAN-I2"}
    places = {"me": (8, 4, 6), "i2": (6, 6, 6), "i3": (4, 2, 9), "a1": (5, 5, 5), "a2": (9, 9, 3)}
    for ref in phones:
        kit_store.submit(token[ref], "beoordelen", {"cijfer": {"score": grades[ref], "note": notes.get(ref, "")}})
        scores = dict(zip(("willen", "mogen", "kunnen"), places[ref], strict=True))
        kit_store.submit(token[ref], "driehoek", {"plaats": scores})
    kit_store.submit(
        token["me"], "palet", {"v1": {"text": "Betaalbaarheid", "cell": CELL}, "v2": {"text": EVIL, "cell": CELL}}
    )
    kit_store.submit(token["i2"], "palet", {"v3": {"text": "Geheime waarde van i2", "cell": CELL}})
    kit_store.submit(token["a1"], "palet", {"v4": {"text": "betaalbaarheid", "cell": CELL}})
    kit_store.submit(token["a2"], "palet", {"v5": {"text": "Inspraak", "cell": "collectief.proces"}})
    kit_store.submit(token["me"], "prioriteren", {"verdeling": {"betaalbaarheid": 100}})
    for ref in ("i2", "i3", "a1"):
        kit_store.submit(token[ref], "prioriteren", {"verdeling": {"betaalbaarheid": 40, "inspraak": 60}})
    kit_store.submit(token["a2"], "prioriteren", {"verdeling": {"betaalbaarheid": 20, "inspraak": 80}})
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
    # the report's summary: who took part (5), the grade of the room
    assert page.soup.select_one('#sessie [data-kit-group="*"]')["data-kit-count"] == "5"
    assert page.soup.select_one(".kit-summary-grade")["data-kit-grade"] == "6.10"  # 30,5 / 5
    # own 6,5; Inwoner (6,5+8+7)/3 = 7,2; everyone 30,5/5 = 6,1
    assert row(page, "beoordelen", "cijfer") == ["Rapportcijfer", "6,5", "7,2", "6,1"]
    assert row(page, "beoordelen", "eerlijk") == []  # nobody scored it: no row of dashes
    # willen (8+6+4)/3 = 6,0 and 32/5 = 6,4; kunnen (6+6+9)/3 = 7,0 and 29/5 = 5,8
    assert row(page, "driehoek", "willen") == ["Willen", "8", "6,0", "6,4"]
    assert row(page, "driehoek", "kunnen") == ["Kunnen", "6", "7,0", "5,8"]
    # betaalbaarheid: own 100; Inwoner (100+40+40)/3 = 60,0; everyone (100+40+40+40+20)/5 = 48,0
    assert row(page, "prioriteren", "betaalbaarheid") == ["Betaalbaarheid", "100", "60,0", "48,0"]
    assert row(page, "prioriteren", "inspraak") == ["Inspraak", "0", "40,0", "52,0"]  # 120/3, 260/5
    values = page.all('[data-kit-activity="palet"] li')
    assert (
        values[0].startswith("Betaalbaarheid")
        and "Ook genoemd door 1 andere deelnemer (ook uit: Ambtelijk)" in values[0]
    )
    assert "Alleen u noemde deze waarde." in values[1]
    assert "minstens 2 anderen" in page.text(".kit-results-how")


def test_nothing_of_another_participant_but_aggregates(room, kit_store):
    session, phones = room
    release(kit_store, session)
    page = results(phones["me"], session)
    html = page.reply.text
    assert "Mijn eigen toelichting" not in html  # not even one's own notes: the page compares numbers
    for secret in ("NOTITIE-VAN-I2", "Pietje Geheim", "Geheime waarde van i2", "geheime waarde"):
        assert secret.lower() not in html.lower(), secret
    for ref in ("i2", "i3", "a1", "a2"):  # no other participant's public reference either
        assert kit_store.participant(phones[ref].token(session.code)).ref not in html
    # the summary's grade per group: Inwoner (3 grades) yes; Ambtelijk (2: each would see the other's) no
    grades = page.soup.select_one("#samenvatting-cijfer")
    assert grades.select('[data-kit-group="inwoner"]') and grades.select('[data-kit-group="ambtelijk"]') == []


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
    # a1: own 4; Ambtelijk has one other (a2): no group mean; everyone 30.5/5 = 6.1
    assert row(page, "beoordelen", "cijfer") == ["Overall grade", "4", "–", "6.1"]
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
