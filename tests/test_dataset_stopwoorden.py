"""datasets/stopwoorden.csv: the Snowball stop word lists for Dutch and English, as published.

The counts are the lists' own (the Dutch list 101 words, ranked from the commonest, the English list 174), checked
against the file so that a lost or doubled line shows.
"""

from collections import Counter

from .dataset_files import provenance, rows

NAME = "stopwoorden.csv"


def test_the_two_lists_have_their_published_length_and_no_word_twice():
    found = rows(NAME)
    per_language = Counter(row["taal"] for row in found)
    assert per_language == {"nl": 101, "en": 174}
    for lang in per_language:
        words = [row["woord"] for row in found if row["taal"] == lang]
        assert len(set(words)) == len(words)


def test_the_dutch_list_is_ranked_and_the_english_by_kind_of_word():
    dutch = [row["woord"] for row in rows(NAME) if row["taal"] == "nl"]
    english = [row["woord"] for row in rows(NAME) if row["taal"] == "en"]
    assert dutch[:5] == ["de", "en", "van", "ik", "te"] and dutch[-1] == "andere"
    assert english[:4] == ["i", "me", "my", "myself"] and "don't" in english and english[-1] == "very"
    assert any("algorithms/dutch/stop.txt" in line for line in provenance(NAME))


def test_the_cloud_leaves_them_out():
    from widgets.activities.openvraag.model import stopwords, words

    assert {"de", "voor", "the", "dont"} <= stopwords()
    assert words("De woningen van de toekomst, don't you think") == [
        ("woningen", "woningen"),
        ("toekomst", "toekomst"),
        ("think", "think"),
    ]
