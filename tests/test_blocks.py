"""Result blocks: an activity's results as data (widgets.model.blocks), drawn per surface (widgets.render.blocks)."""

from bs4 import BeautifulSoup

from widgets.activities.beoordelen.results import blocks
from widgets.model.answers import Answer
from widgets.model.blocks import Figure, Scale, Scores
from widgets.model.sessions import Group, Session
from widgets.render.blocks import DASHBOARD, PHONE, REPORT, SCREEN, block_html

SESSION = Session(
    id="s",
    code="ABC123",
    title="Woonvisie",
    topic="wonen",
    municipality="Utrecht",
    language="nl",
    activities=("beoordelen",),
    open_activities=("beoordelen",),
    status="open",
    groups=(
        Group("raad", "Raad"),
        Group("maatschappelijk", "Maatschappelijke organisaties"),
        Group("inwoner", "Inwoner"),
    ),
)


def answer(who: str, group: str, item: str, score) -> Answer:
    return Answer("beoordelen", who, group, item, {"score": score, "note": ""})


ONE_OF_FIVE = [
    ("a", "raad", "cijfer", 8),
    ("b", "maatschappelijk", "cijfer", 6),
    ("c", "inwoner", "cijfer", 7.5),
    ("d", "inwoner", "cijfer", 8.5),
    ("a", "raad", "eerlijk", 8),
    ("b", "maatschappelijk", "eerlijk", None),  # weet ik niet
    ("c", "inwoner", "eerlijk", None),
]
# Five people answer as each of a, b, c, d: every group's mean rests on at least five (the disclosure rule's k)
ANSWERS = {"beoordelen": [answer(f"{who}{i}", *rest) for i in range(5) for who, *rest in ONE_OF_FIVE]}


def block(lang: str = "nl") -> Scores:
    (found,) = blocks(ANSWERS, {}, SESSION, lang)
    return found


def test_scores_hold_per_item_each_group_and_the_room_with_dont_know_counted_apart():
    scores = block()
    assert [g.key for g in scores.groups] == ["raad", "maatschappelijk", "inwoner"]
    assert (scores.scale.low, scores.scale.high, scores.scale.unit) == (1, 10, "")
    grade, fair = scores.items[0], scores.items[1]
    assert (grade.key, grade.label, fair.label, fair.short_label) == ("cijfer", "Rapportcijfer", "Eerlijk", "Eerlijk")
    assert grade.groups == (Figure(8, 5, 0), Figure(6, 5, 0), Figure(8, 10, 0)) and grade.room == Figure(7.5, 20, 0)
    assert fair.groups == (Figure(8, 5, 0), Figure(None, 0, 5), Figure(None, 0, 5)) and fair.room == Figure(8, 5, 10)


def test_the_disclosure_rule_lets_a_mean_through_only_where_enough_people_make_it_up():
    assert Figure(None, 0).shown and not Figure(8, 1).shown and not Figure(8, 4).shown and Figure(8, 5).shown
    assert Figure.of([6, 8, 7], dont_know=1) == Figure(7, 3, 1)


def test_bars_start_at_zero_so_their_lengths_are_proportional():
    scale = Scale(1, 10)
    assert (scale.share(8), scale.share(4), scale.share(12)) == (0.8, 0.4, 1.0)


def bars(html) -> list:
    """``[(value, track width, fill width)]`` of every bar."""
    soup = BeautifulSoup(str(html), "html.parser")
    return [
        (float(svg["data-kit-value"]), svg["width"], float(svg.select("rect")[-1]["width"]))
        for svg in soup.select("svg.kit-block-bar")
    ]


def test_a_phone_gets_a_card_per_item_with_a_line_per_group_never_a_table():
    soup = BeautifulSoup(str(block_html(block(), PHONE, "nl")), "html.parser")
    assert soup.select("table") == []
    card = soup.select_one('[data-kit-item="cijfer"]')
    assert card.select_one(".kit-score-label").get_text() == "Rapportcijfer"
    lines = [" ".join(li.get_text(" ").split()) for li in card.select(".kit-score-line")]
    assert lines == ["Raad 8,0", "Maatschappelijke organisaties 6,0", "Inwoner 8,0"]
    assert "Gemiddelde per groep, schaal 1 tot 10" in soup.get_text()


def test_every_surface_draws_each_bar_in_the_same_track_at_its_value():
    for surface in (PHONE, SCREEN, DASHBOARD, REPORT):
        drawn = bars(block_html(block(), surface, "nl"))
        assert [v for v, _, _ in drawn] == [8, 6, 8, 8]
        assert len({track for _, track, _ in drawn}) == 1  # one track width on the surface
        assert all(fill == value * 10 for value, _, fill in drawn)  # of the track's 100 units


def test_the_tables_read_aloud_with_caption_and_headers_and_hide_the_bars():
    for surface in (SCREEN, DASHBOARD, REPORT):
        soup = BeautifulSoup(str(block_html(block("en"), surface, "en")), "html.parser")
        table = soup.select_one("table")
        assert table.caption.get_text(" ", strip=True) == "The group's results Mean per group, scale 1 to 10"
        assert [th["scope"] for th in table.select("thead th")] == ["col"] * 4
        assert [th.get_text() for th in table.select("tbody th[scope=row]")][:2] == ["Overall grade", "Fair"]
        assert all(svg["aria-hidden"] == "true" for svg in table.select("svg"))
        assert " ".join(table.select_one('tr[data-kit-item="cijfer"]').get_text(" ").split()) == (
            "Overall grade 8.0 6.0 8.0"
        )
    screen = BeautifulSoup(str(block_html(block(), SCREEN, "nl")), "html.parser")
    assert screen.select_one('tr[data-kit-item="financieel"] th').get_text() == "Financiële kosten"  # short


# ------------------------------------------------------------------ rankings, shares and facts
def ranking():
    from widgets.model.blocks import Group, RankedItem, Ranking

    groups = (Group("raad", "Raad", "#1f77b4"), Group("inwoner", "Inwoner", "#d62728"))
    items = (
        RankedItem("betaalbaar", "Betaalbaar wonen", 1250, (Figure(500, 5), Figure(750, 6)), "genoemd door 3"),
        RankedItem("groen", "Groen", 625, (Figure(625, 5), Figure(None)), "genoemd door 1"),
    )
    return Ranking("prioriteren", "Punten per waarde", "Waarde", "Punten", Scale(0, 1250), groups, items)


def shares():
    from widgets.model.blocks import Category, SharedItem, Shares, Split

    categories = (Category("eens", "Eens", "#1d4f91"), Category("oneens", "Oneens", "#6b2a0c"))
    lines = (Split("boek", "Boek", (60, None), 210), Split("*", "Iedereen", (75, 25), 8, 1, strong=True))
    items = (SharedItem("s1", "1. Stelling", lines),)
    return Shares("raad", "Stellingen", "Wie", categories, items, dont_know="Weet niet")


def facts():
    from widgets.model.blocks import Column, Facts, Row

    columns = (Column("n", "Aantal"), Column("gap", "Verschil", signed=True), Column("share", "Aandeel", unit="%"))
    rows = (Row("raad", "Raad", (3, 1.5, 17.14)), Row("*", "Iedereen", (1250, -0.5, None), strong=True))
    return Facts("trap", "Nu en straks", "Groep", columns, rows)


def test_a_ranking_writes_whole_points_in_dutch_and_scales_every_bar_to_the_highest_total():
    phone = BeautifulSoup(block_html(ranking(), PHONE, "nl"), "html.parser")
    cards = phone.select(".kit-score-card")
    # the place stays with the label's first word: never a number alone on a line
    assert [c.select_one(".kit-score-label").get_text() for c in cards] == ["1.\xa0Betaalbaar wonen", "2.\xa0Groen"]
    first = [line.get_text(" ", strip=True) for line in cards[0].select(".kit-score-line")]
    assert first == ["Punten 1.250", "Raad 500", "Inwoner 750"]
    fills = [float(r["width"]) for r in phone.select(".kit-block-fill")]
    assert fills == [100.0, 40.0, 60.0, 50.0, 50.0]  # Groen: 625 of 1250 in total and for Raad; Inwoner none
    table = BeautifulSoup(block_html(ranking(), SCREEN, "en"), "html.parser")
    assert [td.get_text() for td in table.select("tbody tr")[0].select("td")][:3] == ["1,250", "500", "750"]


def test_shares_show_each_line_as_a_bar_of_a_hundred_and_write_out_the_percentages():
    phone = BeautifulSoup(block_html(shares(), PHONE, "nl"), "html.parser")
    assert not phone.select("table")
    book, room = phone.select(".kit-score-line")
    assert book.get_text(" ", strip=True).replace("\xa0", " ") == "Boek N 210 Eens 60% Oneens –"  # not printed
    assert room.get_text(" ", strip=True).replace("\xa0", " ") == "Iedereen N 8 Eens 75% Oneens 25% Weet niet 1"
    parts = [(float(r["x"]), float(r["width"])) for r in room.select(".kit-block-part")]
    assert parts == [(0, 75), (75, 25)]
    table = BeautifulSoup(block_html(shares(), REPORT, "nl"), "html.parser")
    assert table.select_one("caption").get_text() == "1. Stelling"
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Wie", "Eens", "Oneens", "N", "Weet niet"]
    assert all(svg["aria-hidden"] == "true" for svg in table.select("svg"))


def test_facts_become_a_card_per_row_on_a_phone_with_units_and_signed_differences():
    phone = BeautifulSoup(block_html(facts(), PHONE, "nl"), "html.parser")
    assert not phone.select("table")
    raad, room = phone.select(".kit-score-card")
    assert [(dt.get_text(), dd.get_text()) for dt, dd in zip(raad.select("dt"), raad.select("dd"), strict=True)] == [
        ("Aantal", "3"),
        ("Verschil", "+1,5"),
        ("Aandeel", "17,1%"),
    ]
    assert [dd.get_text() for dd in room.select("dd")] == ["1.250", "-0,5", "–"]
    table = BeautifulSoup(block_html(facts(), DASHBOARD, "en"), "html.parser")
    assert [td.get_text() for td in table.select("tbody tr")[1].select("td")] == ["1,250", "-0.5", "–"]
