"""The reST export writes the catalog's Markdown as reST markup, and nothing else comes alive.

Catalog texts are Markdown (:mod:`errdex.io.richtext`'s subset): the reST page shows
their bold as bold, their links as links, their lists as lists — built with docutils
here — while every other character stays text: no directive, role, target,
substitution or ``javascript:`` link can come from a catalog.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from errdex.convert import render_doc
from errdex.convert.rstmarkup import rst_markup
from errdex.io import loads

docutils_core = pytest.importorskip("docutils.core")
from docutils import nodes  # noqa: E402

SAFE_NODES = {
    nodes.document,
    nodes.paragraph,
    nodes.Text,
    nodes.strong,
    nodes.emphasis,
    nodes.literal,
    nodes.reference,
    nodes.bullet_list,
    nodes.enumerated_list,
    nodes.list_item,
    nodes.literal_block,
}
"""What a catalog text may become in the reST page (and nothing of its own: no raw,
no target, no substitution, no role, no system message)."""


def doctree(rst: str) -> nodes.document:
    return docutils_core.publish_doctree(
        rst, settings_overrides={"report_level": 5, "halt_level": 5, "warning_stream": False}
    )


def html(rst: str) -> str:
    page = docutils_core.publish_parts(
        rst, writer="html5", settings_overrides={"report_level": 5, "halt_level": 5}
    )
    return str(page["body"])


def test_emphasis_strong_code_and_links_become_markup() -> None:
    body = html(
        rst_markup(
            "Use `sql.ErrNoRows`, **always** and *then* see [the docs](https://x.dev/a?b=1).\n"
            "Glued: a**b**c."
        )
    )
    assert '<span class="docutils literal">sql.ErrNoRows</span>' in body
    assert "<strong>always</strong>" in body and "<em>then</em>" in body
    assert '<a class="reference external" href="https://x.dev/a?b=1">the docs</a>' in body
    assert "a<strong>b</strong>c." in body  # reST needs blanks around markup: an escaped one


def test_lists_and_paragraphs_become_lists_and_paragraphs() -> None:
    body = html(rst_markup("First.\n\n- one\n- two\n  - nested\n\n3. three\n4. four\n\nLast."))
    assert body.count("<p>") >= 2 and "<ul" in body and "<ol" in body
    assert body.index("nested") > body.index("two") and body.count("<ul") == 2
    assert 'start="3"' in body


def test_headings_are_strong_paragraphs_and_code_blocks_literal() -> None:
    tree = doctree(rst_markup("# Title\n\ntext\n\n```\n.. include:: /etc/passwd\n```"))
    assert {type(n) for n in tree.findall()} <= SAFE_NODES
    assert tree.next_node(nodes.strong).astext() == "Title"
    assert tree.next_node(nodes.literal_block).astext() == ".. include:: /etc/passwd"


@pytest.mark.parametrize(
    "text",
    [
        ".. include:: /etc/passwd",
        ".. raw:: html\n\n   <script>alert(1)</script>",
        ":download:`/etc/passwd`",
        "see :download: [x](https://a/b) and :py:`x`",
        "|sub| and [1]_ and ref_ and `x`_ and __ http://x",
        "[x](javascript:alert(1)) and <javascript:alert(1)> and javascript:alert(1)",
        "A. Smith\n(ii) b\n--opt  x\n:field: value\n+--+\n====",
        "text::\n\n    literal?",
        "**bold *nested* `code`** and [**bold link**](https://x.dev)",
    ],
)
def test_nothing_of_a_catalog_text_comes_alive(text: str) -> None:
    tree = doctree(rst_markup(text))
    assert {type(n) for n in tree.findall()} <= SAFE_NODES, tree.pformat()
    for ref in tree.findall(nodes.reference):
        assert ref["refuri"].startswith(("http://", "https://")), ref


_PIECES = ["javascript:", "http://x.dev", ".. ", "::", ":role:", "include", "1. ", "- "]
MARKDOWNISH = st.lists(
    st.sampled_from([*"ab *_`[]()<>:|.-+#=\\\n!{}&;~^'\"/", *_PIECES, "\n\n", "```"]),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(MARKDOWNISH)
def test_any_text_gives_only_safe_nodes(text: str) -> None:
    tree = doctree(rst_markup(text))
    assert {type(n) for n in tree.findall()} <= SAFE_NODES, (text, tree.pformat())
    for ref in tree.findall(nodes.reference):
        assert ref["refuri"].startswith(("http://", "https://")), (text, ref)


def test_the_rst_export_renders_an_entry_markdown_as_markup() -> None:
    cat = loads(
        '[catalog]\nid = "c"\n[[errors]]\ncode = 1\nmessage = "Bad **token**."\n'
        'description = "See [docs](https://x.dev) or `retry`.\\n\\n- a\\n- b"\n'
    )
    body = html(render_doc(cat, "rst"))
    assert "Bad <strong>token</strong>." in body
    assert '<a class="reference external" href="https://x.dev">docs</a>' in body
    assert '<span class="docutils literal">retry</span>' in body and "<li><p>a</p>" in body
    assert "**" not in body and "\\[" not in body
