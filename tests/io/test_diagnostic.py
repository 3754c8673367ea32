"""``errdex.io.diagnostic``: one problem with rule, severity, place and hint."""

from __future__ import annotations

from catalogs import HEAD
from errdex.io import reads
from errdex.io.diagnostic import SEVERITIES, WRONG_TYPE, Diagnostic, has_errors, rule
from errdex.io.source import SourceFile


def test_a_located_diagnostic_and_its_dict() -> None:
    _, (d,) = reads(HEAD + '[[errors]]\ncode = 1\nhttp_status = "x"\n', name="c.toml")
    assert (d.file, d.line, d.col, d.location) == ("c.toml", 5, 1, "c.toml:5:1")
    assert d.source_line == 'http_status = "x"'
    assert repr(d) == "<Diagnostic E003 c.toml:5:1: 'http_status' is a string, expected an integer>"
    assert d.to_dict() == {
        "rule": "E003",
        "slug": "wrong-type",
        "severity": "error",
        "message": "'http_status' is a string, expected an integer",
        "hint": "write http_status as an integer",
        "file": "c.toml",
        "line": 5,
        "col": 1,
        "source": 'http_status = "x"',
    }


def test_a_diagnostic_of_a_whole_file_has_no_line() -> None:
    d = Diagnostic(WRONG_TYPE, "m", source=SourceFile(None, "", "toml", "f.toml"), position=(0, 0))
    assert d.location == "f.toml" and d.to_dict()["line"] is None and d.source_line is None


def test_has_errors_and_severities() -> None:
    assert SEVERITIES == ("error", "warning", "note")
    error = Diagnostic(rule("E003"), "m")
    warning = Diagnostic(rule("W203"), "m")
    assert has_errors([warning, error]) and not has_errors([warning]) and not has_errors([])
    assert (error.severity, warning.severity) == ("error", "warning")


def test_a_batch_is_the_diagnostics_made_one_by_one() -> None:
    src = SourceFile(None, "[[errors]]\ncode = 1\n[[errors]]\ncode = 2\n", "toml", "f.toml")
    places = [(src, ("errors", 0)), (None, ())]
    made = Diagnostic.batch(rule("W301"), ["one", "two"], places, "fix it")
    alone = [
        Diagnostic(rule("W301"), m, source=s, path=p, hint="fix it")
        for m, (s, p) in zip(["one", "two"], places, strict=True)
    ]
    assert [d.to_dict() for d in made] == [d.to_dict() for d in alone]
    assert [(d.location, d.path, type(d)) for d in made] == [
        ("f.toml:1:1", ("errors", 0), Diagnostic),
        ("<catalog>", (), Diagnostic),
    ]
