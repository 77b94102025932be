"""The strategische driehoek on the participant pages without a browser: place, tensions, routes, resume, reveal."""

import pytest

from widgets.activities.driehoek.model import position


@pytest.fixture
def driehoek(kit, phone, new_session):
    """A Dutch session with the driehoek open, and a joined phone on its first screen."""
    session = new_session(activities=("driehoek",))
    me = phone()
    me.join(session.code, "Ambtelijk")
    return session, me


def mine(kit_store, me, session):
    return kit_store.my_answers(me.token(session.code), "driehoek")


def checked(page, name):
    return page.checked(name)


def place(me, willen, mogen, kunnen):
    return me.submit("form.kit-tri-scores", willen=str(willen), mogen=str(mogen), kunnen=str(kunnen))


def test_joining_starts_at_the_scores_with_eleven_buttons_per_corner(driehoek):
    session, me = driehoek
    page = me.page
    assert page.url.endswith(f"/kit/{session.code}/driehoek/scores")
    assert page.text(".kit-progress") == "Stap 1 van 7 · Uw plek"
    assert page.all("legend") == [
        "Willen: publieke waardepropositie",
        "Mogen: steun in de authorizing environment",
        "Kunnen: operationele capaciteit",
    ]
    for corner in ("willen", "mogen", "kunnen"):
        assert page.all(f"fieldset#{corner} .kit-scale label") == [str(n) for n in range(11)]
        hint = page.soup.select_one(f"#{corner}-hint")
        assert hint is not None and corner in page.soup.select_one(f"fieldset#{corner}")["aria-describedby"]
    assert "maatschappelijke waarde" in page.text("#willen-hint")
    assert page.soup.select("input[type=range]") == []  # no tiny slider handles
    assert checked(page, "willen") == []  # nothing chosen for the participant


def test_placing_shows_the_own_place_marked_and_what_it_means(driehoek, kit_store):
    session, me = driehoek
    page = place(me, 9, 5, 2)
    assert page.url.endswith("/driehoek/positie")
    assert mine(kit_store, me, session) == {"plaats": {"willen": 9, "mogen": 5, "kunnen": 2}}
    svg = page.soup.select_one(".kit-tri-position svg.kit-triangle")
    assert svg["aria-label"] == "Uw plek in de driehoek: willen 9, mogen 5, kunnen 2"
    marker = svg.select_one(".kit-tri-you")
    assert marker.get_text(strip=True) == "u"
    # the marker sits where the model puts 9/5/2 (the SVG's y axis points down)
    dot = marker.select("circle")[-1]
    x, y = position({"willen": 9, "mogen": 5, "kunnen": 2})
    assert float(dot["cx"]) == pytest.approx(28 + x * 244, abs=0.1)
    assert float(dot["cy"]) == pytest.approx(round(244 * 3**0.5 / 2 + 56) - 28 - y * 244, abs=1)
    assert page.all(".kit-legend li") == ["u: uw eigen plek"]
    assert page.text(".kit-tri-meaning").startswith("Veel willen, weinig kunnen")
    assert "redelijk (gemiddeld 5,3)" in page.text(".kit-tri-meaning")
    assert "Uw scores: willen 9, mogen 5, kunnen 2." in page.text()
    link = page.soup.select_one("a.kit-button[href$='/driehoek/spanning/willen-mogen']")
    assert link.get_text(strip=True) == "Verder naar de spanningen"
    # changing the scores shows them chosen
    page = me.get(page.soup.select_one("a[href$='/driehoek/scores']")["href"])
    assert [checked(page, c) for c in ("willen", "mogen", "kunnen")] == [["9"], ["5"], ["2"]]


def test_all_zeros_and_a_missing_corner_are_refused_and_nothing_is_stored(driehoek, kit_store):
    session, me = driehoek
    page = place(me, 0, 0, 0)
    assert page.url.endswith("/driehoek/scores")
    assert page.errors() == [
        "Fout: Alle drie op 0 geeft geen plek in de driehoek. Geef minstens één hoek een score boven 0."
    ]
    assert page.soup.select_one(".kit-error-summary a")["href"] == "#scores"
    assert [checked(page, c) for c in ("willen", "mogen", "kunnen")] == [["0"], ["0"], ["0"]]  # what was chosen
    assert page.soup.title.get_text().startswith("Fout:")
    me.get(f"kit/{session.code}/driehoek/scores")
    page = me.submit("form.kit-tri-scores", willen="7", kunnen="3")  # mogen left out
    error = page.soup.select_one("fieldset#mogen .kit-error")
    assert error is not None and "Geef voor willen, mogen en kunnen elk een score" in error.get_text()
    assert page.soup.select_one("fieldset#mogen")["aria-invalid"] == "true"
    assert checked(page, "willen") == ["7"] and checked(page, "kunnen") == ["3"]
    page = me.submit("form.kit-tri-scores", willen="11", mogen="3", kunnen="3")  # sent by hand
    assert page.soup.select_one("fieldset#willen .kit-error") is not None
    assert mine(kit_store, me, session) == {}


def test_tensions_are_stored_and_shown_as_chosen_on_return(driehoek, kit_store):
    session, me = driehoek
    place(me, 6, 4, 5)
    page = me.get(f"kit/{session.code}/driehoek/spanning/willen-mogen")
    assert page.text("h1") == "Spanning: Willen en mogen"
    assert page.text(".kit-progress") == "Stap 2 van 7 · Spanningen"
    assert "Botsen de waarden die de partners nastreven echt met elkaar" in page.text(".kit-tri-questions")
    assert page.all("fieldset#severity .kit-scale label") == ["1", "2", "3", "4", "5"]
    assert page.text("label[for=note]") == "Toelichting (mag leeg blijven)"
    assert page.soup.select_one("a.kit-tri-previous")["href"].endswith("/driehoek/positie")
    page = me.submit("form.kit-tri-tension", severity="4", note="De raad wil sneller dan de partners")
    assert page.url.endswith("/driehoek/spanning/mogen-kunnen")
    page = me.submit("form.kit-tri-tension", severity="2")
    assert page.url.endswith("/driehoek/spanning/willen-kunnen")
    assert mine(kit_store, me, session)["spanning.willen-mogen"] == {
        "severity": 4,
        "note": "De raad wil sneller dan de partners",
    }
    assert mine(kit_store, me, session)["spanning.mogen-kunnen"] == {"severity": 2, "note": ""}
    page = me.get(f"kit/{session.code}/driehoek/spanning/willen-mogen")
    assert checked(page, "severity") == ["4"]
    assert page.soup.select_one("textarea[name=note]").get_text() == "De raad wil sneller dan de partners"


def test_a_note_without_severity_is_refused_with_the_note_kept(driehoek, kit_store):
    session, me = driehoek
    place(me, 6, 4, 5)
    me.get(f"kit/{session.code}/driehoek/spanning/willen-mogen")
    page = me.submit("form.kit-tri-tension", note="Schuurt wel een beetje")
    assert page.url.endswith("/driehoek/spanning/willen-mogen")
    assert page.errors() == ["Fout: Kies hoe sterk het schuurt: 1 (schuurt niet) tot 5 (schuurt sterk)."]
    assert page.soup.select_one(".kit-error-summary a")["href"] == "#severity"
    assert page.soup.select_one("textarea[name=note]").get_text() == "Schuurt wel een beetje"
    page = me.submit("form.kit-tri-tension", severity="3", note="x" * 1001)
    assert "Toelichting is te lang: maximaal 1.000 tekens." in page.text("#note-error")
    assert checked(page, "severity") == ["3"]
    assert set(mine(kit_store, me, session)) == {"plaats"}


def test_routes_are_cards_with_the_books_example_and_the_choice_is_shown_on_return(driehoek, kit_store):
    session, me = driehoek
    place(me, 6, 4, 5)
    page = me.get(f"kit/{session.code}/driehoek/route/willen-kunnen")
    assert page.text(".kit-progress") == "Stap 7 van 7 · Keuzes"
    cards = page.all(".kit-tri-route-card label")
    assert cards[0].startswith("Route a: Eerst de ambitie vastleggen")
    assert "Voorbeeld: Woongemeente 1" in cards[0] and "Voorbeeld: Democratiegemeente 1" in cards[1]
    page = me.submit("form.kit-tri-route")
    assert page.errors() == ["Fout: Kies route a of route b."]
    page = me.submit("form.kit-tri-route", route="b")
    assert page.url.endswith("/driehoek/klaar")  # the last step
    assert mine(kit_store, me, session)["route.willen-kunnen"] == {"route": "b"}
    page = me.get(f"kit/{session.code}/driehoek/route/willen-kunnen")
    assert checked(page, "route") == ["b"]


def test_driehoek_resumes_at_the_first_step_not_yet_answered(driehoek):
    session, me = driehoek
    place(me, 3, 8, 5)
    assert me.get(f"kit/{session.code}").url.endswith("/driehoek/spanning/willen-mogen")
    me.submit("form.kit-tri-tension", severity="1")
    page = me.get(f"kit/{session.code}/driehoek")
    assert page.url.endswith("/driehoek/spanning/mogen-kunnen")
    page = me.get(page.soup.select_one("a.kit-tri-skip")["href"])  # skipped: nothing stored, next screen
    assert page.url.endswith("/driehoek/spanning/willen-kunnen")
    assert me.get(f"kit/{session.code}/driehoek").url.endswith("/driehoek/spanning/mogen-kunnen")
    assert me.get(f"kit/{session.code}/driehoek/onzin").url.endswith("/driehoek/spanning/mogen-kunnen")


def test_the_done_screen_lists_every_answer_and_changes_come_back_to_it(driehoek, kit_store):
    session, me = driehoek
    place(me, 9, 5, 2)
    me.get(f"kit/{session.code}/driehoek/spanning/willen-kunnen")
    me.submit("form.kit-tri-tension", severity="5", note="Te weinig mensen")
    me.get(f"kit/{session.code}/driehoek/route/willen-mogen")
    me.submit("form.kit-tri-route", route="a")
    page = me.get(f"kit/{session.code}/driehoek/klaar")
    assert page.text("h1") == "Klaar, bedankt!"
    items = dict(
        zip(
            [li["data-kit-item"] for li in page.soup.select(".kit-tri-mine li")],
            page.all(".kit-tri-mine li"),
            strict=True,
        )
    )
    assert items["plaats"].startswith("Uw plek: Veel willen, weinig kunnen")
    assert "Spanning: Willen en kunnen: schuurt 5 uit 5 Te weinig mensen" in items["spanning.willen-kunnen"]
    assert "nog niet beantwoord" in items["spanning.willen-mogen"]
    assert items["route.willen-mogen"].startswith("Keuze: Willen en mogen: route a Zelf een sterke visie")
    change = page.soup.select_one("[data-kit-item='spanning.willen-kunnen'] a")["href"]
    page = me.get(change)
    assert page.soup.select_one("a[href$='/driehoek/klaar']") is not None  # back to the list, no skip
    assert page.soup.select(".kit-tri-skip") == []
    page = me.submit("form.kit-tri-tension", severity="3")
    assert page.url.endswith("/driehoek/klaar") and "schuurt 3 uit 5" in page.text(".kit-tri-mine")
    assert mine(kit_store, me, session)["spanning.willen-kunnen"] == {"severity": 3, "note": "Te weinig mensen"}


def test_the_revealed_triangle_reaches_another_phone_with_its_own_point_marked(driehoek, kit_store, phone, crowd):
    session, me = driehoek
    place(me, 10, 0, 0)
    other = phone()
    other.join(session.code, "Inwoner")
    place(other, 5, 5, 5)
    crowd(session, "inwoner", "driehoek", {"plaats": {"willen": 5, "mogen": 5, "kunnen": 5}})  # five of each: k = 5
    crowd(session, "ambtelijk", "driehoek", {"plaats": {"willen": 10, "mogen": 0, "kunnen": 0}})
    page = other.get(f"kit/{session.code}/driehoek/positie")
    assert page.soup.select("[data-kit-results]") == []  # not before the facilitator shows it
    kit_store.set_state(session.id, "driehoek", "reveal", True)
    page = other.get(f"kit/{session.code}/driehoek/spanning/willen-mogen")
    results = page.soup.select_one("section[data-kit-results]")
    assert results is not None and "De driehoek van de hele groep" in results.get_text()
    svg = results.select_one("svg.kit-triangle")
    dots = {(m.name, m.get("fill")) for m in svg.select(".kit-tri-point")}
    assert len(dots) == 2  # two groups, each its own colour and shape
    assert list(dict.fromkeys(m["data-kit-group"] for m in svg.select(".kit-tri-point"))) == ["ambtelijk", "inwoner"]
    you = svg.select(".kit-tri-you circle")[-1]
    centre = position({"willen": 5, "mogen": 5, "kunnen": 5})
    assert float(you["cx"]) == pytest.approx(28 + centre[0] * 244, abs=0.1)  # the inwoner's own point
    assert page.all("[data-kit-results] .kit-legend li") == [
        "Ambtelijk",
        "Inwoner",
        "groot, zwart omrand: de gemiddelde plek van de groep",
        "Iedereen: de gemiddelde plek",
        "u: uw eigen plek",
    ]
    assert (
        results.select_one('[data-kit-item="willen"] [data-kit-group="inwoner"] .kit-score-value').get_text() == "5,0"
    )
    # the drawing's text alternative: every placement in a table under its group's name, the viewer's own row marked
    rows = [[cell.get_text() for cell in tr.select("th, td")] for tr in results.select(".kit-placements-points tr")]
    assert rows[0] == ["", "willen", "mogen", "kunnen"] and ["Ambtelijk"] in rows and ["Inwoner"] in rows
    assert sum(r[1:] == ["10", "0", "0"] for r in rows) == 5 and sum(r[1:] == ["5", "5", "5"] for r in rows) == 5
    assert ["u", "5", "5", "5"] in rows
    # the first phone sees it too, its own point in the willen corner
    page = me.get(f"kit/{session.code}/driehoek/klaar")
    you = page.soup.select_one("[data-kit-results] .kit-tri-you circle:last-of-type")
    assert (float(you["cx"]), float(you["cy"])) == pytest.approx((150, 28), abs=0.1)


def test_notes_are_shown_as_text_never_as_markup(driehoek, kit_store):
    session, me = driehoek
    place(me, 5, 5, 5)
    hostile = "<img src=x onerror=alert(1)> schuurt"
    me.get(f"kit/{session.code}/driehoek/spanning/willen-mogen")
    me.submit("form.kit-tri-tension", severity="2", note=hostile)
    for path in ("driehoek/spanning/willen-mogen", "driehoek/klaar"):
        page = me.get(f"kit/{session.code}/{path}")
        assert page.soup.select("main img") == []
        assert hostile in page.text("main")
        assert "&lt;img src=x" in page.reply.text
    from widgets.activities.driehoek.render import tensions_html

    html = tensions_html(kit_store.answers(session.id, "driehoek"), kit_store.session(session.id), "nl")
    assert "&lt;img src=x onerror=alert(1)&gt; schuurt" in html and "<img" not in html


def test_english_pages(kit, phone, new_session):
    session = new_session(activities=("driehoek",), language="en", groups=("Civil service", "Resident"))
    me = phone()
    me.join(session.code, "Resident")
    page = me.page
    assert page.soup.html["lang"] == "en" and page.text(".kit-progress") == "Step 1 of 7 · Your place"
    assert page.text("button[type=submit]") == "Place me in the triangle"
    page = place(me, 9, 5, 2)
    assert page.text(".kit-tri-meaning").startswith("Much willen, little kunnen")
    assert "fair (mean 5.3)" in page.text(".kit-tri-meaning")
    assert page.soup.select_one(".kit-tri-you text").get_text() == "you"
    page = me.get(page.soup.select_one("a.kit-button[href$='spanning/willen-mogen']")["href"])
    assert page.text("h1") == "Tension: Willen and mogen"
    assert page.text("legend") == "How much does it chafe?"
    page = me.submit("form.kit-tri-tension", note="no severity")
    assert page.errors() == ["Error: Choose how much it chafes: 1 (not at all) to 5 (strongly)."]
    page = me.get(f"kit/{session.code}/driehoek/route/willen-mogen")
    assert "Example:" in page.text(".kit-tri-route-card")


def test_a_closed_driehoek_stores_nothing(driehoek, kit_store):
    session, me = driehoek
    kit_store.set_activity_open(session.id, "driehoek", False)
    page = place(me, 4, 4, 4)
    assert "Dit onderdeel is gesloten" in page.text()
    assert mine(kit_store, me, session) == {}
