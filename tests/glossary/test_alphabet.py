"""Terms in the order of the language's dictionaries (glossary/alphabet.py)."""

from glossary.alphabet import initial, letter_id, letters, sort_key


def ordered(words, language):
    return sorted(words, key=lambda word: sort_key(word, language))


def test_danish_files_ae_oe_aa_after_z_and_accents_with_their_letter():
    words = ["Åben dialog", "Øvrige", "Ærlighed", "zone", "Étape", "abe", "Aabenraa", "Über"]
    assert ordered(words, "da") == [
        "Aabenraa",
        "abe",
        "Étape",
        "Über",  # ü is filed as y
        "zone",
        "Ærlighed",
        "Øvrige",
        "Åben dialog",
    ]


def test_english_files_the_danish_letters_as_plain_ones():
    assert ordered(["Øvrige", "Åben", "Ærlig", "Zulu", "Oak"], "en") == [
        "Åben",
        "Ærlig",
        "Oak",
        "Øvrige",
        "Zulu",
    ]


def test_words_are_ordered_letter_by_letter_past_hyphens_and_spaces():
    assert ordered(["Ki plan b", "KI-plan", "Kiosk"], "da") == ["Kiosk", "KI-plan", "Ki plan b"]


def test_a_word_is_filed_under_its_first_letter():
    assert [initial(w, "da") for w in ["øvrige", "Étape", "åben", "3-årig"]] == [
        "Ø",
        "E",
        "Å",
        "#",
    ]
    assert initial("Øvrige", "en") == "O"
    assert letters("da").endswith("ZÆØÅ") and letters("en").endswith("XYZ")
    assert letter_id("Ø") == "bogstav-oe" and letter_id("Å") == "bogstav-aa"
