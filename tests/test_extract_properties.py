"""Property tests: extraction never raises, and written-out integers round-trip to their value."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factdb.extract import extract_claims
from factdb.extract.numbers import parse_number

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _below_thousand(n: int) -> list[str]:
    words = []
    if n >= 100:
        words += [_UNITS[n // 100], "hundred"]
        n %= 100
    if n >= 20:
        words.append(_TENS[n // 10] + ("-" + _UNITS[n % 10] if n % 10 else ""))
    elif n:
        words.append(_UNITS[n])
    return words


def in_words(n: int) -> str:
    """English words for 1 <= n < 10**12, e.g. 1_200_000 -> 'one million two hundred thousand'."""
    words = []
    for scale, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            words += _below_thousand(n // scale) + [name]
            n %= scale
    return " ".join(words + _below_thousand(n))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_on_arbitrary_text(text):
    for c in extract_claims(text, dt.date(2024, 2, 7)):
        assert text[c.start:c.end] == c.text
        c.to_record()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["killed", "at least", "more than", "1,200", "2024", "Oct. 7", "said", "the",
                                 "ministry", "dozens", "\"", ".", ",", "\n\n", "a quarter of", "between",
                                 "and", "to", "-", "–", "%", "$", "on Tuesday", "since", "he", "hundreds"]),
                max_size=40))
def test_never_raises_on_news_like_noise(parts):
    extract_claims(" ".join(parts), dt.date(2024, 2, 7))
    extract_claims("".join(parts))


def _gold_sentences() -> list[str]:
    import json
    from pathlib import Path

    path = Path(__file__).parent / "data" / "extract" / "gold-sentences.jsonl"
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()[:300]]


_ODD_NUMBERS = ["1.5", "0", "00", "1,5", "½", "2 1/2", "-3", "٣", "１２", "3/0", "99999999999999999999", ".5",
                "12th", "24/7", "1 000", "1,000,000,000,000,000", "No. 1/2024", "Feb. 30", "31 February", "(4)",
                "5%%", "20-27", "+265 1 789", "1e5", "7½", "4 by 6", "2024-13-45", "0000", "99"]


# the shapes whose rules read a number's digits (ages after names and roles, years, windows, ranges,
# phone lines), each number in turn swapped for each odd one: exhaustive, not sampled
_DIGIT_READING_SHAPES = ["Ahmed Hassan, 31, said 12 people died.", "The minister, 43, told reporters 5 were hurt.",
                         "In the past 24 hours, 12 people were killed.", "Between 20 and 27 August, 16 died.",
                         "Some 12 people died 3 days ago, 4 weeks after the 1975-90 war.",
                         "Call 112 or +44 20 7946 0958.", "The toll rose by 12 to 240, up from 45 in January 2023.",
                         "12 died in the first half of 2023 and 5 between 20 and 27 August 2024.",
                         "12 have died since January 2023 and 40 since 2022, up from 7 in 2021."]


@pytest.mark.parametrize("shape", _DIGIT_READING_SHAPES)
def test_never_raises_when_any_number_is_odd(shape):
    import re

    pieces = re.split(r"(\d+(?:[,.]\d+)*)", shape)
    for i in range(1, len(pieces), 2):
        for odd in _ODD_NUMBERS:
            mutated = "".join(pieces[:i] + [odd] + pieces[i + 1:])
            for c in extract_claims(mutated, dt.date(2024, 2, 29)):
                assert mutated[c.start:c.end] == c.text


# every number of a real sentence swapped for an odd one
@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_gold_sentences()), st.lists(st.sampled_from(_ODD_NUMBERS), min_size=1, max_size=6),
       st.sampled_from([dt.date(2024, 2, 29), dt.date(2000, 1, 1), None]))
def test_never_raises_on_real_sentences_with_odd_numbers(text, odd, published):
    import re

    pieces = re.split(r"(\d+(?:[,.]\d+)*)", text)
    for i in range(1, len(pieces), 2):
        pieces[i] = odd[(i // 2) % len(odd)]
    mutated = "".join(pieces)
    for c in extract_claims(mutated, published):
        assert mutated[c.start:c.end] == c.text


@given(st.integers(min_value=1000, max_value=10**12))
def test_separators_round_trip(n):
    assert parse_number(f"{n:,}").value == n
    assert parse_number(f"{n:,}".replace(",", "\u00a0")).value == n


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_words_round_trip(n):
    got = parse_number(in_words(n))
    assert got is not None and got.value == n, in_words(n)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from([("thousand", 10**3), ("million", 10**6), ("billion", 10**9)]))
def test_scales_round_trip(whole, tenth, scale):
    word, mult = scale
    got = parse_number(f"{whole}.{tenth} {word}")
    assert got.value == (whole * 10 + tenth) * mult // 10
    assert isinstance(got.value, int)


# the speed-ups must not change what is found: the abbreviation mask equals the regex substitution,
# and the prefilters of the number scanners drop no match
_PIECES = ["Dr. ", "U.N. ", "U.S.A. ", "A. Smith ", "St. ", "No. 5 ", "a ", "I. ", "one in four ", "1 in 5 ",
           "a majority ", "the vast majority ", "half ", "two-thirds ", "3/4 ", "2 1/2 ", "½ ", "7½ ", "dozens ",
           "tens of thousands ", "several hundred ", "out of ", "12 ", "1,200 ", "Mr.", ". ", "\n", "é", "-", "x",
           "Flight ", "pp. ", "Mk", "Iron Dome ", "# ", "UN-", "F16-", "route"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=25))
def test_anchored_scans_equal_regex_scans(parts):
    from factdb.extract import numbers
    from factdb.extract.anchored import Anchored
    from factdb.extract.attribution import _ABBR_DOT_RE, mask_abbreviations

    text = "".join(parts)
    expected = _ABBR_DOT_RE.sub(lambda m: m.group(0)[:-1] + "\u00b7", text)
    assert mask_abbreviations(text) == expected
    for scan in (numbers.FRACTION_SCAN, numbers.RATIO_SCAN, numbers.VAGUE_SCAN, numbers.MAJORITY_SCAN,
                 numbers.SLASH_SCAN, numbers.VULGAR_SCAN):
        unfiltered = Anchored(scan.rx, ())
        unfiltered.keys = scan.keys  # the same start words, without the needs/needs_text prefilters
        assert [m.span() for m in scan.finditer(text)] == [m.span() for m in unfiltered.finditer(text)]
    tail = text[-24:]
    assert bool(numbers.IDENT_BEFORE_RE.search(tail)) <= tail.rstrip().endswith(numbers._IDENT_ENDINGS)
