"""Prioriteren on the participant pages without a browser: the values offered, refusals, saving, returning."""

import pytest

ACTIVITIES = ("palet", "prioriteren")


@pytest.fixture
def palette_session(new_session, kit_store):
    """A session whose palette has 'Betaalbaarheid' twice (two spellings), 'Groen' and 'Sociale huur'."""

    def make(
        values=(
            ("Betaalbaarheid", "individueel.materieel"),
            ("betaalbaarheid ", "individueel.materieel"),
            ("Groen", "collectief.immaterieel"),
            ("Sociale huur", "collectief.materieel"),
        ),
    ):
        session = new_session(activities=ACTIVITIES)
        for i, (text, cell) in enumerate(values):
            someone = kit_store.join(session.code, ("ambtelijk", "inwoner")[i % 2])
            kit_store.submit(someone.token, "palet", {"v": {"text": text, "cell": cell}})
        return session

    return make


def open_page(phone, session):
    me = phone()
    me.join(session.code, "Inwoner")
    return me, me.get(f"kit/{session.code}/prioriteren")


def fields(page) -> list:
    """``[(label, value)]`` of the number fields, as a person reads them."""
    out = []
    for box in page.soup.select("form.kit-form-prioriteren input[type=number]"):
        label = page.soup.select_one(f'label[for="{box["id"]}"]')
        out.append((label.get_text(strip=True), box.get("value", "")))
    return out


def test_the_merged_palette_is_offered_one_field_per_value(kit, phone, palette_session):
    session = palette_session()
    me, page = open_page(phone, session)
    assert page.status == 200 and page.text("h1") == "Prioriteren"
    assert fields(page) == [("Betaalbaarheid", ""), ("Sociale huur", ""), ("Groen", "")]
    for box in page.soup.select("form.kit-form-prioriteren input[type=number]"):
        assert (box["inputmode"], box["min"], box["max"]) == ("numeric", "0", "100")
        assert box.has_attr("data-kit-points") and "kit-input-points" in box["class"]
    form = page.form("form.kit-form-prioriteren")
    assert (form["data-kit-total"], form["data-kit-step"]) == ("100", "5")
    counter = page.soup.select_one("form.kit-form-prioriteren [data-kit-counter]")
    assert counter.get_text(strip=True) == "Nog 100 punten te verdelen"
    assert (counter["data-kit-left"], counter["data-kit-over"], counter["data-kit-done"]) == (
        "Nog {n} punten te verdelen",
        "{n} punten te veel",
        "Alle 100 punten verdeeld",
    )


def test_ninety_points_are_refused_with_the_numbers_kept_and_nothing_stored(kit, phone, palette_session, kit_store):
    session = palette_session()
    me, page = open_page(phone, session)
    page = me.submit("form.kit-form-prioriteren", points__betaalbaarheid="60", points__groen="30")
    message = "U heeft 90 van de 100 punten verdeeld. Het totaal moet precies 100 zijn."
    assert page.status == 200
    assert page.errors() == [f"Fout: {message}"]
    assert page.all(".kit-error-summary li") == [message]
    assert page.soup.select_one(".kit-error-summary a")["href"] == "#points"
    assert page.soup.select_one("#points")["aria-describedby"] == "points-hint points-error"
    assert fields(page) == [("Betaalbaarheid", "60"), ("Sociale huur", ""), ("Groen", "30")]
    assert page.text("[data-kit-counter]") == "Nog 10 punten te verdelen"
    assert page.soup.title.get_text().startswith("Fout:")
    assert kit_store.my_answers(me.token(session.code), "prioriteren") == {}

    page = me.submit("form.kit-form-prioriteren", points__groen="40", **{"points.sociale huur": "20"})
    assert page.errors() == ["Fout: U heeft 120 van de 100 punten verdeeld. Het totaal moet precies 100 zijn."]
    assert page.text("[data-kit-counter]") == "20 punten te veel"
    assert "kit-counter-over" in page.soup.select_one("[data-kit-counter]")["class"]
    assert "-20" not in page.text()
    page = me.submit("form.kit-form-prioriteren", points__groen="21", **{"points.sociale huur": "20"})
    assert page.text("[data-kit-counter]") == "1 punt te veel"
    assert kit_store.my_answers(me.token(session.code), "prioriteren") == {}


@pytest.mark.parametrize("typed", ["-10", "50.5", "veel"])
def test_a_number_that_is_not_whole_or_below_zero_is_refused_above_its_field(
    kit, phone, palette_session, kit_store, typed
):
    session = palette_session()
    me, page = open_page(phone, session)
    page = me.submit("form.kit-form-prioriteren", points__betaalbaarheid="60", points__groen=typed)
    assert page.errors() == ["Fout: Punten zijn hele getallen van 0 of meer."]
    wrong = page.soup.select_one("li.kit-field-error")
    assert wrong.select_one("label").get_text(strip=True) == "Groen"
    box = wrong.select_one("input")
    assert box["value"] == typed and box["aria-invalid"] == "true"
    assert box["aria-describedby"] == f"{box['id']}-error"
    assert page.soup.select_one(".kit-error-summary a")["href"] == f"#{box['id']}"
    assert kit_store.my_answers(me.token(session.code), "prioriteren") == {}


def test_one_hundred_points_are_stored_confirmed_and_shown_on_return(kit, phone, palette_session, kit_store):
    session = palette_session()
    me, page = open_page(phone, session)
    page = me.submit("form.kit-form-prioriteren", points__betaalbaarheid="60", points__groen="40")
    assert page.status == 200 and page.url.endswith("/prioriteren?ok=saved")  # after a 303 redirect
    assert page.text(".kit-notice") == "Uw verdeling is opgeslagen."
    assert page.errors() == []
    assert fields(page) == [("Betaalbaarheid", "60"), ("Sociale huur", ""), ("Groen", "40")]
    assert page.text("[data-kit-counter]") == "Alle 100 punten verdeeld"
    assert page.all("[data-kit-saved] li") == ["Betaalbaarheid : 60 punten", "Groen : 40 punten"]
    assert kit_store.my_answers(me.token(session.code), "prioriteren") == {
        "verdeling": {"betaalbaarheid": 60, "groen": 40}
    }

    # later, from the session's address: the stored numbers, no stale acknowledgement
    kit_store.set_activity_open(session.id, "palet", False)
    page = me.get(f"kit/{session.code}")
    assert page.text("h1") == "Prioriteren"
    assert fields(page) == [("Betaalbaarheid", "60"), ("Sociale huur", ""), ("Groen", "40")]
    assert page.soup.select_one(".kit-notice") is None

    # a changed mind replaces the earlier allocation
    page = me.submit("form.kit-form-prioriteren", points__betaalbaarheid="", points__groen="100")
    assert page.text(".kit-notice") == "Uw verdeling is opgeslagen."
    assert kit_store.my_answers(me.token(session.code), "prioriteren") == {"verdeling": {"groen": 100}}


def test_the_facilitators_selection_narrows_the_list(kit, phone, palette_session, kit_store):
    session = palette_session()
    kit_store.set_state(session.id, "prioriteren", "selection", ["groen", "sociale huur"])
    me, page = open_page(phone, session)
    assert fields(page) == [("Sociale huur", ""), ("Groen", "")]
    page = me.submit("form.kit-form-prioriteren", points__groen="75", **{"points.sociale huur": "25"})
    assert page.text(".kit-notice") == "Uw verdeling is opgeslagen."
    assert kit_store.my_answers(me.token(session.code), "prioriteren") == {
        "verdeling": {"groen": 75, "sociale huur": 25}
    }


def test_points_on_a_value_taken_off_the_list_meanwhile_are_refused(kit, phone, palette_session, kit_store):
    session = palette_session()
    me, page = open_page(phone, session)
    kit_store.set_state(session.id, "prioriteren", "selection", ["groen"])
    page = me.submit("form.kit-form-prioriteren", points__betaalbaarheid="50", points__groen="50")
    assert page.errors() == ["Fout: Deze waarde staat niet (meer) in de lijst om te verdelen. Herlaad de pagina."]
    assert fields(page) == [("Groen", "50")]  # the list as it is now, the typed number kept
    assert kit_store.my_answers(me.token(session.code), "prioriteren") == {}


def test_a_closed_activity_refuses_and_stores_nothing(kit, phone, palette_session, kit_store):
    session = palette_session()
    me, page = open_page(phone, session)
    kit_store.set_activity_open(session.id, "prioriteren", False)
    page = me.submit("form.kit-form-prioriteren", points__betaalbaarheid="60", points__groen="40")
    assert "Dit onderdeel is gesloten; uw antwoord is niet opgeslagen." in page.text(".kit-notice")
    assert kit_store.my_answers(me.token(session.code), "prioriteren") == {}
    assert me.get(f"kit/{session.code}/prioriteren").url.endswith(f"/kit/{session.code}/")


def test_without_palette_values_there_is_nothing_to_spread(kit, phone, new_session):
    session = new_session(activities=ACTIVITIES, open=("prioriteren",))
    me = phone()
    page = me.join(session.code, "Ambtelijk")
    assert page.text("h1") == "Prioriteren"
    assert "Er zijn nog geen waarden om te verdelen: eerst het waardenpalet." in page.text(".kit-notice")
    assert page.soup.select("input[type=number]") == [] and page.form("form.kit-form-prioriteren") is None


def test_value_names_are_text_and_english_reads_english(kit, phone, palette_session):
    session = palette_session(values=(("<b>Groen</b> & schoon", "collectief.materieel"),))
    me, page = open_page(phone, session)
    assert fields(page) == [("<b>Groen</b> & schoon", "")]
    assert page.soup.select("main b") == []
    page = me.get(f"kit/{session.code}/prioriteren?lang=en")
    assert page.text("[data-kit-counter]") == "100 points left to spread"
    page = me.submit("form.kit-form-prioriteren", **{"points.b groen b schoon": "90"})
    assert page.text("[data-kit-counter]") == "10 points left to spread"


def test_the_ranking_reaches_the_phones_only_once_the_facilitator_shows_it(
    kit, phone, palette_session, kit_store, crowd
):
    session = palette_session()
    me, _ = open_page(phone, session)
    me.submit("form.kit-form-prioriteren", points__betaalbaarheid="70", points__groen="30")
    other, _ = open_page(phone, session)
    other.submit("form.kit-form-prioriteren", points__groen="100")
    crowd(session, "inwoner", "prioriteren", {"verdeling": {"groen": 100}}, n=3)  # five spread points: k = 5
    page = me.get(f"kit/{session.code}/prioriteren")
    assert page.soup.select("[data-kit-results]") == []
    kit_store.set_state(session.id, "prioriteren", "reveal", True)
    page = me.get(f"kit/{session.code}/prioriteren")
    assert page.text("[data-kit-results] h2") == "Hoe de groep de punten verdeelde"
    # a card per value, most points first: the total, each group's points (a dash: nobody of it spread any)
    cards = page.soup.select("[data-kit-results] .kit-score-card[data-kit-item]")
    assert [(c["data-kit-item"], c["data-kit-points"]) for c in cards] == [
        ("groen", "430"),
        ("betaalbaarheid", "70"),
        ("sociale huur", "0"),
    ]
    assert page.all("[data-kit-results] .kit-score-card .kit-score-label") == [
        "1. Groen",
        "2. Betaalbaarheid",
        "3. Sociale huur",
    ]
    assert [" ".join(li.get_text(" ").split()) for li in cards[0].select(".kit-score-line")] == [
        "Punten 430",
        "Inwoner 430",
    ]  # the groups that spread nothing are named once above (a dash would set them apart from a small group)
    assert cards[1].select_one(".kit-score-text").get_text() == "genoemd door 2 deelnemers"
    assert page.text("[data-kit-results] .kit-block-scale") == (
        "5 deelnemers verdeelden hun punten."
        " Te weinig deelnemers om per groep te tonen: Bestuurlijk-politiek, Ambtelijk, Maatschappelijke partner."
    )
    assert page.soup.select("[data-kit-results] table") == []  # never a wide table on a phone
    assert fields(page)[0] == ("Betaalbaarheid", "70")  # the form stays: points can still change
