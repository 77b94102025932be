"""The new lesson exercises in Chromium: charts drawn from the datasets, sorting, the team survey."""

import csv

from .browser import chart_data, text_box
from .kit_server import REPO

WIDGET_TIMEOUT = 60_000


def dataset_rows(name):
    with open(REPO / "datasets" / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def test_policy_infarct_lesson_draws_indexed_series_and_checks_the_triage(kit, watched):
    page = watched().new_page()
    page.goto(kit.render_url("lessons/12-beleidsinfarct-meer-beter-anders.ipynb"))
    page.wait_for_selector(".kit-sort select", timeout=WIDGET_TIMEOUT)
    page.wait_for_function("() => window.Bokeh && Bokeh.documents.length > 0", timeout=WIDGET_TIMEOUT)
    lines = {name: data for name, data in chart_data(page).items() if name.startswith("lines-")}
    series = {row["series_nl"] for row in dataset_rows("beleidsinfarct_reeksen.csv")}
    assert len(lines) == len(series)
    assert all(round(data["y"][0], 6) == 100 for data in lines.values())  # every series starts at its index 100

    situations = dataset_rows("meer_beter_anders.csv")
    first = page.locator(".kit-sort p").first.inner_text()
    right = next(row["approach_nl"] for row in situations if row["situation_nl"] == first)
    page.locator(".kit-sort select").first.select_option(label=right)
    page.locator(".kit-sort button", has_text="Controleer").click()
    feedback = page.locator(".kit-sort .kit-message").inner_text(timeout=10_000)
    assert f"1 van de {len(situations)} goed." in feedback
    assert f"✓ Goed: {first} → {right}" in feedback


def test_village_deals_team_survey_refuses_no_answers_then_compares(kit, watched):
    page = watched().new_page()
    page.goto(kit.render_url("lessons/11-village-deals.ipynb", "lang=en"))
    survey = page.locator(".kit-survey-compare")
    survey.wait_for(timeout=WIDGET_TIMEOUT)
    rows = dataset_rows("village_deals_raadsenquete.csv")
    page.wait_for_function("() => window.Bokeh && Bokeh.documents.length > 0", timeout=WIDGET_TIMEOUT)
    stacked = chart_data(page)["stacked"]
    assert stacked["p0"] == [float(row["eens"]) for row in rows]  # agree shares as the council survey printed them

    survey.get_by_role("button", name="Compare").click()
    assert "First fill in, for at least one statement" in survey.locator(".kit-message").inner_text(timeout=10_000)
    assert "Our team" not in survey.inner_text()
    numbers = survey.locator("input[type=number]")
    numbers.nth(0).fill("3")
    numbers.nth(0).press("Tab")
    numbers.nth(2).fill("1")
    numbers.nth(2).press("Tab")
    survey.get_by_role("button", name="Compare").click()
    table = survey.locator("table.kit-survey")
    table.wait_for(timeout=10_000)
    assert "Our team" in table.inner_text() and "75%" in table.inner_text()
    assert f"Survey (n={rows[0]['n']})" in table.inner_text()


def test_signal_word_analyser_counts_a_pasted_text_and_refuses_an_empty_one(kit, watched):
    page = watched().new_page()
    page.goto(kit.render_url("lessons/09-sturen-in-3d.ipynb"))
    analyser = page.locator(".kit-signal-words")
    analyser.wait_for(timeout=WIDGET_TIMEOUT)
    box = analyser.locator("textarea")
    box.fill("   ")
    analyser.get_by_role("button", name="Analyseer").click()
    assert "Plak eerst een tekst" in analyser.locator(".kit-message").inner_text(timeout=10_000)

    # by hand from Bijlage C: vrijwilliger(s) x2 and maatwerk are SR, meten and resultaat are NPM
    box.fill("Vrijwilligers en vrijwilligers zorgen voor maatwerk; wij meten het resultaat. <script>x</script>")
    analyser.get_by_role("button", name="Analyseer").click()
    table = analyser.locator("table.kit-signal")
    table.wait_for(timeout=10_000)
    rows = {
        row.locator("th").inner_text(): row.locator("td").all_inner_texts() for row in table.locator("tr").all()[1:]
    }
    assert rows["Participerende overheid (SR)"][:2] == ["3", "60,0%"]
    assert rows["Presterende overheid (NPM)"][:2] == ["2", "40,0%"]
    assert rows["Rechtmatige overheid (PA)"][:2] == ["0", "0,0%"]
    assert "Maar 5 signaalwoorden gevonden" in analyser.inner_text()
    assert "van de 49 gemeenten" in rows["Participerende overheid (SR)"][3]


# What a learner sees of lesson 01's palette exercise: the value's labels one width, so the choices stand in one
# column (on a phone each label above its choice); every label whole, nothing wider than the page.
CLASSIFY_ROWS = """() => Array.from(document.querySelectorAll('.kit-classify .widget-dropdown')).map((row) => {
  const label = row.querySelector('.widget-label'), select = row.querySelector('select');
  const l = label.getBoundingClientRect(), s = select.getBoundingClientRect();
  return {label: label.textContent, labelRight: l.right, labelBottom: l.bottom, selectLeft: s.left,
    selectTop: s.top, selectRight: s.right, clipped: label.scrollWidth > label.clientWidth + 1
      || label.scrollHeight > label.clientHeight + 1};
})"""


def test_lesson_01_aligns_its_choices_and_scores_nothing_before_a_choice(kit, watched):
    page = watched(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(kit.render_url("lessons/01-wat-is-publieke-waarde.ipynb"))
    page.wait_for_selector(".kit-classify select", timeout=WIDGET_TIMEOUT)
    rows = page.evaluate(CLASSIFY_ROWS)
    assert len(rows) == 5 and not any(r["clipped"] for r in rows), rows
    assert max(r["selectLeft"] for r in rows) - min(r["selectLeft"] for r in rows) < 1, rows  # one column
    assert all(r["labelRight"] <= r["selectLeft"] for r in rows)

    exercise = page.locator(".kit-classify")
    exercise.get_by_role("button", name="Controleer").click()
    message = exercise.locator(".kit-message").inner_text(timeout=10_000)
    assert message == "Kies eerst bij elke waarde een vak." and "goed" not in exercise.inner_text()
    exercise.locator("select").first.select_option(index=1)
    exercise.get_by_role("button", name="Controleer").click()
    page.wait_for_function("() => /van de 5 goed/.test(document.querySelector('.kit-classify').innerText)")
    # the trainer's notes (the common mistakes, so answers) come after the exercise, not before it
    trainer = page.get_by_role("heading", name="Voor de trainer").bounding_box()
    assert trainer["y"] > exercise.bounding_box()["y"] + exercise.bounding_box()["height"]

    page.set_viewport_size({"width": 320, "height": 700})
    page.wait_for_timeout(300)
    rows = page.evaluate(CLASSIFY_ROWS)
    assert not any(r["clipped"] for r in rows), rows
    assert all(r["labelBottom"] <= r["selectTop"] + 1 and r["selectRight"] <= 320 for r in rows), rows


# The triangle lesson's chart: the outline and the box of the label beside the learner's placement, in the SVG's units.
PLACED = """() => {
  const svg = document.querySelector('.kit-lesson svg.kit-triangle');
  const outline = svg.querySelector('polygon').getAttribute('points').trim().split(/\\s+/)
    .map((p) => p.split(',').map(Number));
  const b = svg.querySelector('.kit-tri-you-label').getBBox();
  return {outline, box: [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]],
    corners: Array.from(svg.querySelectorAll(':scope > text')).map((t) => t.textContent)};
}"""


def set_slider(slider, value: int) -> None:
    """Type ``value`` in an ipywidgets slider's readout, as a learner can."""
    readout = slider.locator(".widget-readout")
    readout.click()
    readout.press("Control+a")
    readout.type(str(value))
    readout.press("Enter")


def test_lesson_04_in_english_names_the_corners_in_english_and_its_label_keeps_off_the_edge(kit, watched):
    from .test_triangle_labels import crosses

    page = watched(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(kit.render_url("lessons/04-strategische-driehoek.ipynb", "lang=en"))
    case = page.locator(".kit-lesson").first
    case.locator(".widget-hslider").first.wait_for(timeout=WIDGET_TIMEOUT)
    sliders = case.locator(".widget-hslider")
    assert sliders.locator(".widget-label").all_inner_texts() == [
        "Wanting (willen)",
        "Being allowed (mogen)",
        "Being able (kunnen)",
    ]
    starts = [s.locator(".slider-container").bounding_box()["x"] for s in sliders.all()]
    assert max(starts) - min(starts) < 1, starts  # the three sliders start in one column
    summary = case.locator(".widget-html p").first  # the case as the book sketches it, a paragraph of five lines
    spacing = text_box(summary)
    assert spacing["line"] <= 1.6 * spacing["size"], spacing  # spaced as text, not ipywidgets' 28 px rows

    for place in ((5, 5, 0), (0, 6, 4), (10, 0, 0)):  # on the bottom-left edge, on the base, in the top corner
        for slider, value in zip(sliders.all(), place, strict=True):
            set_slider(slider, value)
        case.get_by_role("button", name="Place the municipality").click()
        page.wait_for_function(
            "(t) => document.querySelector('.kit-lesson svg.kit-triangle title')?.textContent.includes(t)",
            arg="wanting {}, being allowed {}, being able {}".format(*place),
        )
        drawn = page.evaluate(PLACED)
        assert drawn["corners"] == ["wanting", "being allowed", "being able"]
        outline, box = drawn["outline"], drawn["box"]
        edges = list(zip(outline, outline[1:] + outline[:1], strict=True))
        sides = list(zip(box, box[1:] + box[:1], strict=True))
        assert not any(crosses(*e, *s) for e in edges for s in sides), (place, drawn)
