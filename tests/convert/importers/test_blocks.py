"""The Markdown block scanner: every kind of block an error document is made of, with lines."""

from __future__ import annotations

from errdex.convert.importers.blocks import Block, scan, split_row

PAGE = """---
title: x
---
# Errors

(shop--app)=
## Auth

| Code | Msg |
| --- | --- |
| 1 | a \\| b |

- `1` - one
  continued
- two

```json
{"a": 1}
```

:::{note}
hi
:::

***

para
line two
<table><tr><th>Code</th></tr><tr><td>5</td></tr></table>
"""


def test_a_page_of_every_block_kind() -> None:
    assert scan(PAGE) == [
        Block("front", 1, "title: x"),
        Block("heading", 4, 1, "Errors"),
        Block("label", 6, "shop--app"),
        Block("heading", 7, 2, "Auth"),
        Block("table", 9, ["Code", "Msg"], [(11, ["1", "a \\| b"])]),
        Block("list", 13, [(13, "`1` - one\ncontinued"), (15, "two")]),
        Block("fence", 17, "json", '{"a": 1}', 18),
        Block("colon", 21, "{note}", "hi", 22),
        # the *** rule is layout: no block
        Block("para", 27, "para\nline two"),
        Block("table", 29, ["Code"], [(29, ["5"])], "html"),
    ]


def test_headings_need_a_space_and_closing_hashes_are_dropped() -> None:
    assert scan("# Title #\n   ###### deep\n#nospace") == [
        Block("heading", 1, 1, "Title"),
        Block("heading", 2, 6, "deep"),
        Block("para", 3, "#nospace"),
    ]


def test_ordered_items_are_a_list() -> None:
    assert scan("1. first\n2) second\n") == [Block("list", 1, [(1, "first"), (2, "second")])]


def test_an_unclosed_fence_keeps_the_rest_of_the_text() -> None:
    assert scan("```\nopen fence\nno close") == [Block("fence", 1, "", "open fence\nno close", 2)]


def test_nothing_gives_no_blocks() -> None:
    assert scan("") == []
    assert scan("\n\n  \n") == []


def test_split_row_keeps_escaped_pipes_inside_a_cell() -> None:
    assert split_row("| a | b \\| c |") == ["a", "b \\| c"]
    assert split_row("a | b") == ["a", "b"]
    assert split_row("| a | b \\|") == ["a", "b \\|"]
