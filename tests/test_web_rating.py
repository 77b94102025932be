"""Beoordelen on the participant pages without a browser: one screen per step, resume, revise, done, results."""

import pytest


@pytest.fixture
def rating(kit, phone, new_session, kit_store):
    """A Dutch session in Utrecht about wonen with beoordelen open, and a joined phone on step 1."""
    session = new_session(activities=("beoordelen",))
    me = phone()
    me.join(session.code, "Inwoner")
    return session, me


def mine(kit_store, me, session):
    return kit_store.my_answers(me.token(session.code), "beoordelen")


def checked(page):
    return page.checked("score")


def test_joining_starts_at_the_grade_with_nineteen_choices_in_halves(rating):
    session, me = rating
    page = me.page
    assert page.url.endswith(f"/kit/{session.code}/beoordelen/1")
    assert page.text(".kit-progress") == "Stap 1 van 10"
    assert "Uw rapportcijfer voor het beleid" in page.text("legend")
    assert page.all(".kit-scale label") == [
        "1",
        "1,5",
        "2",
        "2,5",
        "3",
        "3,5",
        "4",
        "4,5",
        "5",
        "5,5",
        "6",
        "6,5",
        "7",
        "7,5",
        "8",
        "8,5",
        "9",
        "9,5",
        "10",
    ]
    assert page.soup.select_one("textarea[name=note]")["id"] == page.soup.select_one("label[for=note]")["for"]
    assert page.soup.select(".kit-rate-previous") == []  # nothing before the first step


def test_the_grade_is_required_and_nothing_is_stored_without_it(rating, kit_store):
    session, me = rating
    page = me.submit(note="Ik twijfel nog")
    assert page.url.endswith("/beoordelen/1") and page.text(".kit-progress") == "Stap 1 van 10"
    assert page.errors() == ["Fout: Geef een rapportcijfer van 1 tot en met 10."]
    assert page.text(".kit-error-summary a") == "Geef een rapportcijfer van 1 tot en met 10."
    assert page.soup.select_one("textarea[name=note]").get_text() == "Ik twijfel nog"  # what was typed stays
    assert page.soup.title.get_text().startswith("Fout:")
    page = me.submit(score="6,3", note="Ik twijfel nog")  # sent by hand: not a half
    assert "in halve punten" in page.text(".kit-error")
    assert mine(kit_store, me, session) == {}


def test_a_half_grade_is_stored_and_the_next_screen_is_the_first_statement(rating, kit_store):
    session, me = rating
    page = me.submit(score="6.5")
    assert page.url.endswith("/beoordelen/2") and page.text(".kit-progress") == "Stap 2 van 10"
    assert mine(kit_store, me, session)["cijfer"] == {"score": 6.5, "note": ""}
    assert (
        page.text("[data-kit-statement=eerlijk]")
        == "Het beleid en de beleidsuitvoering van Utrecht voor wonen zijn eerlijk."
    )
    assert "Proceswaarde" in page.text("legend") and "1 = helemaal oneens, 10 = helemaal eens" in page.text()
    assert page.all(".kit-scale label") == [*map(str, range(1, 11)), "Weet ik niet"]
    assert page.soup.select_one(".kit-scale-wide input")["value"] == "?"
    assert page.soup.select_one("a.kit-rate-previous")["href"].endswith("/beoordelen/1")


def test_dont_know_is_stored_as_no_score_and_shown_as_chosen(rating, kit_store):
    session, me = rating
    me.submit(score="7")
    me.submit(score="?", note="Daar weet ik te weinig van")
    assert mine(kit_store, me, session)["eerlijk"] == {"score": None, "note": "Daar weet ik te weinig van"}
    page = me.get(f"kit/{session.code}/beoordelen/2")
    assert checked(page) == ["?"]
    assert page.soup.select_one("textarea[name=note]").get_text() == "Daar weet ik te weinig van"


def test_a_statement_without_score_or_note_is_skipped(rating, kit_store):
    session, me = rating
    me.submit(score="7")
    page = me.submit()
    assert page.url.endswith("/beoordelen/3") and page.errors() == []
    assert set(mine(kit_store, me, session)) == {"cijfer"}
    assert "[gemeente]" not in page.text() and "Utrecht" in page.text("[data-kit-statement=toegankelijk]")


def test_a_note_without_a_score_counts_as_dont_know_and_a_long_note_is_refused(rating, kit_store):
    session, me = rating
    me.submit(score="7")
    page = me.submit(score="4", note="x" * 1001)
    assert page.url.endswith("/beoordelen/2") and "maximaal 1.000 tekens" in page.text(".kit-error")
    assert checked(page) == ["4"]  # the chosen score stays
    assert "eerlijk" not in mine(kit_store, me, session)
    me.submit(score="", note="Alleen een opmerking")
    assert mine(kit_store, me, session)["eerlijk"] == {"score": None, "note": "Alleen een opmerking"}


def test_revising_replaces_the_answer_and_keeps_the_old_one_in_the_history(rating, kit_store):
    session, me = rating
    me.submit(score="6.5")
    me.submit(score="8")
    page = me.get(f"kit/{session.code}/beoordelen/1")  # "Vorige", twice
    assert checked(page) == ["6.5"]
    page = me.submit(score="7.5")
    assert page.url.endswith("/beoordelen/2") and checked(page) == ["8"]
    answers = mine(kit_store, me, session)
    assert answers["cijfer"]["score"] == 7.5 and answers["eerlijk"]["score"] == 8
    assert kit_store.history_count(session.id) == 1
    me.submit()  # the same score again: nothing changes
    assert kit_store.history_count(session.id) == 1 and mine(kit_store, me, session)["eerlijk"]["score"] == 8


def test_a_reload_resumes_at_the_first_step_without_an_answer(rating, kit_store):
    session, me = rating
    me.submit(score="6")
    me.submit(score="5")
    me.submit(score="9")
    assert me.get(f"kit/{session.code}").url.endswith("/beoordelen/4")
    assert me.get(f"kit/{session.code}/beoordelen").url.endswith("/beoordelen/4")
    assert me.get(f"kit/{session.code}/beoordelen/99").url.endswith("/beoordelen/4")
    me.get(f"kit/{session.code}/beoordelen/4")
    me.submit()  # skipped: still the first without an answer
    assert me.get(f"kit/{session.code}").url.endswith("/beoordelen/4")


def test_after_the_last_statement_the_answers_are_listed_with_links_to_change_them(rating, kit_store):
    session, me = rating
    me.submit(score="6.5")
    me.submit(score="?")
    me.submit()
    for score in range(3, 10):
        page = me.submit(score=str(score), note="<b>dik</b> gedrukt" if score == 9 else "")
    assert page.url.endswith(f"/kit/{session.code}/beoordelen/klaar")
    assert page.text("h1") == "Klaar!"
    assert "U kunt uw antwoorden wijzigen zolang dit onderdeel open is." in page.text(".kit-notice")
    rows = page.all(".kit-rate-mine li")
    assert len(rows) == 10
    assert rows[0].startswith("Rapportcijfer: 6,5")
    assert rows[1].startswith("Eerlijk: Weet ik niet") and rows[2].startswith("Toegankelijk: niet beantwoord")
    assert "<b>dik</b> gedrukt" in rows[-1] and page.soup.select(".kit-rate-mine b") == []
    links = [a["href"] for a in page.soup.select(".kit-rate-mine a")]
    assert links == [f"/kit/{session.code}/beoordelen/{n}?van=klaar" for n in range(1, 11)]
    assert page.all(".kit-rate-mine a")[2] == "Wijzig : Toegankelijk"
    # a change made from the list returns to the list
    page = me.get(links[0])
    assert checked(page) == ["6.5"] and page.text(".kit-rate-back") == "Terug naar uw antwoorden"
    page = me.submit(score="4")
    assert (
        page.url.endswith("/beoordelen/klaar")
        and page.all(".kit-rate-mine li")[0] == "Rapportcijfer: 4 Wijzig : Rapportcijfer"
    )
    page = me.get(links[0])
    page = me.submit(score="11")  # sent by hand and refused: still a way back to the list
    assert page.errors() and page.text(".kit-rate-back") == "Terug naar uw antwoorden"
    # everything answered but one: the session's home resumes there, then the list again
    assert me.get(f"kit/{session.code}").url.endswith("/beoordelen/3")
    me.submit(score="10")
    for _ in range(3, 10):
        page = me.submit()
    assert page.url.endswith("/beoordelen/klaar")
    assert me.get(f"kit/{session.code}").url.endswith("/beoordelen/klaar")


def test_revealed_results_reach_the_phone(rating, phone, kit_store):
    session, me = rating
    other = phone()
    other.join(session.code, "Ambtelijk")
    other.submit(score="8")
    other.submit(score="9")
    # five in each group, so that the disclosure rule (k = 5) lets both groups' means through
    for group, scores in (("ambtelijk", {"cijfer": 8, "eerlijk": 9}), ("inwoner", {"cijfer": 5})):
        for _ in range(4):
            token = kit_store.join(session.code, group).token
            kit_store.submit(token, "beoordelen", {item: {"score": v, "note": ""} for item, v in scores.items()})
    page = me.submit(score="5")
    assert page.soup.select("[data-kit-results]") == []
    kit_store.set_state(session.id, "beoordelen", "reveal", True)
    page = me.get(f"kit/{session.code}/beoordelen/2")
    results = page.soup.select_one("section[data-kit-results]")
    assert results is not None and "Uitkomsten van de groep" in results.get_text()
    row = page.all("[data-kit-results] [data-kit-item=eerlijk] .kit-score-value")
    assert row == ["9,0", "9,0"]  # only Ambtelijk scored it (the others named once above), and everyone's
    grade = page.all("[data-kit-results] [data-kit-item=cijfer] .kit-score-value")
    assert "8,0" in grade and "5,0" in grade
    assert me.get(f"kit/{session.code}/beoordelen/klaar").soup.select_one("section[data-kit-results]") is not None


def test_shown_results_are_announced_at_the_top_and_a_last_answer_lands_on_them(rating, kit_store):
    session, me = rating
    page = me.submit(score="5")
    region = page.soup.select_one("main [data-kit-reveal-notice]")
    assert region is not None and region.get("aria-live") == "polite"  # there before, empty, so it can be heard
    assert region.get_text(strip=True) == "" and page.soup.select("#uitkomsten") == []
    kit_store.set_state(session.id, "beoordelen", "reveal", True)
    page = me.get(f"kit/{session.code}/beoordelen/2")
    link = page.soup.select_one("[aria-live=polite][data-kit-reveal-notice] a")
    assert link is not None and link["href"] == "#uitkomsten"
    assert link.get_text(strip=True) == "De uitkomsten van de groep staan hieronder"
    target = page.soup.select_one("#uitkomsten")
    assert target is not None and target.name == "section" and target.get("tabindex") == "-1"
    assert target.has_attr("data-kit-results")
    # the notice comes before the form, the results after it
    assert str(page.soup).index("data-kit-reveal-notice") < str(page.soup).index("<form")
    assert str(page.soup).index("<form") < str(page.soup).index('id="uitkomsten"')
    # a screen that is not the last goes on to the next screen; the last lands on the results
    page = me.submit(score="6")
    assert page.reply.history[-1].headers["Location"].endswith("/beoordelen/3")
    page = me.get(f"kit/{session.code}/beoordelen/10")
    page = me.submit(score="7")
    assert page.reply.history[-1].headers["Location"].endswith("/beoordelen/klaar#uitkomsten")
    assert page.soup.select_one("[data-kit-reveal-notice] a[href='#uitkomsten']") is not None
    assert page.soup.select_one("section#uitkomsten[data-kit-results]") is not None


def test_the_last_answer_lands_on_the_list_alone_while_results_are_hidden(rating, kit_store):
    session, me = rating
    me.get(f"kit/{session.code}/beoordelen/10")
    page = me.submit(score="7")
    assert page.reply.history[-1].headers["Location"].endswith("/beoordelen/klaar")
    assert page.soup.select("[data-kit-reveal-notice] a") == []


def test_a_form_sent_after_the_activity_closed_stores_nothing(rating, kit_store):
    session, me = rating
    kit_store.set_activity_open(session.id, "beoordelen", False)
    page = me.submit(score="7")
    assert "Dit onderdeel is gesloten; uw antwoord is niet opgeslagen." in page.text(".kit-notice")
    assert mine(kit_store, me, session) == {}


def test_english_session(kit, phone, new_session, kit_store):
    session = new_session(activities=("beoordelen",), language="en", groups=("Civil service", "Resident"))
    me = phone()
    page = me.join(session.code, "Resident")
    assert page.soup.html["lang"] == "en" and page.text(".kit-progress") == "Step 1 of 10"
    assert "6.5" in page.all(".kit-scale label") and "6,5" not in page.all(".kit-scale label")
    page = me.submit()
    assert page.errors() == ["Error: Give a grade from 1 to 10."]
    page = me.submit(score="6.5")
    assert (
        page.text("[data-kit-statement=eerlijk]")
        == "The policy of Utrecht on housing and the way it is carried out are fair."
    )
    assert page.all(".kit-scale label")[-1] == "Don't know"
    assert page.text("button[type=submit]") == "Save and continue" and page.text(".kit-rate-previous") == "Previous"
    page = me.get(f"kit/{session.code}/beoordelen/klaar")
    assert page.text("h1") == "Done!" and page.all(".kit-rate-mine li")[0].startswith("Overall grade: 6.5")
