"""Joined words: when a query word is cut into the two words it joins, and where."""

from __future__ import annotations

from errdex.directory import tokenize
from errdex.directory.joins import JOIN_BELOW, MAX_WORD, best_cut, cuttable, joins
from errdex.directory.tokenize import Join, parse

COUNTS = {"api": 5, "key": 9, "not": 40, "found": 30, "apikey": 0, "a": 50, "pikey": 3}
PAIRS = {("api", "key"): 4, ("not", "found"): 28, ("a", "pikey"): 1}


def count(token: str) -> int:
    return COUNTS.get(token, 0)


def follows(first: str, then: str) -> int:
    return PAIRS.get((first, then), 0)


def test_only_words_of_ascii_letters_of_a_fair_length_are_cut() -> None:
    assert cuttable("apikey") and cuttable("abcd")
    assert not cuttable("abc")  # both halves must be two letters or more
    assert not cuttable("a" * (MAX_WORD + 1))
    assert not cuttable("http2error") and not cuttable("straße")


def test_the_cut_whose_words_follow_each_other_most_wins() -> None:
    assert best_cut("apikey", count, follows) == ("api", "key")  # a+pikey: halves too short
    assert best_cut("notfound", count, follows) == ("not", "found")
    assert best_cut("keyapi", count, follows) is None  # both indexed, never in that order
    assert best_cut("zzzzzz", count, follows) is None


def test_on_a_tie_the_leftmost_cut_wins() -> None:
    counts = {"ab": 1, "cdef": 1, "abc": 1, "def": 1}
    pairs = {("ab", "cdef"): 2, ("abc", "def"): 2}
    cut = best_cut("abcdef", lambda t: counts.get(t, 0), lambda a, b: pairs.get((a, b), 0))
    assert cut == ("ab", "cdef")


def test_stems_are_counted_and_the_words_kept_as_written() -> None:
    stems = {"rate": 3, "limit": 7}
    cut = best_cut(
        "ratelimited",
        lambda t: stems.get(t, 0),
        lambda a, b: 5 if (a, b) == ("rate", tokenize.stem("limited")) else 0,
    )
    assert cut == ("rate", "limited")
    join = Join(0, ("rate", "limited"), False)
    assert join.phrase() == '"rate limit"'


def test_a_word_in_few_entries_is_cut_and_kept_one_in_none_only_cut() -> None:
    q = parse("apikey invalid")
    assert joins(q, None, count, follows) == (Join(0, ("api", "key"), False),)
    few = dict(COUNTS, apikey=JOIN_BELOW - 1)
    assert joins(q, None, lambda t: few.get(t, 0), follows) == (Join(0, ("api", "key"), True),)
    many = dict(COUNTS, apikey=JOIN_BELOW)
    assert joins(q, None, lambda t: many.get(t, 0), follows) == ()


def test_the_last_word_counts_what_it_completes_to() -> None:
    q = parse("invalid apikey")
    assert joins(q, [], count, follows) == (Join(1, ("api", "key"), False),)
    assert joins(q, ["apikeys"], lambda t: 1 if t == "apikeys" else count(t), follows) == (
        Join(1, ("api", "key"), True),
    )
    assert joins(q, None, count, follows) == ()  # a prefix of many words is not cut


def test_quoted_and_cjk_terms_are_never_cut() -> None:
    assert joins(parse('"apikey"'), None, count, follows) == ()
    assert joins(parse("白名单 apikey"), [], count, follows) == (Join(1, ("api", "key"), False),)


def test_a_camel_case_word_is_always_also_its_parts() -> None:
    q = parse("rateLimitExceeded now")
    assert joins(q, None, count, follows) == (Join(0, ("rate", "limit", "exceeded"), False),)
    known = dict(COUNTS, ratelimitexceed=JOIN_BELOW + 5)
    assert joins(q, None, lambda t: known.get(t, 0), follows) == (
        Join(0, ("rate", "limit", "exceeded"), True),
    )
    # the last word: kept when it starts indexed words, or too many to list
    assert joins(parse("invalidJWT"), ["invalidjwt"], lambda t: 1, follows) == (
        Join(0, ("invalid", "jwt"), True),
    )
    assert joins(parse("invalidJWT"), None, count, follows) == (Join(0, ("invalid", "jwt"), True),)
    assert joins(parse('"rateLimit"'), [], count, follows) == ()  # quoted: as written
