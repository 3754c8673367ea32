"""GitHub workflow commands: one line per diagnostic, data and properties escaped."""

from __future__ import annotations

from errdex.check.output import github
from errdex.check.output.github import command, escape_data, escape_property


def test_github_escaping():
    assert escape_data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"


def test_github_commands(result):
    (unknown,) = [d for d in result.diagnostics if d.rule.id == "W203"]
    lines = github(result).splitlines()
    assert lines[0] == (
        "::warning file=cat%2Ca%3Alog.toml,line=6,col=30,title=W203 unknown-word::"
        "'rockdb' is not an English word, occurs nowhere else in the catalog, and is two edits "
        f"from 'rock'%0Ahelp: {escape_data(unknown.hint)}"
    )
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)
    assert len(lines) == 3
    assert command(result.diagnostics[0]).count("\n") == 0
