"""Readable exports: a griffier opens the CSV and the workbook as is, in the session's language, on both backends."""

import csv
import datetime
import io
import json
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from widgets.activities import ACTIVITIES
from widgets.i18n import error_message, t
from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError
from widgets.report.exports import COLUMNS, csv_bytes, xlsx_bytes
from widgets.report.exports import main as exports_main
from widgets.report.transfer import export_session
from widgets.store.cells import FORMULA_STARTS

HOSTILE = ['=HYPERLINK("http://x","y")', "+1", "@SUM(A1)", "-2+3"]
BOM = b"\xef\xbb\xbf"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DUTCH_HEADER = [
    "Groep",
    "Deelnemer",
    "Activiteit",
    "Onderdeel",
    "Score",
    "Antwoord",
    "Vak in het palet",
    "Toelichting",
    "Datum en tijd",
    "Moderatie",
]
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def workshop(store, lang="nl"):
    """A session with all four activities: three participants, a half grade, a 'weet ik niet', hostile words."""
    session, _ = store.create_session(
        SessionSpec(
            title="Woonvisie 2030",
            topic="wonen",
            municipality="Gouda",
            language=lang,
            groups=tuple(t("facilitator.default_groups", lang).split("\n")),
        )
    )
    for activity in ("palet", "prioriteren", "beoordelen", "driehoek"):
        store.set_activity_open(session.id, activity, True)
    groups = [g.key for g in session.groups]
    people = [store.join(session.code, g) for g in (groups[1], groups[3], groups[3])]
    for i, p in enumerate(people):
        store.submit(
            p.token,
            "palet",
            {
                "v": {"text": ["Betaalbaarheid", "betaalbaarheid", "Groen"][i], "cell": "individueel.materieel"},
                "x": {"text": HOSTILE[i], "cell": "collectief.proces"},
            },
        )
        store.submit(p.token, "prioriteren", {"verdeling": {"betaalbaarheid": 70, "groen": 30}})
        store.submit(
            p.token,
            "beoordelen",
            {
                "cijfer": {"score": 6.5 + i, "note": ""},
                "eerlijk": {"score": None if i == 2 else 4 + i, "note": HOSTILE[3]},
            },
        )
        store.submit(
            p.token,
            "driehoek",
            {
                "plaats": {"willen": 8, "mogen": 5 - i, "kunnen": 2 + i},
                "spanning.willen-mogen": {"severity": 3 + i, "note": "Raad wil sneller"},
                "route.willen-kunnen": {"route": "a"},
            },
        )
    return export_session(store, session.id)


def read_csv(content: bytes, delimiter: str) -> list:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


def local(stamp) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(float(stamp), AMSTERDAM)


def grade_answer(data, score):
    return next(a for a in data["answers"] if a["item"] == "cijfer" and a["value"]["score"] == score)


def test_the_dutch_csv_opens_in_dutch_excel_with_readable_rows(store, monkeypatch):
    monkeypatch.delenv("KIT_TIMEZONE", raising=False)
    data = workshop(store)
    content = csv_bytes(data)
    assert content.startswith(BOM)
    header, *rows = read_csv(content, ";")
    assert header == DUTCH_HEADER
    by = {name: i for i, name in enumerate(COLUMNS)}
    grade = next(r for r in rows if r[by["item"]] == "Rapportcijfer" and r[by["score"]] == "6,5")
    answer = grade_answer(data, 6.5)
    assert grade[by["participant"]] == answer["participant"] and grade[by["group"]] == "Ambtelijk"
    assert grade[by["activity"]] == "Beoordelen"
    assert grade[by["time"]] == local(answer["updated_at"]).strftime("%d-%m-%Y %H:%M")
    # a place is three rows, a spread one row per value, a route and 'weet ik niet' in words
    ref = grade[by["participant"]]
    mine = [r for r in rows if r[by["participant"]] == ref]
    assert [(r[by["item"]], r[by["score"]]) for r in mine if r[by["item"]].startswith("Plaats")] == [
        ("Plaats: willen", "8"),
        ("Plaats: mogen", "5"),
        ("Plaats: kunnen", "2"),
    ]
    assert [(r[by["score"]], r[by["value"]]) for r in mine if r[by["activity"]] == "Prioriteren"] == [
        ("70", "Betaalbaarheid"),
        ("30", "Groen"),
    ]
    route = next(r for r in mine if r[by["item"]] == "Route willen en kunnen")
    assert route[by["value"]].startswith("Route a: Eerst de ambitie vastleggen")
    tension = next(r for r in mine if r[by["item"]] == "Spanning willen en mogen")
    assert (tension[by["score"]], tension[by["note"]]) == ("3", "Raad wil sneller")
    assert any(r[by["item"]] == "Eerlijk" and r[by["value"]] == "weet ik niet" and r[by["score"]] == "" for r in rows)
    palette = next(r for r in mine if r[by["value"]] == "Betaalbaarheid" and r[by["activity"]] == "Waardenpalet")
    assert palette[by["cell"]] == "individueel, materieel"
    assert not any("{" in cell or "[" in cell for row in rows for cell in row)


def test_the_plain_csv_is_for_tools(store):
    data = workshop(store)
    content = csv_bytes(data, plain=True)
    assert not content.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8"))))
    assert tuple(rows[0]) == COLUMNS
    answer = grade_answer(data, 6.5)
    grade = next(r for r in rows if r["participant"] == answer["participant"] and r["item"] == "Rapportcijfer")
    assert float(grade["score"]) == 6.5
    when = datetime.datetime.fromisoformat(grade["time"])
    assert when.utcoffset() is not None and abs(when.timestamp() - float(answer["updated_at"])) < 1
    assert grade["time"].endswith(("+01:00", "+02:00"))  # Amsterdam local, with its offset


def test_the_workbook_has_a_session_sheet_and_typed_filterable_tables(store):
    data = workshop(store)
    book = load_workbook(io.BytesIO(xlsx_bytes(data)))
    assert book.sheetnames == [
        "Sessie",
        "Waardenpalet",
        "Palet samengevoegd",
        "Prioriteren",
        "Beoordelen",
        "Strategische driehoek",
    ]
    facts = {row[0]: row[1] for row in book["Sessie"].iter_rows(values_only=True) if row[0]}
    assert facts["Titel"] == "Woonvisie 2030" and facts["Gemeente"] == "Gouda" and facts["Opgave"] == "Wonen"
    assert facts["Sessiecode"] == data["session"]["code"]
    created = local(data["session"]["created_at"])
    assert facts["Datum"] == f"{created.day} {MONTHS[created.month - 1]} {created.year}"
    assert facts["Ambtelijk"] == 1 and facts["Inwoner"] == 2 and facts["Totaal"] == 3
    for sheet in book.worksheets[1:]:
        last = sheet.cell(1, sheet.max_column).column_letter
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
        assert sheet["A1"].font.b
    grades = book["Beoordelen"]
    header = [c.value for c in grades[1]]
    assert header == DUTCH_HEADER
    rows = list(grades.iter_rows(min_row=2, values_only=True))
    scores = [r[header.index("Score")] for r in rows if r[header.index("Onderdeel")] == "Rapportcijfer"]
    assert sorted(scores) == [6.5, 7.5, 8.5] and all(isinstance(s, float) for s in scores)
    answer = grade_answer(data, 6.5)
    stamp = next(r for r in rows if r[header.index("Score")] == 6.5)[header.index("Datum en tijd")]
    assert isinstance(stamp, datetime.datetime)
    assert stamp == local(answer["updated_at"]).replace(tzinfo=None, microsecond=0)
    assert grades.cell(2, header.index("Datum en tijd") + 1).number_format == "dd-mm-yyyy hh:mm"
    points = [r[4] for r in book["Prioriteren"].iter_rows(min_row=2, values_only=True)]
    assert points and all(isinstance(p, int) for p in points)
    merged = list(book["Palet samengevoegd"].iter_rows(values_only=True))
    assert merged[0][-1] == "Gedeeld door groepen"
    assert {r[3]: r[-1] for r in merged[1:]}["betaalbaarheid"] == "ja"
    assert {r[3]: r[-1] for r in merged[1:]}["Groen"] == "nee"
    assert not any("{" in str(c.value) for s in book.worksheets for row in s.iter_rows() for c in row if c.value)


def test_what_participants_typed_never_becomes_a_formula(store):
    data = workshop(store)
    book = load_workbook(io.BytesIO(xlsx_bytes(data)))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = [c for c in cells if isinstance(c.value, str)]
    assert set(HOSTILE) <= {c.value for c in texts}  # the words as typed
    assert all(c.data_type == "s" and c.quotePrefix for c in texts if c.value[:1] in FORMULA_STARTS)
    for content, delimiter in (
        (csv_bytes(data), ";"),
        (csv_bytes(data, plain=True), ","),
    ):
        rows = read_csv(content, delimiter)
        assert [c for row in rows for c in row if c[:1] in FORMULA_STARTS] == []
        assert "'" + HOSTILE[0] in {c for row in rows for c in row}
    # a number is never text: an edited export with a negative score keeps it a number
    place = next(a for a in data["answers"] if a["item"] == "plaats")
    place["value"]["mogen"] = -2
    scores = [r["score"] for r in csv.DictReader(io.StringIO(csv_bytes(data, plain=True).decode()))]
    assert "-2" in scores and "'-2" not in scores


def test_an_english_session_gets_english_headers_labels_and_sheets(store):
    data = workshop(store, "en")
    header, *rows = read_csv(csv_bytes(data), ",")
    assert header == [
        "Group",
        "Participant",
        "Activity",
        "Item",
        "Score",
        "Answer",
        "Palette cell",
        "Note",
        "Date and time",
        "Moderation",
    ]
    items = {r[3] for r in rows}
    assert {
        "Overall grade",
        "Fair",
        "Place: willen",
        "Tension willen and mogen",
        "Route willen and kunnen",
        "Spread of 100 points",
        "Value",
    } <= items
    assert any(r[4] == "6.5" for r in rows) and any(r[5] == "don't know" for r in rows)
    assert {r[0] for r in rows} == {"Civil service", "Resident"}
    book = load_workbook(io.BytesIO(xlsx_bytes(data)))
    assert book.sheetnames[0] == "Session" and "Merged palette" in book.sheetnames
    time_cell = book[book.sheetnames[-1]].cell(2, 9)
    assert isinstance(time_cell.value, datetime.datetime) and time_cell.number_format == "yyyy-mm-dd hh:mm"
    # the facilitator may still ask for Dutch
    assert read_csv(csv_bytes(data, lang="nl"), ";")[0] == DUTCH_HEADER


def test_every_activity_has_its_export_rows():
    for activity in ACTIVITIES:
        assert callable(activity.part("exports", "rows")), activity.key


def test_a_file_that_is_no_export_gives_a_dutch_message():
    for data in ({"format": "iets anders"}, [], {"format": "publieke-waarde-kit/1"}):
        with pytest.raises(InputError) as caught:
            csv_bytes(data)
        assert error_message(caught.value, "nl") == "Dit is geen export van deze werkplaats."


def test_exports_from_a_file_after_the_session_is_gone(sqlite_store, tmp_path):
    data = workshop(sqlite_store)
    sqlite_store.delete_session(sqlite_store.session_by_code(data["session"]["code"]).id)
    source = tmp_path / "sessie.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    exports_main([str(source)])
    exports_main([str(source), "--xlsx"])
    assert read_csv(source.with_suffix(".csv").read_bytes(), ";")[0] == DUTCH_HEADER
    assert load_workbook(source.with_suffix(".xlsx")).sheetnames[0] == "Sessie"


def test_the_command_line_refuses_a_file_that_is_no_export_in_dutch(tmp_path):
    source = tmp_path / "iets.json"
    source.write_text('{"format": "iets anders"}', encoding="utf-8")
    with pytest.raises(SystemExit, match="Dit is geen export van deze werkplaats."):
        exports_main([str(source)])
    assert not source.with_suffix(".csv").exists()
