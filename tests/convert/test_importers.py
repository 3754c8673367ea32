"""Importers: what they read from real documents, what they report, and that they never raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import errdex
from catalogs import ROOT
from errdex.convert import import_document
from errdex.convert.importers import detect_format
from errdex.io import loads
from seeds import seed_text


def seed(name: str) -> str:
    return seed_text(name)


def test_subquery_bullets_import_as_the_example():
    result = import_document(seed("000_57c94140b9a9e1c2.txt"), name="subquery.md")
    assert result.diagnostics == []
    back = loads(result.to_toml())
    example = errdex.load(ROOT / "examples" / "subquery-indexer-proxy")
    assert [(e.code, e.message) for e in back.entries] == [
        (e.code, e.message) for e in example.entries
    ]
    assert back.meta.title == "Error code directory"


def test_zan_tables_import_with_chinese_headers_and_carried_codes():
    result = import_document(seed("003_6b3f6a61caac7446.txt"), name="zan.md")
    back = loads(result.to_toml())
    example = errdex.load(ROOT / "examples" / "zan")
    assert [e.code for e in back.entries] == [e.code for e in example.entries]
    # 对应错误码 sets the HTTP status of the JSON-RPC codes, as the example catalog records it
    assert [e.http_status for e in back.entries[5:]] == [e.http_status for e in example.entries[5:]]
    assert back.entries[0].solution == example.entries[0].solution  # 处理措施
    assert back.entries[5].message == "Invalid JSON"  # 消息描述
    assert back.meta.default_locale == "zh-CN"
    assert {e.space for e in back.entries[:5]} != {e.space for e in back.entries[5:]}
    bodies = [x.body for e in back.entries for x in e.examples]
    assert len(bodies) == 3 and all('"jsonrpc": "2.0"' in b for b in bodies)
    lines = {(d.rule.id, d.line) for d in result.diagnostics}
    assert ("I001", 1) in lines  # the front matter's other keys are reported, not dropped
    assert ("I002", 25) in lines  # an example placed by position is reported


def test_yuanrong_myst_imports_both_tables():
    result = import_document(seed("004_46cc9cbb204f5ab9.txt"), name="yuanrong.md")
    back = loads(result.to_toml())
    example = errdex.load(ROOT / "examples" / "yuanrong")
    assert [e.code for e in back.entries] == [e.code for e in example.entries]
    assert [e.solution for e in back.entries[:50]] == [e.solution for e in example.entries[:50]]
    # the REST "Error Message" column is a message; the MyST label names the REST section
    assert back.entries[-1].message == "subcribe stream failed"
    assert back.entries[-1].module == "error-code-rest-api"
    assert "can be retried later" in back.modules[back.entries[0].module].description


def test_unplaced_parts_are_reported_with_lines():
    text = (
        "# Errors\n\n"  # 1
        "| Code | Message | Owner |\n"  # 3
        "| --- | --- | --- |\n"
        "| 1 | one | alice |\n"  # 5
        "| 2 to 9 | a range | bob |\n"  # 6
        "\n"
        "| Name | Text |\n"  # 8
        "| --- | --- |\n"
        "| x | y |\n"
        "\n"
        "```{toctree}\n```\n"  # 12
    )
    result = import_document(text, "myst", name="doc.md")
    found = [(d.line, d.rule.id) for d in result.diagnostics]
    assert (3, "I001") in found  # column Owner
    assert (6, "I001") in found  # the range row
    assert (8, "I001") in found  # a table without a code column
    assert (12, "I001") in found  # an unknown directive
    back = loads(result.to_toml())
    assert [(e.code, e.message) for e in back.entries] == [(1, "one")]


def test_nothing_to_import_is_reported():
    result = import_document("just some prose\n", "markdown", name="x.md")
    assert result.data is None
    assert result.diagnostics and result.diagnostics[0].rule.id == "I001"


def test_csv_and_json_arrays():
    result = import_document("Error Code,Error Message,HTTP Status\n1,one,404\n2,two,abc\n", "csv")
    back = loads(result.to_toml())
    assert [(e.code, e.message, e.http_status) for e in back.entries] == [
        (1, "one", 404),
        (2, "two", None),
    ]
    assert [(d.line, d.rule.id) for d in result.diagnostics] == [(3, "I001")]
    doc = (
        '[\n  {"code": "A-1", "msg": "one", "owner": "x"},\n'
        '  {"code": "A-2", "message": "two"}\n]\n'
    )
    result = import_document(doc, "json")
    back = loads(result.to_toml())
    assert [(e.code, e.message) for e in back.entries] == [("A-1", "one"), ("A-2", "two")]
    assert [(d.line, d.rule.id) for d in result.diagnostics] == [(2, "I001")]


def test_detect_format():
    assert detect_format("a,b\n1,2\n", "x.csv") == "csv"
    assert detect_format("[]", "x.json") == "json"
    assert detect_format("# T\n\n```{csv-table}\n```\n", "x.md") == "myst"
    assert detect_format("# T\n\n- `1` - x\n", "x.md") == "markdown"


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MARKDOWNISH = st.text(alphabet=st.sampled_from(list("# |-`*:{}()=<>\"',\n abc123\\")), max_size=400)


@SETTINGS
@given(
    text=st.one_of(st.text(max_size=400), MARKDOWNISH),
    fmt=st.sampled_from(["markdown", "myst", "csv", "json", "errcodes", "auto"]),
)
def test_importers_never_raise(text, fmt):
    result = import_document(text, fmt, name="fuzz")
    for d in result.diagnostics:
        assert d.line >= 1 and d.message
    if result.data is not None:
        catalog, problems = errdex.io.reads(result.to_toml())
        assert catalog is not None
        assert [p for p in problems if p.severity == "error"] == []


def test_a_huge_bold_paragraph_is_prose_not_a_caption():
    """Captions are short lines; a long bold paragraph stays the section's text."""
    para = "**" + "x" * 20_000 + "** (`" + "`" * 2_000
    result = import_document(f"# Errors\n\n{para}\n\n- `1` - one\n", "markdown", name="big.md")
    back = loads(result.to_toml())
    assert [(e.code, e.message) for e in back.entries] == [(1, "one")]
    assert back.meta.description is not None and back.meta.description.startswith("**xxx")
