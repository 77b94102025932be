"""Every message exists in every language, counts read right, numbers are written as the language writes them."""

import shutil
import sys
from pathlib import Path

import pytest

from widgets.activities.beoordelen.render import score_text
from widgets.i18n import cli_language, decimal, language_choices, languages, normalize_language, pick, t
from widgets.report import exports

REPO = Path(__file__).resolve().parent.parent
LOCALE = REPO / "widgets" / "locale"
sys.path.insert(0, str(REPO / "tools"))
import catalogs  # noqa: E402  (tools/ is not a package)


def test_every_catalog_is_complete_and_every_id_the_code_names_exists():
    assert catalogs.problems(extracted=catalogs.extract()) == []


def test_every_catalog_id_is_used_somewhere():
    assert catalogs.unused() == [], "remove it: python tools/messages.py --remove <id>"


def test_the_check_names_an_id_nobody_uses_but_not_one_built_from_a_prefix_or_suffix(tmp_path):
    (tmp_path / "widgets" / "views").mkdir(parents=True)
    shutil.copytree(LOCALE, tmp_path / "locale")
    code = 't("moderation.hide", lang)\nt("activity." + key)\nt(f"{key}.plain")\n'
    (tmp_path / "widgets" / "views" / "panel.py").write_text(code, encoding="utf-8")
    found = catalogs.unused(tmp_path / "locale", tmp_path)
    assert "moderation.restore" in found and "facilitator.answered" in found
    assert not {"moderation.hide", "activity.palet", "palet.plain", "beoordelen.step"} & set(found)


def test_the_template_lists_every_dutch_message_with_its_text_for_translators():
    pot = {catalogs.msgid(m): m for m in catalogs.read(catalogs.TEMPLATE) if m.id}
    dutch = {catalogs.msgid(m): m for m in catalogs.catalogs()["nl"] if m.id}
    assert sorted(pot) == sorted(dutch), "run `make catalogs`"
    assert pot["facilitator.answered"].auto_comments == [
        "{n} deelnemer heeft geantwoord | {n} deelnemers hebben geantwoord"
    ]


def test_the_check_names_a_missing_translation_a_lost_placeholder_and_a_wrong_number_of_forms(tmp_path):
    folder = tmp_path / "locale"
    shutil.copytree(LOCALE, folder)
    english = folder / "en" / "LC_MESSAGES" / "kit.po"
    text = english.read_text(encoding="utf-8")
    text = text.replace('msgstr "Lessons"', 'msgstr ""')
    text = text.replace('msgstr "Step {n} of {total}"', 'msgstr "Step {n}"', 1)
    text = text.replace(
        'msgstr[1] "{n} participants answered"\n', 'msgstr[1] "{n} participants answered"\nmsgstr[2] "{n}"\n', 1
    )
    english.write_text(text, encoding="utf-8")
    found = "\n".join(catalogs.problems(folder))
    assert "en: start.section.lessons: missing, empty or fuzzy" in found
    assert "placeholders ['n'], Dutch has ['n', 'total']" in found
    assert "msg has more translations than num_plurals of catalog" in found
    text = text.replace('msgstr[0] "{n} participant answered"', 'msgstr[0] ""', 1)
    english.write_text(text, encoding="utf-8")
    assert "en: facilitator.answered: 1 of the 2 plural forms of en filled in" in catalogs.problems(folder)


def test_counted_messages_agree_with_their_number():
    assert t("facilitator.answered", "nl", n=1) == "1 deelnemer heeft geantwoord"
    assert t("facilitator.answered", "nl", n=2) == "2 deelnemers hebben geantwoord"
    assert t("facilitator.answered", "nl", n=0) == "0 deelnemers hebben geantwoord"
    assert t("facilitator.answered", "en", n=1) == "1 participant answered"
    assert t("screen.answered", "nl", n=1, total=5) == "1 van de 5 deelnemers heeft geantwoord"
    assert t("screen.answered", "en", n=3, total=5) == "3 of the 5 participants have answered"
    assert t("prioriteren.left", "nl", n=1) == "Nog 1 punt te verdelen"
    assert t("start.minutes", "en", n=1) == "1 minute"
    assert t("start.minutes", "en", n=5) == "5 minutes"
    # a page script fills in the count itself: the form for a count, its placeholder kept
    assert t("prioriteren.over", "nl", count=1) == "{n} punt te veel"
    assert t("prioriteren.over", "nl", count=5) == "{n} punten te veel"


def test_a_count_of_thousands_is_written_with_the_languages_separator():
    assert t("moderation.counts", "nl", total=5284, hidden=1, waiting=0, flagged=1200).startswith(
        "5.284 teksten: 1 verborgen, 0 wachten op goedkeuring, 1.200 gemarkeerd"
    )
    assert t("moderation.counts", "en", total=5284, hidden=1, waiting=0, flagged=2).startswith("5,284 texts: 1 hidden")
    assert t("facilitator.answered", "nl", n=1234) == "1.234 deelnemers hebben geantwoord"
    assert t("bar.participants", "en", n=10_000) == "10,000 participants"


def test_numbers_are_written_as_the_language_writes_them():
    assert decimal(6.5, "nl") == "6,5" and decimal(6.5, "en") == "6.5"
    assert decimal(20.66, "nl") == "20,7" and decimal(3, "en", digits=0) == "3"
    assert [score_text(v, "nl") for v in (6.5, 7, 1.5)] == ["6,5", "7", "1,5"]
    assert [score_text(v, "en") for v in (6.5, 7, 1.5)] == ["6.5", "7", "1.5"]


def test_dutch_is_the_default_and_unknown_languages_fall_back_to_it():
    assert languages() == ("nl", "en")
    assert normalize_language(None) == "nl"
    assert normalize_language("fr") == "nl"
    assert normalize_language("EN") == "en"
    assert normalize_language("en-GB") == "en" and normalize_language("nl_NL.UTF-8") == "nl"
    assert t("start.section.lessons") == "Lessen"
    assert t("start.section.lessons", "en") == "Lessons"
    assert language_choices("nl") == [("en", "English")]


def test_a_language_is_a_folder_with_a_catalog_no_code(tmp_path, monkeypatch):
    folder = tmp_path / "locale"
    shutil.copytree(LOCALE, folder)
    frisian = folder / "fy" / "LC_MESSAGES" / "kit.po"
    frisian.parent.mkdir(parents=True)
    text = (folder / "nl" / "LC_MESSAGES" / "kit.po").read_text(encoding="utf-8")
    text = text.replace('"Language: nl\\n"', '"Language: fy\\n"').replace('msgstr "Lessen"', 'msgstr "Lessen (fy)"')
    text = text.replace('msgstr[1] "{n} deelnemers hebben geantwoord"', 'msgstr[1] "{n} dielnimmers hawwe antwurde"')
    frisian.write_text(text, encoding="utf-8")
    assert catalogs.problems(folder) == []
    monkeypatch.setenv("KIT_LOCALE_DIR", str(folder))
    assert languages() == ("nl", "en", "fy")
    assert normalize_language("fy") == "fy"
    assert dict(language_choices())["fy"] == "Frysk"
    assert t("start.section.lessons", "fy") == "Lessen (fy)"
    assert t("facilitator.answered", "fy", n=4) == "4 dielnimmers hawwe antwurde"
    monkeypatch.delenv("KIT_LOCALE_DIR")
    assert normalize_language("fy") == "nl"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_message_missing_in_a_language_falls_back_to_dutch(lang, tmp_path, monkeypatch):
    folder = tmp_path / "locale"
    shutil.copytree(LOCALE, folder)
    po = folder / "en" / "LC_MESSAGES" / "kit.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Lessons"', 'msgstr ""'), encoding="utf-8")
    monkeypatch.setenv("KIT_LOCALE_DIR", str(folder))
    assert t("start.section.lessons", lang) == "Lessen"


def test_command_line_tools_speak_the_language_asked_for(tmp_path, monkeypatch):
    monkeypatch.delenv("KIT_LANG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert cli_language() == "nl"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert cli_language() == "en" and cli_language("nl") == "nl"
    monkeypatch.setenv("KIT_LANG", "nl")
    assert cli_language() == "nl"
    broken = tmp_path / "export.json"
    broken.write_text("geen json", encoding="utf-8")
    with pytest.raises(SystemExit) as english:
        exports.main([str(broken), "--lang", "en"])
    assert str(english.value) == "This file is not valid JSON."


def test_pick_reads_bilingual_metadata():
    assert pick({"nl": "Les", "en": "Lesson"}, "en") == "Lesson"
    assert pick({"nl": "Les"}, "en") == "Les"
    assert pick("Alleen Nederlands", "en") == "Alleen Nederlands"
    assert pick(None) == ""
