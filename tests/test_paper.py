"""The paper fallback: a printed sheet per activity, a template to type the sheets into, and its import.

Answers typed in from paper count exactly as the same answers from phones: the same aggregates,
the same participants per group; a bad cell is refused with its row and nothing is stored.
"""

import io
import subprocess

import pytest
from openpyxl import load_workbook

from widgets.activities.beoordelen.model import OVERALL, STATEMENTS, summarize
from widgets.activities.driehoek.model import CORNERS, centroid, placements, position
from widgets.activities.palet.model import VALID_CELLS, merge_palette
from widgets.activities.prioriteren.model import rank, spreadable_values
from widgets.i18n import error_message
from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError
from widgets.report.paper import columns, import_paper, template_csv, template_xlsx
from widgets.report.paper_sheet import sheet_pdf
from widgets.report.transfer import export_session
from widgets.texts import statements

SPEC = dict(title="Woonvisie 2030", topic="wonen", municipality="Gouda")
CELL_WORDS = {
    "individueel.materieel": "individueel, materieel",
    "collectief.materieel": "collectief, materieel",
    "collectief.proces": "Collectief, proces",
}  # as typed: capitals do not matter
# Four people: what each answered, on a phone in one session and on paper in the other.
PEOPLE = [
    {
        "group": "inwoner",
        "label": "Inwoner",
        "palet": [("Betaalbaarheid", "individueel.materieel"), ("Groen", "collectief.materieel")],
        "points": {"betaalbaarheid": 60, "groen": 40},
        "grade": 6.5,
        "note": "Te weinig sociale huur",
        "scores": [7, None, 5, 6, 8, 4, 3, 5, 6],
        "place": {"willen": 8, "mogen": 5, "kunnen": 3},
        "tensions": {"willen-mogen": (4, "Raad wil sneller")},
        "routes": {"willen-kunnen": "a"},
    },
    {
        "group": "inwoner",
        "label": " inwoner ",
        "palet": [("betaalbaarheid ", "individueel.materieel"), ("Inspraak", "collectief.proces")],
        "points": {"betaalbaarheid": 100},
        "grade": 5,
        "note": "",
        "scores": [4, 5, 6, 7, 8, 9, 10, 1, 2],
        "place": {"willen": 2, "mogen": 6, "kunnen": 6},
        "tensions": {"mogen-kunnen": (2, "")},
        "routes": {"willen-mogen": "b", "mogen-kunnen": "a"},
    },
    {
        "group": "ambtelijk",
        "label": "AMBTELIJK",
        "palet": [("Groen", "collectief.materieel")],
        "points": {"groen": 30, "inspraak": 70},
        "grade": 8,
        "note": "",
        "scores": [None] * 9,
        "place": {"willen": 5, "mogen": 5, "kunnen": 0},
        "tensions": {},
        "routes": {},
    },
    {
        "group": "bestuurlijk-politiek",
        "label": "Bestuurlijk-politiek",
        "palet": [("Inspraak", "collectief.proces")],
        "points": {"betaalbaarheid": 25, "groen": 25, "inspraak": 50},
        "grade": 7.5,
        "note": "Goed op weg",
        "scores": [8, 8, 8, 8, 8, 8, 8, 8, 8],
        "place": {"willen": 9, "mogen": 9, "kunnen": 9},
        "tensions": {"willen-mogen": (1, ""), "willen-kunnen": (5, "Te weinig mensen")},
        "routes": {},
    },
]


def new_session(store):
    session, _ = store.create_session(SessionSpec(**SPEC))
    store.set_open_activities(session.id, session.activities)
    return session


def answer_live(store, session):
    for person in PEOPLE:
        token = store.join(session.code, person["group"]).token
        store.submit(
            token,
            "palet",
            {f"v{i}": {"text": text.strip(), "cell": cell} for i, (text, cell) in enumerate(person["palet"])},
        )
        store.submit(token, "prioriteren", {"verdeling": person["points"]})
        rating = {OVERALL: {"score": person["grade"], "note": person["note"]}}
        rating.update(
            {key: {"score": score, "note": ""} for key, score in zip(STATEMENTS, person["scores"], strict=True)}
        )
        store.submit(token, "beoordelen", rating)
        triangle = {"plaats": person["place"]}
        triangle.update(
            {f"spanning.{axis}": {"severity": s, "note": note} for axis, (s, note) in person["tensions"].items()}
        )
        triangle.update({f"route.{axis}": {"route": route} for axis, route in person["routes"].items()})
        store.submit(token, "driehoek", triangle)


def typed_rows(activity):
    """What the facilitator types from the four paper sheets, by field name (sheet numbers 1-4)."""
    rows = []
    for number, person in enumerate(PEOPLE, start=1):
        row = {"groep": person["label"], "blad": number}
        if activity == "palet":
            rows += [dict(row, vak=CELL_WORDS[cell], waarde=text) for text, cell in person["palet"]]
            continue
        if activity == "prioriteren":
            row.update(person["points"])
        elif activity == "beoordelen":
            row.update({OVERALL: str(person["grade"]).replace(".", ","), "toelichting": person["note"]})
            dont_know = "?" if number == 3 else "Weet ik niet"  # the box ticked on the sheet
            row.update(
                {
                    key: dont_know if score is None else score
                    for key, score in zip(STATEMENTS, person["scores"], strict=True)
                }
            )
        else:
            row.update(person["place"])
            for axis, (severity, note) in person["tensions"].items():
                row.update({f"spanning.{axis}": severity, f"note.{axis}": note})
            row.update({f"route.{axis}": route.upper() for axis, route in person["routes"].items()})
        rows.append(row)
    return rows


def filled_xlsx(store, session, activity, rows) -> bytes:
    """The template the kit made for this session, with ``rows`` typed in (as Excel would save it)."""
    data = export_session(store, session.id)
    book = load_workbook(io.BytesIO(template_xlsx(data, activity, "nl")))
    sheet = book.worksheets[0]
    names = [name for name, _ in columns(data, activity, "nl")]
    assert [c.value for c in sheet[1]] == [heading for _, heading in columns(data, activity, "nl")]
    assert sheet.max_row == 1 and sheet.freeze_panes == "A2"  # an empty table under a frozen header
    for row in rows:
        sheet.append([row.get(name) for name in names])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def aggregates(store, session):
    answers = {a: store.answers(session.id, a) for a in session.activities}
    grid = merge_palette(answers["palet"])
    summaries = summarize(answers["beoordelen"])
    placed = placements(answers["driehoek"])
    keys = [key for key, *_ in spreadable_values(answers["palet"])]
    by_group = {}
    for _, group, scores in placed:
        by_group.setdefault(group, []).append(scores)
    return {
        "palette": {cell: [(m.key, m.label, m.count, sorted(m.groups)) for m in grid[cell]] for cell in VALID_CELLS},
        "ranking": [(r.key, r.points, r.by_group, r.participants) for r in rank(answers["prioriteren"], keys)],
        "rating": {k: (s.group_means, s.dont_know, sorted(s.notes)) for k, s in summaries.items()},
        "centroids": {
            g: tuple(round(x, 9) for x in centroid([position(s) for s in scores])) for g, scores in by_group.items()
        },
        "levels": {g: {c: sum(s[c] for s in scores) / len(scores) for c in CORNERS} for g, scores in by_group.items()},
        "tensions": sorted(
            (a.group, a.item, a.value["severity"], a.value["note"])
            for a in answers["driehoek"]
            if a.item.startswith("spanning.")
        ),
        "routes": sorted(
            (a.group, a.item, a.value["route"]) for a in answers["driehoek"] if a.item.startswith("route.")
        ),
        "counts": store.participant_counts(session.id),
    }


def test_paper_sheets_typed_in_give_the_same_results_as_phones(store):
    live, on_paper = new_session(store), new_session(store)
    answer_live(store, live)
    for activity in ("palet", "prioriteren", "beoordelen", "driehoek"):  # the template knows the palette's values
        counts = import_paper(
            store, on_paper.id, f"{activity}.xlsx", filled_xlsx(store, on_paper, activity, typed_rows(activity))
        )
        assert counts["answers"] > 0
    expected, got = aggregates(store, live), aggregates(store, on_paper)
    assert got == expected
    assert got["counts"] == {"inwoner": 2, "ambtelijk": 1, "bestuurlijk-politiek": 1}
    assert {p["ref"] for p in export_session(store, on_paper.id)["participants"]} == {
        "papier-1",
        "papier-2",
        "papier-3",
        "papier-4",
    }  # one person per sheet number, in every activity


def test_the_same_file_twice_adds_nothing_and_a_corrected_row_replaces_its_answer(store):
    session = new_session(store)
    rows = typed_rows("beoordelen")
    payload = filled_xlsx(store, session, "beoordelen", rows)
    first = import_paper(store, session.id, "beoordelen.xlsx", payload)
    assert first["participants"] == 4 and first["answers"] == 40
    assert import_paper(store, session.id, "beoordelen.xlsx", payload) == {"groups": 0, "participants": 0, "answers": 0}
    rows[0][OVERALL] = 9
    again = import_paper(store, session.id, "beoordelen.xlsx", filled_xlsx(store, session, "beoordelen", rows))
    assert again == {"groups": 0, "participants": 0, "answers": 1}
    grades = {a.participant: a.value["score"] for a in store.answers(session.id, "beoordelen") if a.item == OVERALL}
    assert grades["papier-1"] == 9 and len(grades) == 4
    assert store.history_count(session.id) == 1  # the 6,5 it replaced is kept


def test_an_empty_box_is_no_answer_and_a_ticked_weet_ik_niet_is(store):
    session = new_session(store)
    data = export_session(store, session.id)
    header = template_csv(data, "beoordelen", "nl").decode("utf-8-sig").strip().split(";")
    row = {"Groep": "Inwoner", "Blad": "5", "Rapportcijfer": "6,5", header[3]: "?", header[4]: "8"}
    line = ";".join(row.get(name, "") for name in header)
    import_paper(store, session.id, "beoordelen.csv", (";".join(header) + "\n" + line + "\n").encode("utf-8-sig"))
    mine = {a.item: a.value["score"] for a in store.answers(session.id, "beoordelen")}
    assert mine == {OVERALL: 6.5, STATEMENTS[0]: None, STATEMENTS[1]: 8}  # the seven empty boxes: not answered


def test_the_csv_template_is_for_dutch_excel_and_imports_too(store):
    session = new_session(store)
    data = export_session(store, session.id)
    template = template_csv(data, "driehoek", "nl")
    assert template.startswith("\ufeff".encode()) and template.decode("utf-8-sig").startswith("Groep;Blad;Willen;")
    filled = template + b"Ambtelijk;7;6;4;2;3;Geen geld;;;;;;b;\r\n"
    assert import_paper(store, session.id, "driehoek.csv", filled)["answers"] == 3
    mine = {a.item: a.value for a in store.answers(session.id, "driehoek")}
    assert mine == {
        "plaats": {"willen": 6, "mogen": 4, "kunnen": 2},
        "spanning.willen-mogen": {"severity": 3, "note": "Geen geld"},
        "route.mogen-kunnen": {"route": "b"},
    }


@pytest.mark.parametrize(
    "activity, bad, message",
    [
        (
            "beoordelen",
            {OVERALL: 11},
            "Rij 3 van het bestand (Beoordelen, Rapportcijfer) is niet ingelezen: "
            "Een rapportcijfer is een getal van 1 tot en met 10",
        ),
        (
            "beoordelen",
            {"groep": "Marsmannetjes"},
            "Rij 3 van het bestand (Beoordelen, Groep) is niet ingelezen: "
            "‘Marsmannetjes’ is geen groep van deze sessie",
        ),
        (
            "prioriteren",
            {"betaalbaarheid": 50, "groen": 40},
            "Rij 3 van het bestand (Prioriteren, Punten) is niet ingelezen: U heeft 90 van de 100 punten verdeeld.",
        ),
        (
            "driehoek",
            {"blad": 1},
            "Rij 3 van het bestand (Strategische driehoek, Blad) is niet ingelezen: Blad 1 staat al in rij 2.",
        ),
        (
            "palet",
            {"vak": "ergens"},
            "Rij 3 van het bestand (Waardenpalet, Vak) is niet ingelezen: Kies een vak voor deze waarde.",
        ),
    ],
)
def test_a_bad_row_is_refused_with_its_number_in_dutch_and_nothing_is_stored(store, activity, bad, message):
    session = new_session(store)
    live = store.join(session.code, "inwoner").token  # the palette's values, for prioriteren's columns
    store.submit(
        live,
        "palet",
        {
            "a": {"text": "Betaalbaarheid", "cell": "individueel.materieel"},
            "b": {"text": "Groen", "cell": "collectief.materieel"},
        },
    )
    before = (store.answers(session.id), store.participant_counts(session.id))
    rows = typed_rows(activity)[:2]
    rows[1] = dict(rows[1], **bad)
    with pytest.raises(InputError) as caught:
        import_paper(store, session.id, f"{activity}.xlsx", filled_xlsx(store, session, activity, rows))
    text = error_message(caught.value, "nl")
    assert text.startswith(message) and text.endswith("Er is niets toegevoegd.")
    assert (store.answers(session.id), store.participant_counts(session.id)) == before


def test_a_table_is_read_as_the_sheet_whose_headings_it_has(store):
    session, _ = store.create_session(SessionSpec(**SPEC, activities=("beoordelen", "raadsenquete")))
    data = export_session(store, session.id)
    filled = template_csv(data, "beoordelen", "nl") + b"Inwoner;1;7\r\n"
    assert import_paper(store, session.id, "beoordelen.csv", filled)["answers"] == 1
    filled = template_csv(data, "raadsenquete", "nl") + b"Inwoner;2;eens\r\n"
    assert import_paper(store, session.id, "raadsenquete.csv", filled)["answers"] == 1
    assert {a.activity: a.participant for a in store.answers(session.id)} == {
        "beoordelen": "papier-1",
        "raadsenquete": "papier-2",
    }


def test_another_file_or_a_foreign_table_is_refused_in_dutch(store):
    session = new_session(store)
    with pytest.raises(InputError) as caught:
        import_paper(store, session.id, "bladen.pdf", b"%PDF-1.7")
    assert "een .xlsx- of .csv-bestand" in error_message(caught.value, "nl")
    with pytest.raises(InputError) as caught:
        import_paper(store, session.id, "x.csv", b"Groep;Blad;Schoenmaat\r\nInwoner;1;43\r\n")
    assert "De kolom ‘Schoenmaat’ hoort niet bij het invulblad" in error_message(caught.value, "nl")
    assert store.participant_counts(session.id) == {}


def test_each_sheet_prints_on_a4_with_the_code_the_statements_and_the_groups(sqlite_store, tmp_path):
    session = new_session(sqlite_store)
    data = export_session(sqlite_store, session.id)
    for activity in session.activities:
        pdf = tmp_path / f"{activity}.pdf"
        pdf.write_bytes(sheet_pdf(data, activity, "nl"))
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "(A4)" in info
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        assert pages <= (2 if activity == "palet" else 1)
        text = " ".join(
            subprocess.run(
                ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout.split()
        )
        assert session.code in text and "Blad nr." in text
        assert all(group.label in text for group in session.groups)
        if activity == "beoordelen":
            assert all(s["short"] in text for s in statements(session, "nl").values())
