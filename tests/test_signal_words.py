"""The signal-word counter behind lesson 09's analyser (file 001, Bijlage C and G)."""

import pytest

from widgets.model.signal_words import Lexicon, count, placement, shares
from widgets.model.validation import InputError

LEXICON = Lexicon.from_rows(
    [
        {"perspective": "pa", "word": "regel*"},
        {"perspective": "pa", "word": "toezicht"},
        {"perspective": "npm", "word": "resultaat"},
        {"perspective": "npg", "word": "samenwerking"},
        {"perspective": "npg", "word": "eigen"},
        {"perspective": "sr", "word": "eigen kracht"},
    ]
)


def test_whole_words_prefixes_and_phrases_are_counted():
    found = count("Regels, regelgeving en Toezicht. Het resultaat: samenwerking en eigen kracht.", LEXICON)
    assert found["hits"] == {"pa": 3, "npm": 1, "npg": 1, "sr": 1}
    assert found["words"]["pa"] == {"regels": 1, "regelgeving": 1, "toezicht": 1}


def test_a_phrase_wins_over_its_first_word_and_words_inside_other_words_do_not_count():
    found = count("eigen kracht, eigen initiatief, toezichthouder, samenwerkingsverband", LEXICON)
    assert found["hits"] == {"pa": 0, "npm": 0, "npg": 1, "sr": 1}


def test_plain_dutch_endings_count_for_their_word():
    found = count("samenwerkingen, eigene, resultaten", LEXICON)
    assert found["hits"] == {"pa": 0, "npm": 0, "npg": 2, "sr": 0}  # a changed spelling (resultaat/-ten) is missed
    assert found["words"]["npg"] == {"samenwerkingen": 1, "eigene": 1}


def test_shares_are_percentages_of_all_hits():
    assert shares({"pa": 1, "npm": 1, "npg": 2, "sr": 0}) == {"pa": 25.0, "npm": 25.0, "npg": 50.0, "sr": 0.0}


@pytest.mark.parametrize("text, key", [("   ", "error.signal_empty"), ("x" * 200_001, "error.signal_too_long")])
def test_empty_or_huge_texts_get_a_message(text, key):
    with pytest.raises(InputError) as error:
        count(text, LEXICON)
    assert error.value.key == key


def test_a_text_without_signal_words_has_no_shares():
    with pytest.raises(InputError) as error:
        shares(count("De kat zit op de mat.", LEXICON)["hits"])
    assert error.value.key == "error.signal_no_hits"


def test_placement_ranks_and_finds_the_closest_municipalities():
    others = [
        ("Aa", {"pa": 10, "npm": 20, "npg": 30, "sr": 40}),
        ("Bb", {"pa": 40, "npm": 30, "npg": 20, "sr": 10}),
        ("Cc", {"pa": 25, "npm": 25, "npg": 25, "sr": 25}),
    ]
    place = placement({"pa": 12, "npm": 20, "npg": 28, "sr": 40}, others, nearest=2)
    assert place["below"] == {"pa": 1, "npm": 0, "npg": 2, "sr": 2} and place["total"] == 3
    assert place["nearest"] == ["Aa", "Cc"]
