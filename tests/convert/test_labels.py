"""Column labels: English or Chinese headers for generators, and every spelling importers read."""

from __future__ import annotations

import pytest

from catalogs import ROOT
from errdex.convert.labels import (
    ROLES,
    is_example_label,
    is_variants_label,
    labels_for,
    role_of,
)


def test_labels_are_chinese_for_any_zh_locale_and_english_otherwise() -> None:
    assert labels_for("zh-CN")["message"] == "消息描述"
    assert labels_for("ZH_tw")["code"] == "错误码"
    assert labels_for("en")["message"] == "Error Message"
    assert labels_for(None)["http_status"] == "HTTP Status"
    assert labels_for("fr")["solution"] == "Solution"


@pytest.mark.parametrize("locale", ["en", "zh-CN"])
def test_every_role_has_a_label_that_reads_back_as_that_role(locale: str) -> None:
    labels = labels_for(locale)
    for role in ROLES:
        assert role_of(labels[role]) == role, (locale, role, labels[role])


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("**消息描述**", "message"),
        ("Possible Return message", "message"),
        ("Meaning", "description"),
        ("status code", "code"),
        ("code:", "code"),
        ("`HTTP   Status`", "http_status"),
    ],
)
def test_headers_as_real_documents_write_them(header: str, role: str) -> None:
    assert role_of(header) == role


def test_an_unknown_header_has_no_role() -> None:
    assert role_of("Foo bar") is None
    assert role_of("") is None


def test_example_and_variant_captions_in_both_languages() -> None:
    assert is_example_label("Example") and is_example_label("示例")
    assert not is_example_label("example")  # only the exact caption generators write
    assert is_variants_label("Known Messages") and is_variants_label("已知消息")
    assert not is_variants_label("Messages")


# -- every heading and label of the document exports comes from the table ----------------

import html as _html  # noqa: E402
import re  # noqa: E402
from pathlib import Path  # noqa: E402

from click.testing import CliRunner  # noqa: E402

from errdex.cli.main import cli  # noqa: E402
from errdex.convert.csvdoc import COLUMNS  # noqa: E402
from errdex.convert.labels import LABELS  # noqa: E402

EXAMPLES = sorted(
    [p.parent for p in (ROOT / "examples").glob("*/errdex.toml")]
    + [ROOT / "examples" / "apps" / "shop.toml"]
)
LIFECYCLE = """
[catalog]
id = "life"
title = "Lifecycle"
locales = ["en", "zh-CN"]

[spaces.app]
kind = "app"
retryable = false

[[errors]]
code = "E1"
name = "oldToken"
message = "Old token."
status = "deprecated"
reason = "merged"
replaced_by = "E2"
retryable = true
variants = [{ message = "Token too old." }, { message = "Token expired." }]
examples = [{ body = "{}", lang = "json" }]

[[errors]]
code = "E2"
message = "Token invalid."
status = "removed"
retryable = false
"""
"""One entry of each state, a replacement, a retry differing from its space, variants and
an untitled example: every label the exporters can write appears in some export."""
DOCS = {  # format, extra options
    "markdown-table": ("markdown", ["--style", "table"]),
    "markdown-list": ("markdown", ["--style", "list"]),
    "markdown-sections": ("markdown", ["--style", "sections"]),
    "myst": ("myst", []),
    "rst": ("rst", []),
    "html": ("html", []),
    "csv": ("csv", []),
}
ENGLISH = {v for k, v in LABELS["en"].items() if k != "use_instead" and v != LABELS["zh"][k]}


_NOTE = re.compile(r"\(([^()`\[]*)(?:\[`[^`]+`\]\(#[^)]*\)|``[^`]+``|`[^`]+`(?:__)?)([^()]*)\)$")
_STATES = {labels[f"status_{s}"] for labels in LABELS.values() for s in ("deprecated", "removed")}


def _lifecycle_labels(cell: str) -> list[str]:
    """The state and the replacement note of ``STATE[: reason][ (use X instead)]``
    (nothing for a cell that is no lifecycle note)."""
    cell = cell.strip()
    state = re.split(r":| \(", cell, maxsplit=1)[0].strip()
    if state not in _STATES:
        return []
    note = _NOTE.search(cell)
    return [state] if note is None else [state, (note[1] + "{code}" + note[2]).strip()]


def _labels(fmt: str, text: str) -> list[str]:
    """The headings and labels an export writes: table headers, ``**Label:**`` bullets,
    captions, lifecycle cells, yes/no cells and replacement notes, per format."""
    lines = text.split("\n")
    found: list[str] = []
    if fmt == "csv":
        return text.split("\n", 1)[0].rstrip("\r").split(",")
    if fmt == "html":
        found += re.findall(r"<th>(.*?)</th>", text)
        found += re.findall(r"<p><strong>(.*?)</strong>", text)
        found += re.findall(r"<td>([^<]*?)(?::|</td>| \()", text)  # status, yes/no cells
        found += re.findall(r"\(([^()<]*)(?:<a [^>]*>)?<code>", text)
        found += re.findall(r"</code>(?:</a>)? ([^)<]*)\)", text)
        return [_html.unescape(f).strip() for f in found]
    states = {labels["status"] for labels in LABELS.values()}
    # a code cell opens with its code's label (MyST and reST): the row's cells on one line
    text = re.sub(r'"(?:\([^()\s]+\)=|\.\. _[^:\s]+:\n)\n\s*', '"', text)
    lines = text.split("\n")
    for i, line in enumerate(lines[:-1]):
        if re.fullmatch(r"\|( --- \|)+", lines[i + 1]):  # a Markdown table's header row
            head = [c.strip() for c in line.strip("|").split("|")]
            found += head
            for col in (n for n, h in enumerate(head) if h in states):  # lifecycle cells
                for row in lines[i + 2 :]:
                    if not row.startswith("|"):
                        break
                    found += _lifecycle_labels(row.strip("|").split("|")[col])
        bullet = re.match(r"^- \*\*(.+?):\*\* (.+)$", line)
        if bullet and bullet[1] in states:
            found += _lifecycle_labels(bullet[2])
        if fmt == "markdown" and re.match(r"^  \S", line) and lines[i - 1].startswith("- "):
            found += _lifecycle_labels(line)  # the list's lifecycle line under a bullet
    for line in lines:
        cells = re.findall(r'^:?\s*:?(?:header: )?(".*")\s*$', line) and [
            c.strip().strip('"') for c in re.findall(r'"[^"]*"', line)
        ]
        found += cells
        for cell in cells:
            found += _lifecycle_labels(cell)
        found += re.findall(r"^- \*\*(.+?):\*\*", line)  # bullet labels
        found += re.findall(r"^\*\*(.+?)\*\* \(", line)  # captions
    return found


@pytest.mark.parametrize("doc", sorted(DOCS))
def test_every_example_exported_in_zh_cn_has_no_english_heading_left(
    doc: str, tmp_path: Path
) -> None:
    fmt, options = DOCS[doc]
    life = tmp_path / "life.toml"
    life.write_text(LIFECYCLE, encoding="utf-8")
    zh = set(LABELS["zh"].values())
    seen: set[str] = set()
    for path in [*EXAMPLES, life]:
        args = ["export", str(path), "--format", fmt, *options, "--locale", "zh-CN"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, (path, result.output)
        found = set(_labels(fmt, result.stdout))
        assert not found & ENGLISH, (path.name, sorted(found & ENGLISH))
        seen |= found & zh
        english = _labels(fmt, CliRunner().invoke(cli, [*args[:-1], "en"]).stdout)
        if fmt == "csv":  # English headers are the field names
            assert english == list(COLUMNS), path.name
        elif doc != "markdown-list" or path == life:  # a list writes no header
            assert set(english) & ENGLISH, path.name  # the probe finds them in English
    keys = ("code", "status_deprecated", "status_removed", "variants", "example")
    if fmt == "csv":
        keys = ("code", "status", "retryable")
    if fmt == "html":
        keys += ("yes", "no")
    if fmt == "html":  # the replacement of E1, noted in the lifecycle cell
        code = '<a href="#app-E2"><code>E2</code></a>'
        note = LABELS["zh"]["use_instead"].replace("{code}", code)
        assert f"({note})" in result.stdout
    if doc == "markdown-list":  # a list writes no headers: only its lifecycle lines
        keys = ("status_deprecated", "status_removed")
    if fmt not in ("csv", "html"):
        keys += ("use_instead",)
    expected = {LABELS["zh"][k] for k in keys}
    assert expected <= seen, sorted(expected - seen)


def test_every_language_of_the_table_has_every_label_and_others_fall_back_to_english() -> None:
    assert set(LABELS) >= {"en", "zh"}  # the locales the example catalogs use (en, zh-CN)
    for language, labels in LABELS.items():
        assert labels.keys() == LABELS["en"].keys(), language
        assert "{code}" in labels["use_instead"], language
    assert labels_for("pt-BR") is LABELS["en"] and labels_for("zh-Hant-TW") is LABELS["zh"]
