"""Control and bidi characters in any catalog text reach no generated document raw: each
shows in the visible form the web directory uses (control pictures, ``⟨U+202E⟩``), and
still shows so once the document is built."""

from __future__ import annotations

import html
import re

import pytest

from errdex.convert import render_doc
from errdex.io import loads

ESC = "\x1b[31m\x07\x9b\u202e\u2066"
SHOWN = "␛[31m␇⟨U+009B⟩⟨U+202E⟩⟨U+2066⟩"
RAW = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
FORMATS = [
    ("markdown", "table"),
    ("markdown", "list"),
    ("markdown", "sections"),
    ("myst", None),
    ("rst", None),
    ("html", None),
]


def catalog_with_controls_everywhere() -> str:
    e = ESC.encode("unicode_escape").decode().replace("\\x", "\\u00")
    return f"""
[catalog]
id = "c"
title = "Title {e}"
description = "Catalog {e}"
[spaces.app]
kind = "app"
title = "Space {e}"
description = "Space text {e}"
[spaces.rpc]
kind = "jsonrpc"
[modules.m]
title = "Module {e}"
description = "Module text {e}"
space = "app"
[[errors]]
code = "E1"
module = "m"
name = "n1"
title = "T {e}"
message = "M {e}"
description = "D {e}"
solution = "S {e}"
variants = [{{ message = "V {e}", description = "VD {e}" }}]
examples = [{{ title = "X {e}", body = "B {e}", lang = "json" }}]
[[errors]]
code = "E2"
module = "m"
message = "Gone"
status = "removed"
reason = "R {e}"
replaced_by = "E{e}9"
[[errors]]
code = -32001
space = "rpc"
message = "rpc {e}"
http_status = 500
"""


TEXTS = (
    "Title ",
    "Catalog ",
    "Space ",
    "Space text ",
    "Module ",
    "Module text ",
    "T ",
    "M ",
    "D ",
    "S ",
    '"V ',
    "VD ",
    "X ",
    "B ",
    "R ",
    "(use E",
    "rpc ",
)
"""The start of every text of :func:`catalog_with_controls_everywhere`."""


@pytest.fixture(scope="module")
def catalog():
    return loads(catalog_with_controls_everywhere(), "toml", lenient=True)


@pytest.mark.parametrize("fmt,style", FORMATS)
def test_no_control_reaches_a_document_raw(catalog, fmt, style):
    text = render_doc(catalog, fmt, style=style)
    assert RAW.findall(text) == []
    assert (SHOWN.replace("[", "\\[") if fmt == "rst" else SHOWN) in text


@pytest.mark.parametrize("fmt,style", [("markdown", "table"), ("markdown", "sections")])
def test_the_escape_still_shows_once_markdown_is_built(catalog, fmt, style):
    markdown_it = pytest.importorskip("markdown_it")
    page = (
        markdown_it.MarkdownIt("commonmark")
        .enable("table")
        .render(render_doc(catalog, fmt, style=style))
    )
    assert RAW.findall(page) == []
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    for prefix in TEXTS:
        assert prefix + SHOWN in text, prefix


def test_the_escape_still_shows_once_rst_is_built(catalog):
    core = pytest.importorskip("docutils.core")
    page = core.publish_string(
        render_doc(catalog, "rst"),
        writer="html5",
        settings_overrides={"report_level": 2, "halt_level": 2, "output_encoding": "unicode"},
    )
    assert RAW.findall(page) == []
    text = html.unescape(re.sub(r"<[^>]+>", "", page))  # the example is highlighted: spans
    for prefix in TEXTS:  # in a literal too
        assert prefix + SHOWN in text, prefix


def test_line_ends_stay_line_ends():
    cat = loads('[catalog]\nid = "c"\n[[errors]]\ncode = 1\nmessage = "a\\r\\nb\\tc"\n')
    assert "a<br>b\tc" in render_doc(cat, "markdown")
