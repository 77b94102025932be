"""Every message exists in Dutch and English, with the same placeholders."""

import json
import re
from pathlib import Path

from widgets.i18n import LANGUAGES, normalize_language, pick, t

LOCALE = Path(__file__).resolve().parent.parent / "widgets" / "locale"


def placeholders(text: str) -> set:
    return set(re.findall(r"{(\w+)}", text))


def test_catalogs_have_the_same_keys_and_placeholders():
    catalogs = {lang: json.loads((LOCALE / f"{lang}.json").read_text()) for lang in LANGUAGES}
    nl, en = catalogs["nl"], catalogs["en"]
    assert sorted(nl) == sorted(en), f"missing in en: {set(nl) - set(en)}; missing in nl: {set(en) - set(nl)}"
    for key in nl:
        assert nl[key].strip() and en[key].strip(), f"empty message {key}"
        assert placeholders(nl[key]) == placeholders(en[key]), f"placeholders differ for {key}"


def test_dutch_is_the_default_and_unknown_languages_fall_back_to_it():
    assert normalize_language(None) == "nl"
    assert normalize_language("fr") == "nl"
    assert normalize_language("EN") == "en"
    assert t("start.section.lessons") == "Lessen"
    assert t("start.section.lessons", "en") == "Lessons"
    assert t("start.minutes", "en", n=5) == "5 minutes"


def test_pick_reads_bilingual_metadata():
    assert pick({"nl": "Les", "en": "Lesson"}, "en") == "Lesson"
    assert pick({"nl": "Les"}, "en") == "Les"
    assert pick("Alleen Nederlands", "en") == "Alleen Nederlands"
    assert pick(None) == ""
