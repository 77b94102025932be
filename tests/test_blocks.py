"""Result blocks: an activity's results as data (widgets.model.blocks), drawn per surface (widgets.render.blocks)."""

import pytest
from bs4 import BeautifulSoup

from widgets.activities.beoordelen.results import blocks
from widgets.model.answers import Answer
from widgets.model.blocks import Figure, Scale, Scores
from widgets.render.blocks import DASHBOARD, PHONE, REPORT, SCREEN, block_html

from .sessions import a_session

SESSION = a_session(
    ("beoordelen",),
    (("raad", "Raad"), ("maatschappelijk", "Maatschappelijke organisaties"), ("inwoner", "Inwoner")),
    open_activities=("beoordelen",),
    municipality="Utrecht",
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


# ------------------------------------------------------------------ texts
def texts(grid: bool = True):
    from widgets.model.blocks import Entry, Section, Texts

    wonen = Entry("b", "Betaalbaar wonen", 1250, "gedeeld", True, ("x", "y"))
    sections = (
        Section("a", "individueel, materieel", (wonen, Entry("s", "Starters", 2, "Raad", groups=("x",)))),
        Section("b", "individueel, proces", ()),
        Section("c", "collectief, materieel", (Entry("g", "Groen", 1, "Inwoner", groups=("y",)),)),
        Section("d", "collectief, proces", (Entry("n", "Een opmerking zonder telling"),)),
    )
    shape = {"rows": ("Individueel", "Collectief"), "columns": ("Materieel", "Proces")} if grid else {}
    return Texts("palet", "Het palet", sections, empty="Nog niets.", **shape)


def test_texts_are_a_card_per_section_on_a_phone_with_the_count_and_mark_under_each_text():
    phone = BeautifulSoup(block_html(texts(), PHONE, "nl"), "html.parser")
    assert not phone.select("table")
    cards = phone.select(".kit-score-card")
    assert [c["data-kit-section"] for c in cards] == ["a", "c", "d"]  # the empty section left out
    assert [c.select_one(".kit-score-label").get_text() for c in cards][0] == "individueel, materieel"
    shared, starters, own, note = phone.select(".kit-text-entry")
    assert shared.select_one(".kit-text-label").get_text() == "Betaalbaar wonen"
    assert shared.select_one(".kit-text-about").get_text() == "1.250× ★\xa0gedeeld"  # Babel, and the star
    assert shared.select_one("[aria-hidden]").get_text() == "★\xa0" and "kit-text-strong" in shared["class"]
    assert (shared["data-kit-count"], shared["data-kit-groups"]) == ("1250", "x,y")
    assert own.select_one(".kit-text-about").get_text() == "1× Inwoner" and "kit-text-strong" not in own["class"]
    assert note.get_text() == "Een opmerking zonder telling" and not note.has_attr("data-kit-count")


def cells(table) -> list:
    """Per row of a table, its cells' texts."""
    return [[td.get_text() for td in row.select("td")] for row in table.select("tbody tr")]


def test_texts_with_a_grid_are_a_table_per_row_of_it_with_an_entry_a_line_on_every_table_surface():
    for surface in (SCREEN, DASHBOARD, REPORT):
        html = BeautifulSoup(block_html(texts(), surface, "en"), "html.parser")
        assert html.select_one(".kit-block-title").get_text() == "Het palet"
        first, second = html.select("table")
        assert [t.caption.get_text() for t in (first, second)] == ["Individueel", "Collectief"]
        for table in (first, second):
            assert [th.get_text() for th in table.select("thead th[scope=col]")] == ["Materieel", "Proces"]
        # each column a section's entries, most given first; an empty section says so on its first line
        # (the count keeps to the text's last word: never alone at the start of a line)
        assert cells(first) == [["Betaalbaar wonen\xa01,250× ★\xa0gedeeld", "–"], ["Starters\xa02× Raad", ""]]
        assert cells(second) == [["Groen\xa01× Inwoner", "Een opmerking zonder telling"]]
        assert [td["data-kit-section"] for td in first.select("tbody tr")[1].select("td")] == ["a", "b"]
    listed = BeautifulSoup(block_html(texts(grid=False), SCREEN, "nl"), "html.parser")
    assert not listed.select("thead")  # a table per section, captioned with its heading
    assert [t.caption.get_text() for t in listed.select("table")][:2] == [
        "individueel, materieel",
        "individueel, proces",
    ]
    assert [cells(t) for t in listed.select("table")][:2] == [
        [["Betaalbaar wonen\xa01.250× ★\xa0gedeeld"], ["Starters\xa02× Raad"]],
        [["–"]],
    ]


def test_texts_with_nothing_given_say_so_instead_of_an_empty_grid():
    from widgets.model.blocks import Section, Texts

    empty = Texts("palet", "Het palet", (Section("a", "A", ()),), empty="Nog niets.")
    for surface in (PHONE, SCREEN):
        html = BeautifulSoup(block_html(empty, surface, "nl"), "html.parser")
        assert not html.select("table, li") and html.select_one(".kit-block-empty").get_text() == "Nog niets."
    with pytest.raises(ValueError):  # a grid the sections do not fill
        Texts("palet", "Het palet", (Section("a", "A", ()),), rows=("1", "2"), columns=("x",))


# ------------------------------------------------------------------ placements in a triangle
def placements(you: bool = False):
    from widgets.model.blocks import Corner, Group, MeanPlace, Placement, Placements

    groups = (
        Group("raad", "Raad", "#1f77b4"),
        Group("ambtenaar", "Ambtenaar", "#d62728"),
        Group("inw", "Inwoner", "#2ca02c"),
    )
    # five times over: ten council members in two corners, five residents in the middle (the last the viewer), every
    # group at least the disclosure rule's five, so a phone draws what the dashboard does
    points = (Placement("raad", (10, 0, 0)), Placement("raad", (0, 0, 10))) * 5
    points += (Placement("inw", (5, 5, 5)),) * 4 + (Placement("inw", (5, 5, 5), you),)
    means = (
        MeanPlace("raad", "Raad", (50, 0, 50), 10),
        MeanPlace("inw", "Inwoner", (100 / 3, 100 / 3, 100 / 3), 5),
        MeanPlace("*", "Iedereen", (44.4, 11.1, 44.4), 15),
    )
    corners = (Corner("boven", "Boven"), Corner("links", "Links"), Corner("rechts", "Rechts"))
    return Placements(
        "hoeken", "Iedereen in de driehoek", "Groep", corners, groups, points, means, intro="Zwak: links."
    )


def marks(svg, css: str) -> list:
    """``[(element, group, (x, y))]``: a circle's centre, a polygon's (the mean of its vertices)."""
    found = []
    for mark in svg.select(f".{css}"):
        if mark.name == "circle":
            at = (float(mark["cx"]), float(mark["cy"]))
        else:
            vertices = [tuple(map(float, p.split(","))) for p in mark["points"].split()]
            at = (sum(v[0] for v in vertices) / len(vertices), sum(v[1] for v in vertices) / len(vertices))
        found.append((mark.name, mark["data-kit-group"], pytest.approx(at, abs=0.15)))
    return found


def test_placements_draw_each_place_where_its_scores_put_it_in_its_groups_colour_and_shape():
    svg = BeautifulSoup(block_html(placements(), PHONE, "nl"), "html.parser").select_one("svg.kit-triangle")
    # the first corner on top at (150, 28), the second bottom left at (28, 239.3), the third bottom right (272, 239.3):
    # a side of 244 units, 28 in from the edges, the triangle 244 * sqrt(3) / 2 = 211.3 high
    top, right, centre = (150, 28), (272, 28 + 211.3), (150, 28 + 211.3 * 2 / 3)
    # the third group of the block: a triangle, also while the second has no place
    assert (
        marks(svg, "kit-tri-point")
        == [("circle", "raad", top), ("circle", "raad", right)] * 5 + [("polygon", "inw", centre)] * 5
    )
    assert svg.select_one(".kit-tri-point[data-kit-group=inw]")["fill"] == "#2ca02c"
    # the means where their shares put them: the raad's (50 % top, 50 % right) halfway the right side
    means = marks(svg, "kit-tri-mean")
    assert [(name, group) for name, group, _ in means] == [("circle", "raad"), ("polygon", "inw"), ("polygon", "*")]
    assert means[0][2] == ((150 + 272) / 2, (28 + 239.3) / 2)
    assert svg.select_one(".kit-tri-mean[data-kit-group=raad]")["stroke"] == "#000"  # larger, with a black rim
    assert [text.get_text() for text in svg.select("text")] == ["Boven", "Links", "Rechts"]
    assert svg["role"] == "img" and svg["aria-label"].startswith("Iedereen in de driehoek: 15 geplaatst")


def test_placements_legend_names_each_group_with_a_place_and_the_means_never_colour_alone():
    soup = BeautifulSoup(block_html(placements(you=True), PHONE, "nl"), "html.parser")
    legend = soup.select(".kit-triangle-legend li")
    assert [li.get_text(" ", strip=True) for li in legend] == [
        "Raad",
        "Inwoner",  # the Ambtenaar placed nobody: not in the legend
        "groot, zwart omrand: de gemiddelde plek van de groep",
        "Iedereen: de gemiddelde plek",
        "u: uw eigen plek",
    ]
    raad, inwoner = (li.select_one("svg > *") for li in legend[:2])
    assert (raad.name, inwoner.name) == ("circle", "polygon")  # a shape of its own, the same as in the drawing
    assert all(li.select_one("svg")["aria-hidden"] == "true" for li in legend)
    you = soup.select_one("svg.kit-triangle .kit-tri-you")
    assert you.select_one("text").get_text() == "u" and float(you.select_one("circle")["cx"]) == pytest.approx(150)


def test_placements_fold_their_tables_on_a_phone_and_the_screen_and_show_them_beside_on_the_dashboard_and_report():
    for surface in (PHONE, SCREEN):
        soup = BeautifulSoup(block_html(placements(you=True), surface, "nl"), "html.parser")
        details = soup.select_one("details.kit-chart-table")
        assert soup.select_one("svg.kit-triangle")["aria-describedby"] == details.select_one("summary")["id"]
        assert soup.select("table") == details.select("table")  # no table outside the fold-out
        assert len(details.select("table")) == (1 if surface == PHONE else 2)  # a phone: the means as cards
        assert soup.select_one("svg.kit-triangle").get("width") is None  # the stylesheet sizes it to the screen
    for surface, width in ((DASHBOARD, "440"), (REPORT, "400")):
        soup = BeautifulSoup(block_html(placements(), surface, "nl"), "html.parser")
        assert soup.select("details") == [] and soup.select_one("svg.kit-triangle")["width"] == width
        means, points = soup.select("table")
        assert means.caption.get_text().startswith("Gemiddelde plek per groep")
        assert [[c.get_text() for c in tr.select("th, td")] for tr in means.select("tr")] == [
            ["Groep", "Boven", "Links", "Rechts", "Aantal"],
            ["Raad", "50%", "0%", "50%", "10"],
            ["Inwoner", "33%", "33%", "33%", "5"],
            ["Iedereen", "44%", "11%", "44%", "15"],
        ]
        assert points.caption.get_text().startswith("Scores van 0 tot 10 per deelnemer")
        assert [[c.get_text() for c in tr.select("th, td")] for tr in points.select("tbody tr")] == [
            ["Raad", "10", "0", "0"],
            ["Raad", "0", "0", "10"],
        ] * 5 + [["Inwoner", "5", "5", "5"]] * 5
    phone = BeautifulSoup(block_html(placements(you=True), PHONE, "en"), "html.parser")
    groups = phone.select(".kit-placements-points tbody")  # a phone: the scores under their group's name
    assert [[th.get_text() for th in tbody.select("th")] for tbody in groups] == [
        ["Raad", *map(str, range(1, 11))],
        ["Inwoner", "1", "2", "3", "4", "you"],
    ]
    assert phone.select_one(".kit-placements-means li").get_text(" ", strip=True).split() == [
        "Raad",
        "Boven",
        "50%",
        "Links",
        "0%",
        "Rechts",
        "50%",
        "Number",
        "10",
    ]
    assert phone.select_one(".kit-block-scale").get_text() == "Zwak: links."  # the block's finding above it
