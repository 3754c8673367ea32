"""The tree-sitter layer: parsing, the missing-grammar message, node text, places and comments."""

from __future__ import annotations

import pytest

from errdex.convert.importers.source import treesit
from errdex.convert.importers.source.treesit import (
    MissingGrammar,
    clean_comment,
    col,
    comment_after,
    comments_above,
    doc_of,
    line,
    parse,
    text,
    walk,
)

GO = """package e

// ErrA is bad.
//
//   indented
const (
	A = 1 // trailing
	B = 2

	// C has a doc.
	C = 3
)
"""


@pytest.fixture(scope="module")
def specs() -> list[object]:
    pytest.importorskip("tree_sitter_go", reason="the import-source extra is not installed")
    return walk(parse(GO, "go"), {"const_spec"})


def test_walk_finds_nodes_in_source_order_with_their_text_and_place(specs: list[object]) -> None:
    assert [text(s) for s in specs] == ["A = 1", "B = 2", "C = 3"]
    assert [(line(s), col(s)) for s in specs] == [(7, 2), (8, 2), (11, 2)]


def test_the_doc_of_a_node_is_the_comment_above_else_the_one_after(specs: list[object]) -> None:
    a, b, c = specs
    assert comments_above(a) == "" and comment_after(a) == "trailing"
    assert doc_of(a) == "trailing"
    assert doc_of(b) == ""  # the comment of the line above is A's, not B's
    assert doc_of(c) == "C has a doc."


def test_the_comment_above_a_declaration_keeps_paragraphs_and_indentation() -> None:
    pytest.importorskip("tree_sitter_go", reason="the import-source extra is not installed")
    (decl,) = walk(parse(GO, "go"), {"const_declaration"})
    assert comments_above(decl) == "ErrA is bad.\n\n  indented"


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("// one", "one"),
        ("/// doc\n/// more", "doc\nmore"),
        ("/**\n * Javadoc\n * second\n */", "Javadoc\nsecond"),
        ("/*!< after a member */", "after a member"),
        ("//!< Doxygen", "Doxygen"),
        ("# Python or proto", "Python or proto"),
        ("//\n// text\n//", "text"),
    ],
)
def test_clean_comment_strips_every_marker(raw: str, words: str) -> None:
    assert clean_comment(raw) == words


def test_a_missing_grammar_names_the_package_and_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(treesit._GRAMMARS, "cobol", ("tree_sitter_cobol_absent", "language"))
    with pytest.raises(MissingGrammar) as caught:
        parse("IDENTIFICATION DIVISION.", "cobol")
    assert str(caught.value) == (
        "reading cobol needs the tree-sitter grammar tree-sitter-cobol-absent; "
        "install errdex[import-source]"
    )
