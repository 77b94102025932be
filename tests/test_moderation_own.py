"""Under "Teksten eerst goedkeuren" a participant's own text is marked "wacht op goedkeuring" wherever its author
sees it on their phone (the list of their answers, the label of a note typed again), in every activity that declares
texts (its ``moderation.texts``), and nowhere once approved."""

from widgets.activities import ACTIVITIES
from widgets.model.moderation import texts_of

# Per activity whose folder declares participants' texts: answers holding such texts, and the page that lists them.
OWN = {
    "palet": ({"c0ffee000001": {"text": "Groene wijk", "cell": "collectief.materieel"}}, "palet"),
    "openvraag": ({"c0ffee000002": {"text": "Meer groen in de straat"}}, "openvraag"),
    "leren": ({"les": {"succes": "De buurtavonden", "anders": "Eerder de huurders vragen"}}, "leren"),
    "trap": ({"trede": {"now": 2, "should": 4, "note": "Bewoners praten nu alleen mee"}}, "trap"),
    "beoordelen": (
        {"cijfer": {"score": 7, "note": ""}, "eerlijk": {"score": 6, "note": "Niet iedereen kreeg een brief"}},
        "beoordelen/klaar",
    ),
    "democratie": ({"insluiting": {"score": 5, "note": "Jongeren ontbraken"}}, "democratie/klaar"),
    "eigen": ({"e1": {"score": 8, "note": "Past bij de wijkaanpak"}}, "eigen/klaar"),
    "driehoek": (
        {
            "plaats": {"willen": 7, "mogen": 4, "kunnen": 5},
            "spanning.willen-mogen": {"severity": 4, "note": "De raad wil meer dan mag"},
        },
        "driehoek/klaar",
    ),
}


# Where a note is typed again, one per screen: its own screen's label carries the mark too.
FORMS = {
    "beoordelen": "beoordelen/2",
    "democratie": "democratie/1",
    "eigen": "eigen/1",
    "driehoek": "driehoek/spanning/willen-mogen",
}


def test_every_activity_that_declares_texts_is_covered():
    declared = {a.key for a in ACTIVITIES if a.has("moderation", "texts")}
    assert declared == set(OWN), "an activity with texts needs its author's 'wacht op goedkeuring' mark (and a case)"


def marks(page) -> list:
    return [
        mark.find_parent(class_="kit-mine-item").get_text(" ", strip=True)
        for mark in page.soup.select("[data-kit-waiting]")
    ]


def test_the_author_sees_each_waiting_text_marked_others_do_not_and_approval_removes_it(
    kit, phone, new_session, kit_store
):
    session = new_session(activities=tuple(OWN))
    kit_store.set_state(session.id, "eigen", "statements", [{"key": "e1", "text": "We betrekken de wijk vroeg"}])
    author, other = phone(), phone()
    author.join(session.code, "Inwoner")
    other.join(session.code, "Inwoner")
    for key, (answers, _) in OWN.items():
        kit_store.submit(author.token(session.code), key, answers)
    kit_store.set_approve_first(session.id, True)

    for key, (_, path) in OWN.items():
        texts = [t.text for t in texts_of(key, kit_store.answers(session.id, key, everything=True))]
        shown = marks(author.get(f"kit/{session.code}/{path}"))
        assert len(shown) == len(texts) > 0, (key, shown)
        for text in texts:  # each mark sits beside its own text
            assert any(text in line and "wacht op goedkeuring" in line for line in shown), (key, text, shown)
        assert marks(other.get(f"kit/{session.code}/{path}")) == [], key

    for key, path in FORMS.items():
        label = author.get(f"kit/{session.code}/{path}").soup.select_one('label[for="note"]')
        assert label.select("[data-kit-waiting]") and "wacht op goedkeuring" in label.get_text(), key
        assert not other.get(f"kit/{session.code}/{path}").soup.select("[data-kit-waiting]"), key

    for text in texts_of_everything(kit_store, session):
        kit_store.approve_text(session.id, text.key, text.fingerprint)
    for key, (_, path) in OWN.items():
        page = author.get(f"kit/{session.code}/{path}")
        assert marks(page) == [], key
        if key in FORMS:
            assert not author.get(f"kit/{session.code}/{FORMS[key]}").soup.select("[data-kit-waiting]"), key
        assert all(  # the texts themselves are still listed for their author
            t.text in page.text() for t in texts_of(key, kit_store.answers(session.id, key))
        ), key


def texts_of_everything(store, session) -> list:
    return [text for key in OWN for text in texts_of(key, store.answers(session.id, key, everything=True))]
