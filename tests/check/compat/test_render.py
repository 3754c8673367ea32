"""The four report formats: what a terminal, a script, GitHub and a release note get."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalogs import HEAD
from errdex.check.compat import FORMATS, Report, diff, render
from errdex.io import load, loads

OLD = (
    HEAD
    + """
[[errors]]
code = 1
name = "a"
message = "A {x} | pipe"

[[errors]]
code = 2
name = "b"
retryable = true

[[errors]]
code = 3
name = "c"
"""
)

NEW = (
    HEAD
    + """
[[compat.allow]]
code = 3
change = "removed"
reason = "c was never raised, 50% sure"

[[errors]]
code = 1
name = "a"
message = "A {x} | pipe, edited"
status = "deprecated"

[[errors]]
code = 2
name = "b"
retryable = false
"""
)


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Report:
    monkeypatch.chdir(tmp_path)
    Path("old.toml").write_text(OLD)
    Path("new.toml").write_text(NEW)
    return diff(
        load("old.toml"), load("new.toml"), old_label="git:main:shop.toml", new_label="shop.toml"
    )


def test_text(report: Report) -> None:
    lines = render(report, "text").splitlines()
    assert lines[0] == "errdex diff git:main:shop.toml -> shop.toml"
    assert lines[1] == "new.toml:18:1: breaking retry-dropped: 2 (b) is no longer retryable"
    assert lines[2].startswith("  hint: clients that retried will now give up")
    assert "old.toml:14:1: breaking removed (allowed: c was never raised, 50% sure): " in lines[7]
    assert lines[-1] == "2 breaking (1 allowed), 1 notice, 1 compatible"


def test_json(report: Report) -> None:
    data = json.loads(render(report, "json"))
    assert data["summary"] == {"breaking": 2, "notice": 1, "compatible": 1, "allowed": 1}
    assert data["failing"] == 1
    removed = next(c for c in data["changes"] if c["kind"] == "removed")
    assert removed == {
        "kind": "removed",
        "severity": "breaking",
        "code": 3,
        "space": "app",
        "name": "c",
        "old": 3,
        "new": None,
        "message": "3 (c) was deleted without a tombstone",
        "file": "old.toml",
        "line": 14,
        "col": 1,
        "allowed": "c was never raised, 50% sure",
    }


def test_github(report: Report) -> None:
    lines = render(report, "github").splitlines()
    assert lines[0].startswith(
        "::error file=new.toml,line=18,col=1,title=errdex diff%3A retry-dropped 2::"
    )
    # an allowed breaking change is a notice; the % of its reason is escaped
    assert any(
        line.startswith("::notice ") and "(allowed: c was never raised, 50%25 sure)" in line
        for line in lines
    )
    assert any(line.startswith("::warning ") and "1 (a) is deprecated" in line for line in lines)
    assert not any("edited" in line for line in lines if line.startswith("::"))
    assert lines[-1].endswith("2 breaking (1 allowed), 1 notice, 1 compatible")


def test_github_annotations_name_no_file_on_a_git_side() -> None:
    old = loads(OLD, name="git:main:shop.toml")
    new = loads(OLD.replace('[[errors]]\ncode = 3\nname = "c"\n', ""), name="shop.toml")
    (line,) = [x for x in render(diff(old, new), "github").splitlines() if x.startswith("::")]
    assert line.startswith("::error title=")
    assert "(git:main:shop.toml:14:1)" in line


def test_markdown(report: Report) -> None:
    text = render(report, "markdown")
    assert text.startswith("## errdex diff: `git:main:shop.toml` → `shop.toml`\n")
    assert "**1 breaking change not allowed.**" in text
    sections = [line for line in text.splitlines() if line.startswith("### ")]
    assert sections == ["### Breaking", "### Notices", "### Compatible"]
    assert "| **breaking** | `2` | `b` | `retry-dropped` | 2 (b) is no longer retryable |" in text
    assert "| allowed | `3` | `c` | `removed` |" in text
    assert "allowed: c was never raised, 50% sure" in text
    # a pipe inside a cell does not break the table
    edited = next(line for line in text.splitlines() if "`text-edited`" in line)
    assert edited.count(" | ") == 4


def test_markdown_without_changes() -> None:
    same = loads(OLD)
    text = render(diff(same, same), "markdown")
    assert "No changes to the error catalog." in text


def test_a_large_compatible_section_is_folded() -> None:
    many = "".join(f'\n[[errors]]\ncode = {100 + i}\nname = "n{i}"\n' for i in range(25))
    text = render(diff(loads(OLD), loads(OLD + many)), "markdown")
    assert "<details>\n<summary>25 compatible changes</summary>" in text


def test_every_format_ends_with_a_newline(report: Report) -> None:
    for fmt in FORMATS:
        assert render(report, fmt).endswith("\n")


def test_github_shift_title_is_escaped() -> None:
    body = "".join(f'\n[[errors]]\ncode = {c}\nname = "n{c}"\n' for c in (1, 2, 3))
    moved = "".join(f'\n[[errors]]\ncode = {c + 1}\nname = "n{c}"\n' for c in (1, 2, 3))
    lines = render(diff(loads(HEAD + body), loads(HEAD + moved)), "github").splitlines()
    (shift,) = [line for line in lines if "shift" in line and line.startswith("::notice")]
    # a ':' in a property would end it early: GitHub wants %3A there
    assert shift.startswith("::notice title=errdex diff%3A shift::codes 1 … 3")


def test_json_field_change_carries_the_values() -> None:
    head = HEAD + '\n[[errors]]\ncode = 1\nname = "a"\nmessage = "A {x}"\n'
    old = loads(head + 'tags = ["t"]\nparams = { x = { type = "str" } }\n')
    new = loads(head + 'tags = ["t", "u"]\nparams = { x = { type = "int" } }\n')
    retyped, change = json.loads(render(diff(old, new), "json"))["changes"]
    assert change["kind"] == "field-changed"
    assert change["old"]["tags"] == ["t"] and change["new"]["tags"] == ["t", "u"]
    assert retyped["kind"] == "param-type-changed"  # a typed client feels this one
    assert (retyped["old"], retyped["new"]) == ("str", "int")
