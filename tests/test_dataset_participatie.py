"""datasets/overheidsparticipatietrap.csv, focusgroepen_factoren.csv and rollen_lokale_democratie.csv.

Source: master thesis (Fianne; Universiteit Utrecht, master Arbeid, Zorg & Participatie; internship at
Provincie Gelderland) on local democratic renewal in Gelderland (2017 or later; title page missing from the text).
All expected numbers and names below are written down BY HAND from that OCR text (line numbers given),
not computed from the CSV files.
"""

import json
import re
from pathlib import Path

import pytest

from .dataset_files import DATASETS, provenance, rows

REPO = Path(__file__).resolve().parent.parent
LADDER = DATASETS / "overheidsparticipatietrap.csv"
FACTORS = DATASETS / "focusgroepen_factoren.csv"
ROLES = DATASETS / "rollen_lokale_democratie.csv"
LESSON = REPO / "lessons" / "10-participatie-en-rollen.ipynb"

# §2.1, lines 141-146: "vijf treden"; top (1) reguleren, then (2) regisseren, (3) stimuleren, (4) faciliteren,
# bottom (5) loslaten. (Figure 1 itself lost two of its labels in the OCR, line 149-155.)
PRINTED_RUNGS = ("reguleren", "regisseren", "stimuleren", "faciliteren", "loslaten")
PRINTED_NUMBER_OF_RUNGS = 5
# Ch. 6, lines 1060-1063: interaction mostly "halverwege" the ladder, between 'stimuleren' and 'faciliteren'.
HALFWAY = ("stimuleren", "faciliteren")

# Ch. 3, lines 388-391: 45 respondents in twaalf focusgroepen, from 26 municipalities; line 383: Gelderland has
# 53 municipalities, 123 invited; line 388: 63 registrations; lines 408-409: 15 small, 9 medium, 2 large;
# lines 357-358: five meetings, in Arnhem (2), Doetinchem, Harderwijk and Geldermalsen.
RESPONDENTS, FOCUS_GROUPS, MUNICIPALITIES, GELDERLAND, INVITED, REGISTERED = 45, 12, 26, 53, 123, 63
SIZE_CLASSES = {"klein": 15, "middelgroot": 9, "groot": 2}
MEETINGS = 5
# Line 414: groups "van vier" with one interviewer.
GROUP_SIZE = 4

# Ch. 3, lines 426-440 and Bijlage line 1193: green = succesfactor, yellow = knelpunt, blue = behoefte.
KINDS = {"Succesfactor": "Success factor", "Knelpunt": "Bottleneck", "Behoefte": "Need"}
# §2.5 lines 284-287, sticky wall lines 415-416 and Bijlage lines 1180-1181: four actors.
ROLE_NAMES = {
    "Gemeenteraad": "Municipal council",
    "College van B&W": "Executive (mayor and aldermen)",
    "Ambtenaar": "Civil servant",
    "Samenleving": "Society",
}


def bilingual_columns(path: Path) -> list:
    header = list(rows(path)[0])
    return sorted({c[:-3] for c in header if c.endswith(("_nl", "_en"))})


@pytest.mark.parametrize("path", [LADDER, FACTORS, ROLES], ids=lambda p: p.name)
def test_provenance_names_the_thesis(path):
    header = provenance(path)
    assert len(header) >= 3
    text = "\n".join(header)
    for part in ("Fianne", "Universiteit Utrecht", "Arbeid, Zorg & Participatie", "Provincie Gelderland"):
        assert part in text, part
    assert "vertaling van de kit" in text  # English columns are the kit's translation


@pytest.mark.parametrize("path", [LADDER, FACTORS, ROLES], ids=lambda p: p.name)
def test_every_text_column_has_both_languages_filled(path):
    data = rows(path)
    header = list(data[0])
    assert header == [h.lower() for h in header] and all(h.isascii() for h in header)
    for base in bilingual_columns(path):
        assert f"{base}_nl" in header and f"{base}_en" in header, base
        for row in data:
            assert row[f"{base}_nl"].strip() and row[f"{base}_en"].strip(), (path.name, base, row)
    # the English is a translation, not a copy (short names such as 'Loslaten' vs 'Letting go' differ too)
    for row in data:
        first = header[0][:-3]
        assert row[f"{first}_nl"] != row[f"{first}_en"], row


def test_ladder_has_the_five_printed_rungs_in_the_printed_order():
    data = rows(LADDER)
    assert list(data[0]) == [
        "rung_nl",
        "rung_en",
        "role_nl",
        "role_en",
        "description_nl",
        "description_en",
        "question_nl",
        "question_en",
    ]
    assert len(data) == PRINTED_NUMBER_OF_RUNGS
    assert tuple(r["rung_nl"].lower() for r in data) == PRINTED_RUNGS
    names = [r["rung_nl"].lower() for r in data]
    assert names.index(HALFWAY[0]) + 1 == names.index(HALFWAY[1])  # 'halverwege' = two neighbouring rungs
    assert names.index(HALFWAY[0]) == len(names) // 2  # ...around the middle of five
    # the printed numbering (1) top ... (5) bottom appears in the descriptions of the first and last rung
    assert "(1)" in data[0]["description_nl"] and "(5)" in data[-1]["description_nl"]
    for row in data:
        assert row["question_nl"].endswith("?") and row["question_en"].endswith("?")
    text = "\n".join(provenance(LADDER))
    assert "Kleistra & Walraven, 2014" in text and "RECONSTRUCTIE" in text


def test_focus_group_figures_in_the_provenance_add_up():
    text = " ".join(line.lstrip("# ").strip() for line in provenance(FACTORS))
    match = re.search(r"(\d+) gemeenteambtenaren in (\w+) focusgroepen, in (\w+) bijeenkomsten", text)
    assert match, "provenance must give respondents, focus groups and meetings"
    words = {"twaalf": 12, "vijf": 5}
    assert int(match.group(1)) == RESPONDENTS
    assert words.get(match.group(2), match.group(2)) == FOCUS_GROUPS
    assert words.get(match.group(3), match.group(3)) == MEETINGS
    # the printed locations add up to five meetings: Arnhem counts twice
    locations = re.search(r"\((Arnhem 2x, [^)]*)\)", text).group(1).split(", ")
    assert sum(2 if "2x" in loc else 1 for loc in locations) == MEETINGS
    counts = re.search(r"uit (\d+) van de (\d+) Gelderse gemeenten: (\d+) kleine, (\d+) middelgrote, (\d+) grote", text)
    assert counts, "provenance must give the municipalities by size class"
    total, province, small, medium, large = map(int, counts.groups())
    assert (total, province) == (MUNICIPALITIES, GELDERLAND)
    assert (small, medium, large) == tuple(SIZE_CLASSES.values())
    assert small + medium + large == MUNICIPALITIES  # recomputed: 15 + 9 + 2 = 26 (lines 391 and 408-409)
    assert re.search(rf"{INVITED} uitgenodigd, {REGISTERED} aanmeldingen", text)
    assert RESPONDENTS <= REGISTERED <= INVITED
    # "groepen van vier" (line 414): 45 people over twelve groups is about four per group
    assert round(RESPONDENTS / FOCUS_GROUPS) == GROUP_SIZE
    # "De helft van Gelderse gemeenten is vertegenwoordigd" (line 1115-1116): 26 of 53 is about half
    assert round(MUNICIPALITIES / GELDERLAND, 1) == 0.5


def test_factors_use_the_three_kinds_and_print_no_counts():
    data = rows(FACTORS)
    assert list(data[0]) == ["item_nl", "item_en", "kind_nl", "kind_en", "explanation_nl", "explanation_en"]
    assert 9 <= len(data) <= 18
    for row in data:
        assert row["kind_nl"] in KINDS and row["kind_en"] == KINDS[row["kind_nl"]], row
    kinds = [r["kind_nl"] for r in data]
    assert set(kinds) == set(KINDS)
    assert all(kinds.count(k) >= 3 for k in KINDS)  # enough of each kind for a sorting exercise
    # grouped in the order the thesis treats them: success factors, bottlenecks, needs (ch. 4)
    assert kinds == sorted(kinds, key=list(KINDS).index)
    assert len({r["item_nl"] for r in data}) == len(data) and len({r["item_en"] for r in data}) == len(data)
    # the thesis is qualitative and prints no frequencies, so the dataset must not invent them
    assert "mentions" not in data[0]
    assert "GEEN aantallen" in "\n".join(provenance(FACTORS))


def test_roles_cover_the_four_actors_of_the_sticky_wall():
    data = rows(ROLES)
    assert list(data[0]) == ["task_nl", "task_en", "role_nl", "role_en", "explanation_nl", "explanation_en"]
    assert 8 <= len(data) <= 12
    for row in data:
        assert row["role_nl"] in ROLE_NAMES and row["role_en"] == ROLE_NAMES[row["role_nl"]], row
    roles = [r["role_nl"] for r in data]
    assert set(roles) == set(ROLE_NAMES)
    assert all(roles.count(r) >= 2 for r in ROLE_NAMES)
    assert len({r["task_nl"] for r in data}) == len(data)


def test_lesson_states_the_printed_study_figures():
    cells = json.loads(LESSON.read_text(encoding="utf-8"))["cells"]
    dutch = " ".join("".join(c["source"]) for c in cells if c.get("metadata", {}).get("tags") == ["nl"])
    english = " ".join("".join(c["source"]) for c in cells if c.get("metadata", {}).get("tags") == ["en"])
    for text in (dutch, english):
        assert f"{RESPONDENTS} " in text and f"{MUNICIPALITIES} " in text and f"{GELDERLAND} " in text
    assert "twaalf focusgroepen" in dutch and "twelve focus groups" in english
    for rung in PRINTED_RUNGS:
        assert rung.capitalize() in dutch
    # the order in the lesson text follows the printed order too
    positions = [dutch.index(f"**{rung.capitalize()}**") for rung in PRINTED_RUNGS]
    assert positions == sorted(positions)
