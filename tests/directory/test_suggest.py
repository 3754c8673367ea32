"""Did you mean: which query words are corrected, to what, and the queries suggested."""

from __future__ import annotations

from errdex.directory import Registry
from errdex.directory.suggest import MAX_SUGGESTIONS, corrections, suggestions
from errdex.directory.tokenize import parse

WORDS = {"token": 13, "tokens": 13, "expire": 4, "expired": 4, "insufficient": 6, "rate": 9}


def known(word: str, prefix: bool) -> bool:
    return word in WORDS or (prefix and any(w.startswith(word) for w in WORDS))


def near(words: object) -> dict[str, int]:
    return {w: WORDS[w] for w in words if w in WORDS}  # type: ignore[attr-defined]


def test_only_unknown_words_of_ascii_letters_and_fair_length_are_corrected() -> None:
    assert corrections(parse("tokne rate"), known, near) == {0: ["token"]}
    assert corrections(parse("toke"), known, near) == {}  # the prefix of a known word
    assert corrections(parse("tokne toke"), known, near) == {0: ["token"]}
    assert corrections(parse("rat"), known, near) == {}  # too short to correct
    assert corrections(parse('"tokne"'), known, near) == {}  # quoted: meant as written
    assert corrections(parse("tokne2 白名单"), known, near) == {}
    assert corrections(parse("zzzzqq"), known, near) == {}  # nothing one edit away


def test_the_corrections_in_most_entries_come_first() -> None:
    assert corrections(parse("expird"), known, near) == {0: ["expire", "expired"]}
    more = dict(WORDS, tone=20)
    found = corrections(
        parse("tokne"), lambda w, p: w in more, lambda ws: {w: more[w] for w in ws if w in more}
    )
    assert found == {0: ["tone", "token"]}  # by entries, not alphabetically


def test_one_misspelt_word_gives_each_correction_several_the_best_of_each() -> None:
    query = parse("tokne expird now")
    assert suggestions(parse("expird now"), {0: ["expire", "expired"]}) == [
        "expire now",
        "expired now",
    ]
    many = [f"w{i}" for i in range(10)]
    assert len(suggestions(parse("x"), {0: many})) == MAX_SUGGESTIONS
    assert suggestions(query, {0: ["token"], 1: ["expire", "expired"]}) == ["token expire now"]
    assert suggestions(query, {}) == []


def test_the_index_suggests_from_its_vocabulary_what_finds_something(
    examples: Registry,
) -> None:
    page = examples.index.search("insufficent")
    assert (page.total, page.suggestions) == (0, ("insufficient",))
    assert examples.search("tokne").suggestions == ("token",)
    assert examples.index.search("insufficent", suggest=False).suggestions == ()
    assert examples.index.search("token").suggestions == ()
