"""The new lesson exercises in Chromium: charts drawn from the datasets, sorting, the team survey."""

import csv

from .browser import chart_data
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
