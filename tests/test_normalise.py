"""The normaliser: evasions read as the plain number, everything else is left alone, and every
span of the normalised text maps back to exactly what the user typed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.normalise import NormalisedText, normalise

# (as typed, normalised, the number in the normalised text, the typed characters it must map to)
EVASIONS = [
    ("５３ of you", "53 of you", "53", "５３"),
    ("5️⃣3️⃣ of you", "53 of you", "53", "5️⃣3️⃣"),
    ("７️⃣２️⃣ of you", "72 of you", "72", "７️⃣２️⃣"),
    ("5\u200b3 of you", "53 of you", "53", "5\u200b3"),
    ("5\u2060\u00ad3 of you", "53 of you", "53", "5\u2060\u00ad3"),
    ("٥٣ of you", "53 of you", "53", "٥٣"),
    ("3.749 steps", "3749 steps", "3749", "3.749"),
    ("3,749 steps", "3749 steps", "3749", "3,749"),
    ("5.400 steps", "5400 steps", "5400", "5.400"),
    ("3 749 steps", "3749 steps", "3749", "3 749"),
    ("3\u00a0749 steps", "3749 steps", "3749", "3\u00a0749"),
    ("3\u202f749 steps", "3749 steps", "3749", "3\u202f749"),
    ("3\u2009749 steps", "3749 steps", "3749", "3\u2009749"),
    ("2 480 of you", "2480 of you", "2480", "2 480"),
    ("3'120 steps", "3120 steps", "3120", "3'120"),
    ("3’120 steps", "3120 steps", "3120", "3’120"),
    ("1.200.000 steps", "1200000 steps", "1200000", "1.200.000"),
    ("1,234,567 steps", "1234567 steps", "1234567", "1,234,567"),
    ("1,00,000 steps", "100000 steps", "100000", "1,00,000"),
    ("５，０００ steps", "5000 steps", "5000", "５，０００"),
    ("1.2k followers", "1200 followers", "1200", "1.2k"),
    ("25K followers", "25000 followers", "25000", "25K"),
    ("4.2M views", "4200000 views", "4200000", "4.2M"),
    ("3.6M views", "3600000 views", "3600000", "3.6M"),
    ("1.5bn views", "1500000000 views", "1500000000", "1.5bn"),
    ("£40M raised", "£40000000 raised", "40000000", "40M"),
    ("£40m raised", "£40000000 raised", "40000000", "40m"),
    ("fifty-three of you", "53 of you", "53", "fifty-three"),
    ("Forty-one of you", "41 of you", "41", "Forty-one"),
    ("Two hundred and fifty of you", "250 of you", "250", "Two hundred and fifty"),
    ("Nearly three hundred of you", "Nearly 300 of you", "300", "three hundred"),
    ("Eleven of you", "11 of you", "11", "Eleven"),
    ("Thirty-two of you", "32 of you", "32", "Thirty-two"),
    ("three times each", "3 times each", "3", "three"),
    ("one hundred of you", "100 of you", "100", "one hundred"),
    ("a hundred of you", "100 of you", "100", "a hundred"),
    ("a dozen of you", "12 of you", "12", "a dozen"),
    ("one dozen of you", "12 of you", "12", "one dozen"),
    ("half a dozen of you", "6 of you", "6", "half a dozen"),
    ("ｆｉｆｔｙ-three of you", "53 of you", "53", "ｆｉｆｔｙ-three"),
    ("64,000+ of you", "64000 of you", "64000", "64,000"),
    ("700+ readers", "700 readers", "700", "700"),
    ("3.5k+ fans", "3500 fans", "3500", "3.5k"),
    # a comma that can only be a decimal one: after a lone 0, or before a percent sign
    ("0,0004 % of members", "0.0004 % of members", "0.0004", "0,0004"),
    ("2,5% of members", "2.5% of members", "2.5", "2,5"),
]

UNCHANGED = [
    "version 7.2",
    "Firmware 3.1.7",
    "0.002%",
    "£8.99",
    "5G",
    "4.2Mbps",
    "a 5m swim",
    "in 2024 250 readers",
    "call 555 123 4567",
    "3 100m repeats",
    "192.168.1.1",
    "1,234.56",
    "pages 3,5 and 9",
    "one of you",
    "no one",
    "the one person who",
    "One",
    "dozens of you",
    "a few hundred",
    "hundreds",
    "3 million",
    "2.1 million",
    "the third time",
    "twenty-first",
    "twenty first century",
    "someone often attends",
    "18+ only",
    "55+ members",
    "+44 7700",
    "4+3 bundle",
    "",
]


@pytest.mark.parametrize(("typed", "expected", "number", "span"), EVASIONS)
def test_evasion_reads_as_the_plain_number_and_maps_back(typed, expected, number, span):
    norm = normalise(typed)
    assert norm.text == expected
    assert normalise(expected).text == expected
    start = norm.text.index(number)
    a, b = norm.to_original(start, start + len(number))
    assert typed[a:b] == span


@pytest.mark.parametrize("text", UNCHANGED)
def test_left_as_typed(text):
    norm = normalise(text)
    assert norm.text == text
    assert norm.to_original(0, len(text)) == (0, len(text))


def test_surrounding_text_keeps_its_offsets():
    typed = "I ran ５３ km and fifty-three of you 👀 saw 3.749 steps 🎉 Yes"
    norm = normalise(typed)
    assert norm.text == "I ran 53 km and 53 of you saw 3749 steps 🎉 Yes"  # an emoji inside a phrase is dropped
    for word in ("ran", "km", "of you", "saw", "steps", "🎉", "Yes"):
        start = norm.text.index(word)
        a, b = norm.to_original(start, start + len(word))
        assert typed[a:b] == word


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Our year:\n• 4 new parks\n  ◦ forty of you in Hull", "Our year:\n  4 new parks\n    40 of you in Hull"),
        ("→ Sign-ups doubled\n- 12 of you rode daily", "  Sign-ups doubled\n  12 of you rode daily"),
        ("Thanks all\n— Team Leeds", "Thanks all\n— Team Leeds"),  # a dash may open the signature
        ("3 - 2 = 1 and 4 * 2", "3 - 2 = 1 and 4 * 2"),  # not at a line's start
    ],
)
def test_a_list_items_marker_becomes_a_space(typed, expected):
    """The parser takes a line's "•" for a word of the item; as a space it reads the item's grammar."""
    norm = normalise(typed)
    assert norm.text == expected
    start = norm.text.index("of you") if "of you" in norm.text else 0
    a, b = norm.to_original(start, len(norm.text))
    assert typed[a:b] == typed[typed.index("of you") if "of you" in typed else 0 :]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  Hi.  Fifty  of you\tran.  \n\n", "Hi. 50 of you ran."),
        ("Thanks! \r\n  See you soon", "Thanks!\r\n  See you soon"),  # an indent may mark a list item
        ("\n\n40 of you ran", "40 of you ran"),
        ("  • 40 of you ran", "  40 of you ran"),
        ("New paragraph.\n\nStill here.", "New paragraph.\n\nStill here."),
    ],
)
def test_layout_whitespace_is_read_as_one_space_and_line_breaks_stay(typed, expected):
    """A leading space, a double space after a full stop or a file's last newline changed the parse."""
    norm = normalise(typed)
    assert norm.text == expected
    for word in ("of you", "ran", "See", "Still", "Hi"):
        if word in norm.text:
            start = norm.text.index(word)
            a, b = norm.to_original(start, start + len(word))
            assert typed[a:b] == word


def test_emoji_sequences_keep_their_joiner():
    assert normalise("👩\u200d👩\u200d👧 fam").text == "👩\u200d👩\u200d👧 fam"
    norm = normalise("🏃\u200d♀️ run")
    assert norm.text == "🏃\u200d♀ run"
    assert norm.to_original(2, 3) == (2, 4)  # the ♀ owns its dropped selector
    assert normalise("a\u200db").text == "ab"


def test_keycap_after_a_letter_is_kept():
    assert normalise("x\u20e3").text == "x\u20e3"


def test_empty_span_maps_to_the_position():
    norm = normalise("５３ of you")
    assert norm.to_original(1, 1) == (1, 1)
    assert norm.to_original(len(norm.text), len(norm.text)) == (len(norm.original),) * 2


def test_map_never_raises_on_bad_arguments():
    norm = normalise("fifty-three")
    assert norm.to_original(-5, 99) == (0, len("fifty-three"))
    assert norm.to_original(3, 1) == (11, 11)  # clamped to the empty span at the end
    assert NormalisedText("abc", "abc").to_original(1, 3) == (1, 3)


def test_lone_surrogates_and_long_inputs():
    assert normalise("\ud800five\udfff").text == "\ufffd5\ufffd"  # one replacement each, so offsets hold
    # Shapes that would be quadratic with a careless regex; each is ~200k characters.
    for text in ("five" + " " * 200_000, "1," * 100_000, "5\u200b" * 100_000, "one " * 50_000, "７" * 200_000):
        norm = normalise(text)
        assert 0 <= norm.to_original(0, len(norm.text))[1] <= len(text)


# Fragments that exercise the rules, mixed with arbitrary characters (lone surrogates included).
FRAGMENTS = st.sampled_from(
    [
        "5",
        "３",
        "٣",
        ",",
        ".",
        "'",
        "’",
        " ",
        "\u00a0",
        "\u202f",
        "\u200b",
        "\u200d",
        "\ufe0f",
        "\u20e3",
        "\u00ad",
        "k",
        "M",
        "bn",
        "£",
        "-",
        "one",
        "a",
        "half",
        "dozen",
        "fifty",
        "three",
        "hundred",
        "and",
        "million",
        "first",
        "👩",
        "♀",
        "ﬁ",
        "½",
        "İ",
    ]
)
TEXTS = st.lists(FRAGMENTS | st.characters(exclude_categories=()), max_size=24).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_every_span_maps_inside_the_original_in_order(typed):
    norm = normalise(typed)
    n, limit = len(norm.text), len(typed)
    starts = []
    for s in range(n + 1):
        a, b = norm.to_original(s, s)
        assert 0 <= a == b <= limit
        starts.append(a)
    assert starts == sorted(starts)
    for s in range(n):
        for e in range(s + 1, n + 1):
            a, b = norm.to_original(s, e)
            assert 0 <= a < b <= limit
            assert a == starts[s]
    ends = [norm.to_original(0, e)[1] for e in range(1, n + 1)]
    assert ends == sorted(ends)
